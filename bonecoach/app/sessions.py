"""Session actions: read a client's logs and progress, save a session, and decide on the
progression suggestions (accepting one that changes the program saves a new version)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

from bonecoach.program.screening import Verdict
from bonecoach.program.suggestions import SuggestionKind

if TYPE_CHECKING:
    from bonecoach.app.workspace import Workspace
    from bonecoach.program.progression import Suggestion
    from bonecoach.program.sessions import SessionLog


@dataclass(frozen=True)
class SessionsView:
    """What the Sessions tab shows for one client, read in one go."""

    history: Any  # store ClientHistory
    suggestions: list[Suggestion]  # pending: computed now, minus those already decided

    @property
    def program(self) -> Any:  # ProgramVersionRecord | None
        return self.history.latest_program

    @property
    def red_flags(self) -> list[Suggestion]:
        return [s for s in self.suggestions if s.kind is SuggestionKind.RED_FLAG]


def _screening(context: Workspace, history: Any) -> dict[str, Any]:
    """The client's screening of the whole library, today (empty without a profile)."""
    if not history.profiles:
        return {}
    from bonecoach.program.screening import screen_library

    profile = history.profiles[-1].profile
    return {r.exercise_id: r for r in screen_library(profile, context.library.values())}


def _excluded_ids(context: Workspace, history: Any) -> set[str]:
    return {i for i, r in _screening(context, history).items() if r.verdict is Verdict.EXCLUDED}


def load_sessions(context: Workspace, client_id: int) -> SessionsView:
    from bonecoach.program.progression import suggest

    history = context.store.client_history(client_id)
    pending: list[Suggestion] = []
    version = history.latest_program
    logs = [record.log for record in history.sessions]
    if logs and version is not None:
        decided = {r.suggestion.key for r in history.suggestions if r.outcome != "pending"}
        found = suggest(
            version.program,
            logs,
            context.library,
            decided=decided,
            excluded=_excluded_ids(context, history),
            on=date.today(),
        )
        pending = [s for s in found if s.key not in decided]
    return SessionsView(history, pending)


def save_session(
    context: Workspace, client_id: int, log: SessionLog, program_version_id: int | None
) -> Any:
    return context.store.save_session(
        client_id, log, program_version_id=program_version_id, by=context.therapist_name
    )


def correct_session(
    context: Workspace,
    session_id: int,
    log: SessionLog,
    reason: str,
    client_id: int | None = None,
) -> Any:
    """The corrected session (moved to ``client_id`` when given); the old one is kept."""
    return context.store.correct_session(
        session_id, log, reason=reason, client_id=client_id, by=context.therapist_name
    )


def delete_session(context: Workspace, session_id: int, reason: str) -> None:
    context.store.withdraw_session(session_id, reason=reason, by=context.therapist_name)


def accept_suggestion(
    context: Workspace, client_id: int, version: Any, suggestion: Suggestion
) -> AcceptedSuggestion:
    """Apply the suggestion as a new program version (if it changes the program) and record
    the decision, saved together in one transaction; returns the new ProgramVersionRecord (or
    None) with the decision's id. StaleSaveError if someone saved the program since it was
    loaded (nothing saved); StaleSuggestion if the item changed since."""
    from bonecoach.program.progression import apply_suggestion

    changed = None
    if suggestion.changes_program:
        screening = _screening(context, context.store.client_history(client_id))
        changed = apply_suggestion(version.program, suggestion, context.library, screening)
    new_version, record = context.store.accept_suggestion(
        client_id,
        suggestion,
        changed,
        based_on_version_id=version.id,
        by=context.therapist_name,
    )
    return AcceptedSuggestion(new_version, record.id)


@dataclass(frozen=True)
class AcceptedSuggestion:
    version: Any | None  # the program version it made (None: it changed no program)
    suggestion_id: int  # the stored decision, for an undo


def undo_accepted_suggestion(context: Workspace, client_id: int, suggestion_id: int) -> Any:
    """The version that restores the program as it was before (None if it made none)."""
    return context.store.undo_accepted_suggestion(
        client_id, suggestion_id, by=context.therapist_name
    )


def dismiss_suggestion(
    context: Workspace, client_id: int, version: Any, suggestion: Suggestion, reason: str
) -> Any:
    if not reason.strip():
        raise ValueError("reason: say why the suggestion is dismissed")
    return context.store.dismiss_suggestion(
        client_id,
        suggestion,
        reason=reason,
        program_version_id=None if version is None else version.id,
        by=context.therapist_name,
    )
