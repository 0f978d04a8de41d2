"""The ``possync-sandbox`` command: run the offline WooCommerce or Sitoo on a loopback port.

Each server starts empty, or loaded with the seeded demo catalogue, and can keep its state in
a JSON file so a restart finds the shop or the POS as it was left.
"""

from __future__ import annotations

from pathlib import Path

import typer

from possync_sandbox.server import serve_forever

app = typer.Typer(help="Offline WooCommerce and Sitoo emulators for possync.", no_args_is_help=True)

HOST = typer.Option("127.0.0.1", help="Address to listen on.")
DATA = typer.Option(None, help="JSON file keeping the state across restarts.")
SEED = typer.Option(None, help="Load the demo catalogue made from this seed.")
PRODUCTS = typer.Option(60, help="Number of products in the demo catalogue.")


@app.command()
def woo(
    port: int = typer.Option(8081, help="Port to listen on."),
    host: str = HOST,
    data: Path | None = DATA,
    seed: int | None = SEED,
    products: int = PRODUCTS,
    http: bool = typer.Option(False, help="Act as a shop without HTTPS (OAuth 1.0a only)."),
) -> None:
    """Serve the WooCommerce emulator."""
    from possync_sandbox.catalogue import generate
    from possync_sandbox.woocommerce import WooEmulator, WooSettings

    settings = WooSettings(https=not http, data_file=str(data) if data else None)
    emulator = WooEmulator(settings)
    if seed is not None:
        emulator.load_catalogue(generate(seed=seed, products=products))
    typer.echo(f"WooCommerce sandbox on http://{host}:{port}/wp-json/wc/v3/")
    serve_forever(emulator.app, host, port)


@app.command()
def sitoo(
    port: int = typer.Option(8082, help="Port to listen on."),
    host: str = HOST,
    data: Path | None = DATA,
    seed: int | None = SEED,
    products: int = PRODUCTS,
) -> None:
    """Serve the Sitoo emulator."""
    from possync_sandbox.catalogue import generate
    from possync_sandbox.sitoo import SitooEmulator, SitooSettings

    emulator = SitooEmulator(SitooSettings(data_file=str(data) if data else None))
    if seed is not None:
        emulator.load_catalogue(generate(seed=seed, products=products))
    typer.echo(f"Sitoo sandbox on http://{host}:{port}/v2/")
    serve_forever(emulator.app, host, port)


def main() -> None:
    app()
