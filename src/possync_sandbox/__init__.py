"""The possync sandbox: offline WooCommerce and Sitoo emulators, a demo catalogue and faults.

Written from the API specifications only; it imports nothing from ``possync`` so a
misunderstanding in possync's clients cannot hide behind a matching emulator.
"""

__version__ = "0.1.0"
