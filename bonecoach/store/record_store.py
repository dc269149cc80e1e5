"""`RecordStore`: every read and write of one database's records, and nothing else.

`Store` (service.py) adds opening, backups and closing on top. The modules that the opening
and the backups themselves use (the clinic export, a restore's check of a backup's records)
work on a `RecordStore`, so they never reach back up to the opening.
"""

from __future__ import annotations

from sqlalchemy import Engine
from sqlalchemy.orm import sessionmaker

from bonecoach.store.client_ops import ClientOps
from bonecoach.store.custom_ops import CustomExerciseOps
from bonecoach.store.session_ops import SessionOps
from bonecoach.store.therapist_ops import TherapistOps


class RecordStore(ClientOps, TherapistOps, SessionOps, CustomExerciseOps):
    def __init__(self, engine: Engine, *, actor: str = "") -> None:
        super().__init__(sessionmaker(engine, expire_on_commit=False), actor=actor)
        self.engine = engine
