"""Persistence: SQLAlchemy models, Alembic migrations, backups, import and export.

Import the module you need (this package imports nothing, so `bonecoach` starts fast and the
handout's ``--demo`` reads the demo clients without loading SQLAlchemy):

- ``store.Store``: the one object the UI and commands use (``Store.open()``; clients,
  profiles, programs and versions, handouts, sessions, history and progress, suggestions,
  the clinic's custom exercises, audit). It returns ``records`` dataclasses holding domain
  objects, never ORM rows.
- ``errors``: StaleSaveError, DatabaseProblem, DuplicateClientError, ImportProblem, ...
- ``settings``: the clinic settings file (load_settings, save_settings, backup_folder).
- ``backup``: online backups, daily automatic ones with rotation, checked restore.
- ``exchange``: export/import one client (``client_file.ClientFile``, with the custom
  exercises its programs name), demo clients.
- ``legacy_custom``: moves the old ``custom_library`` folder of TOML files into the database.
- ``database``: which database, start-up check, migration, engine; ``migrate``: Alembic.
- ``synthetic``: benchmark-scale data.
"""
