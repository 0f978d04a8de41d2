"""Placeholder for the orders part of the Sitoo emulator (owned by sitoo-stock).

Export a ``Plugin``: API routes, and optionally seed data, catalogue loading, control
routes under ``/__sandbox__``, start/stop hooks and a section of the state dump.
"""

from __future__ import annotations

from possync_sandbox.sitoo.context import Plugin

PLUGIN = Plugin()
