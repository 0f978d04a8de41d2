"""``possync demo`` as a merchant runs it: the real command, both shops, and what it leaves behind."""

from __future__ import annotations

import os
import re
import sqlite3
import subprocess
import sys
from pathlib import Path


def _run_demo(products: int) -> str:
    env = {**os.environ, "COLUMNS": "200", "NO_COLOR": "1"}
    command = [
        str(Path(sys.executable).parent / "possync"),
        "demo",
        "--products",
        str(products),
        "--seed",
        "3",
    ]
    done = subprocess.run(command, capture_output=True, text=True, env=env, timeout=300, check=False)  # noqa: S603
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout


def _row(text: str, label: str) -> list[int]:
    """The created / updated / unchanged / matched / parked counts of one summary row."""
    match = re.search(
        rf"│ {re.escape(label)}\s*│\s*(\d+)\s*│\s*(\d+)\s*│\s*(\d+)\s*│\s*(\d+)\s*│\s*(\d+)", text
    )
    assert match, f"no summary row '{label}' in:\n{text}"
    return [int(n) for n in match.groups()]


def _bound(store: Path, entity: str) -> int:
    with sqlite3.connect(store) as db:
        row = db.execute(
            "select count(*) from bindings where entity = ? and woo_id is not null and pos_id is not null",
            (entity,),
        ).fetchone()
    return int(row[0])


def test_demo_syncs_both_shops_and_says_what_it_parked() -> None:
    out = _run_demo(24)
    down, up = out.split("Shop 2:")
    assert "Shop 1: Sitoo → empty WooCommerce" in down
    for label in ("categories in WooCommerce", "products in WooCommerce", "variations in WooCommerce"):
        created, _, _, _, parked = _row(down, label)
        assert created > 0
        assert parked == 0
    products_up = _row(up, "products in Sitoo")
    assert products_up[0] > 0
    assert products_up[4] > 0, "the demo shop's awkward products are parked on the way up"
    assert "has no SKU: give it one, or run `possync fix-sku`" in up
    assert "has characters Sitoo refuses" in up
    folder = Path(re.search(r"is in (\S+)", out.replace("\n", " ")).group(1))  # type: ignore[union-attr]
    assert _bound(folder / "shop-1.db", "product") == _row(down, "products in WooCommerce")[0]
    assert _bound(folder / "shop-2.db", "product") == products_up[0]
    assert _bound(folder / "shop-2.db", "variation") == _row(up, "variations in Sitoo")[0]
