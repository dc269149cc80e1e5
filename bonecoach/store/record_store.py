"""`RecordStore`: every read and write of one database's records, and nothing else.

`Store` (store.py) adds opening, backups and closing on top. The modules that the opening
and the backups themselves use (the clinic export, a restore's check of a backup's records)
work on a `RecordStore`, so they never reach back up to the opening.
"""

from __future__ import annotations

from sqlalchemy import Engine
from sqlalchemy.orm import sessionmaker

from bonecoach.store.clients import ClientRecords
from bonecoach.store.clinic_templates import ClinicTemplateRecords
from bonecoach.store.custom_exercises import CustomExerciseRecords
from bonecoach.store.sessions import SessionRecords
from bonecoach.store.therapists import TherapistRecords


class RecordStore(
    ClientRecords, TherapistRecords, SessionRecords, CustomExerciseRecords, ClinicTemplateRecords
):
    def __init__(self, engine: Engine, *, actor: str = "") -> None:
        super().__init__(sessionmaker(engine, expire_on_commit=False), actor=actor)
        self.engine = engine
