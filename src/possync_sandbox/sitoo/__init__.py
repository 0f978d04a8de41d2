"""The offline Sitoo: REST API v2 (``/v2/accounts/{accountid}``) with its state, faults and controls.

Built from the Sitoo specification only. ``SitooEmulator(SitooSettings(...)).app`` is the ASGI
app; the default credentials are in ``possync_sandbox.sitoo.settings``.
"""

from possync_sandbox.sitoo.emulator import SitooEmulator
from possync_sandbox.sitoo.settings import SitooSettings

__all__ = ["SitooEmulator", "SitooSettings"]
