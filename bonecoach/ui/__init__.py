"""The PySide6 desktop app: windows, dialogs, item models and thin actions."""
