"""The domain: exercise library, client profile, screening, programs and progression.

Pure Python. Nothing here imports Qt, SQL or PDF code (checked by import-linter and by a
test run in an environment without PySide6).
"""
