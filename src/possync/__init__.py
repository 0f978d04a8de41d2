"""possync keeps a WooCommerce shop and a POS back office in step."""

__version__ = "0.1.0"
