"""`Store`: the one object the UI and the command line use for stored data.

    store = Store.open()                   # checks, backs up, migrates (DatabaseProblem if not)
    client = store.create_client("Ann Lee", date_of_birth=date(1950, 3, 2))
    store.save_profile(client.id, profile)
    v1 = store.save_program(client.id, program)
    v2 = store.save_program(client.id, changed, program_id=v1.program_id, based_on=v1.number)
    store.save_custom_exercise(exercise, CustomPicture("poses", start=..., end=...))
    store.close()                          # the on-close backup, if anything changed

Every method returns records (``bonecoach.store.records``) holding domain objects; every write
is one transaction with its audit entry.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Engine

from bonecoach.store.opening import OpenedDatabase, open_database
from bonecoach.store.record_store import RecordStore
from bonecoach.store.settings import Settings

if TYPE_CHECKING:
    from bonecoach.store.exchange import Progress


class Store(RecordStore):
    def __init__(
        self,
        engine: Engine,
        *,
        opened: OpenedDatabase | None = None,
        actor: str = "",
    ) -> None:
        super().__init__(engine, actor=actor)
        self.opened = opened
        # Why the last automatic backup failed, for the app to show (None: it worked).
        self.backup_problem = None if opened is None else opened.backup_problem
        self._backup_due = opened is not None and opened.backup_due

    @classmethod
    def open(
        cls,
        url: str | None = None,
        *,
        settings: Settings | None = None,
        backups: Path | None = None,
        auto_backup: bool = True,
        server_backup_later: bool = False,
        actor: str = "",
    ) -> Store:
        """Open the configured database (see opening.open_database)."""
        opened = open_database(
            url,
            settings=settings,
            backups=backups,
            auto_backup=auto_backup,
            server_backup_later=server_backup_later,
        )
        return cls(opened.engine, opened=opened, actor=actor)

    @property
    def backup_due(self) -> bool:
        """A server database's start-of-day export was left for later and not yet taken."""
        return self._backup_due

    def take_due_backup(self) -> Path | None:
        """Take the start-of-day export the opening left for later (the app runs this on a
        worker, so the therapist can work meanwhile); None when none was due."""
        from bonecoach.store.server_backup import automatic_server_backup

        if self.opened is None or not self._backup_due:
            return None
        made = automatic_server_backup(self.engine, self.opened.backup_folder)
        self._backup_due = False
        return made

    @property
    def url(self) -> str:
        from bonecoach.store.settings import shown_url

        return shown_url(self.engine.url.render_as_string(hide_password=False))

    @property
    def sqlite_path(self) -> Path | None:
        return None if self.opened is None else self.opened.path

    @property
    def backup_folder(self) -> Path | None:
        return None if self.opened is None else self.opened.backup_folder

    def backup_now(self, out: Path | None = None) -> Path:
        """A manual backup: SQLite online backup, or a JSON export for PostgreSQL."""
        from bonecoach.store.backup import backup_to, take_backup
        from bonecoach.store.errors import BackupError
        from bonecoach.store.exchange import export_all_to_file, export_all_to_folder

        folder = self.backup_folder
        path = self.sqlite_path
        if path is not None:
            if out is not None:
                return backup_to(path, out)
            if folder is None:
                raise BackupError("no backup folder configured")
            return take_backup(path, folder, "manual")
        from sqlalchemy.exc import SQLAlchemyError

        try:
            if out is not None:
                return export_all_to_file(self.engine, out)
            if folder is None:
                raise BackupError("no backup folder configured")
            return export_all_to_folder(self.engine, folder, "manual")
        except (OSError, SQLAlchemyError) as exc:
            raise BackupError(f"The backup could not be written: {exc}") from exc

    def close(self, *, auto_backup: bool = True, progress: Progress | None = None) -> Path | None:
        """Close; the automatic backup on close is taken if anything was saved.

        A failing backup does not raise (the data is saved); ``backup_problem`` says why.
        ``progress(done, total)``: per client, while a server database is exported.
        """
        from sqlalchemy.exc import SQLAlchemyError

        from bonecoach.store.backup import automatic_backup
        from bonecoach.store.errors import BackupError

        made = None
        path, folder = self.sqlite_path, self.backup_folder
        try:
            if auto_backup and self.changed and folder is not None:
                if path is not None:
                    self.engine.dispose()  # every connection closed: the file is at rest
                    made = automatic_backup(path, folder, force=True)
                else:
                    from bonecoach.store.server_backup import automatic_server_backup

                    made = automatic_server_backup(
                        self.engine, folder, force=True, progress=progress
                    )
                self.backup_problem = None
        except (BackupError, OSError, SQLAlchemyError) as exc:  # e.g. the server went away
            self.backup_problem = str(exc)
        finally:
            self.engine.dispose()
        return made

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
