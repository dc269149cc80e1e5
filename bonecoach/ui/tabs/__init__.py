"""The client tabs (Profile, Program, Sessions, Handout) and the panels and dialogs each is built
from.
"""
