"""The Settings dialog: clinic, paper, database location and the therapist list."""
