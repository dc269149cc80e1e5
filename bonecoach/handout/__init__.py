"""Printable PDF handouts and log sheets (reportlab)."""
