"""The sync engine's store-side pieces: bindings, cursors, the outbox, run logs and fingerprints.

They hold no HTTP: the engine drives them with what the remote clients read and write.
"""

from __future__ import annotations

from possync.sync.backoff import Backoff
from possync.sync.binder import Binder, BindingConflictError
from possync.sync.cursor import Cursor, IdCursor, Window, reset_cursors
from possync.sync.fingerprint import canonical_json, fingerprint
from possync.sync.outbox import Outbox, Status, Target, idempotency_key
from possync.sync.runs import Outcome, RunLog, RunStatus

__all__ = [
    "Backoff",
    "Binder",
    "BindingConflictError",
    "Cursor",
    "IdCursor",
    "Outbox",
    "Outcome",
    "RunLog",
    "RunStatus",
    "Status",
    "Target",
    "Window",
    "canonical_json",
    "fingerprint",
    "idempotency_key",
    "reset_cursors",
]
