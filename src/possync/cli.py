"""The ``possync`` command line: every action a merchant or an operator starts by hand."""

from __future__ import annotations

import typer

from possync import __version__

app = typer.Typer(help="Keep a WooCommerce shop and a POS back office in step.", no_args_is_help=True)


@app.command()
def version() -> None:
    """Print the installed version."""
    typer.echo(__version__)


@app.command()
def demo(
    seed: int = typer.Option(1, help="Seed of the demo catalogue."),
    products: int = typer.Option(60, help="How many products the demo catalogue holds."),
) -> None:
    """Run possync on the built-in sandbox: no account, no server to install."""
    from possync.demo import run_demo

    run_demo(seed=seed, products=products)


def main() -> None:
    app()
