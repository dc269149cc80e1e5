"""What an operation changed, said once, so every screen that shows it can catch up.

Saving a profile, a program or a session, accepting a suggestion, adding or importing a
client, restoring a backup or changing the library each announce a ``Changes``: the topics it
touched, for which client, and which tab made it. Each screen declares the topics it shows
and reloads (or marks itself to reload when next shown) when one of them changes. This
replaces a set of tabs marked stale on any save, a broadcast to whichever tabs happened to
have a method, and the client list refreshed by hand from six places.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Topic(StrEnum):
    CLIENTS = "clients"  # who is in the list: names, birth dates, clinic ids, archived
    PROFILE = "profile"
    PROGRAM = "program"
    SESSIONS = "sessions"  # logged sessions, suggestions and red flags
    LIBRARY = "library"  # the clinic's custom exercises and their pictures
    SETTINGS = "settings"  # clinic, therapist, paper: what a handout prints
    TEMPLATES = "templates"  # the clinic's own program templates


EVERYTHING = frozenset(Topic)


@dataclass(frozen=True)
class Changes:
    topics: frozenset[Topic]
    client_id: int | None = None  # None: any client (a restore, the library)
    origin: str | None = None  # the screen that made the change: it is up to date already

    @classmethod
    def of(cls, *topics: Topic, client_id: int | None = None, origin: str | None = None) -> Changes:
        return cls(frozenset(topics), client_id, origin)

    def concerns(self, shown: frozenset[Topic], client_id: int | None) -> bool:
        """Whether a screen showing ``shown`` for ``client_id`` needs to catch up."""
        if not (self.topics & shown):
            return False
        return self.client_id is None or self.client_id == client_id
