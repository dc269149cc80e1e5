"""From program and library to the handout's content: what is printed, in which order."""

from __future__ import annotations

import pytest

from bonecoach.handout.build import NoHomeHandout, build_handout_document, numbers_text
from bonecoach.handout.model import HandoutOptions
from bonecoach.program.library import Library
from bonecoach.program.programs import Program

from .conftest import HOME_IDS, MARKUP_NAME, SUPERVISED_IDS, make_document, make_program


def test_supervised_only_exercises_are_left_out(library: Library, program: Program) -> None:
    doc = make_document(library, program, HandoutOptions(grouping="order"))
    ids = [b.exercise_id for b in doc.blocks]
    assert ids == list(HOME_IDS)
    assert not set(SUPERVISED_IDS) & set(ids)
    assert all(library[i].supervised_only for i in SUPERVISED_IDS)


def test_numbers_follow_the_printed_order(library: Library, program: Program) -> None:
    for grouping in ("order", "position", "strong_steady_straight"):
        doc = make_document(library, program, HandoutOptions(grouping=grouping))  # type: ignore[arg-type]
        assert [b.number for b in doc.blocks] == list(range(1, len(HOME_IDS) + 1))


def test_strong_steady_straight_grouping(library: Library, program: Program) -> None:
    doc = make_document(library, program, HandoutOptions(grouping="strong_steady_straight"))
    groups = doc.phases[0].groups
    titles = [g.title.split(":")[0] for g in groups]
    # impact has a heading of its own between Strong and Steady (#16, point 12)
    assert [t for t in titles if t != "Impact"][:3] == ["Strong", "Steady", "Straight"]
    by_title = {g.title.split(":")[0]: {b.category for b in g.blocks} for g in groups}
    assert by_title["Strong"] == {"resistance"}
    assert by_title.get("Impact", {"impact"}) == {"impact"}
    assert by_title["Steady"] == {"balance"}


def test_position_grouping_keeps_program_order_within_a_position(
    library: Library, program: Program
) -> None:
    doc = make_document(library, program, HandoutOptions(grouping="position"))
    for group in doc.phases[0].groups:
        assert len({b.position for b in group.blocks}) == 1
        order = [HOME_IDS.index(b.exercise_id) for b in group.blocks]
        assert order == sorted(order)
    assert doc.phases[0].groups[0].title == "Standing"


def test_block_content(library: Library, program: Program) -> None:
    doc = make_document(library, program, HandoutOptions(grouping="order"))
    by_id = {b.exercise_id: b for b in doc.blocks}
    curl = by_id["dumbbell_biceps_curl"]
    assert curl.dosage.startswith("2 sets of") and "with 2 kg" in curl.dosage
    assert curl.load_hint is None  # the dose line says "with 2 kg": no second answer (#16)
    sit = by_id["sit_to_stand"]
    assert sit.steps == library["sit_to_stand"].steps
    assert sit.stop_if == library["sit_to_stand"].stop_if
    assert sit.note == "Keep the <b>chair</b> against the wall & go slowly"  # raw: escaped later
    # risky without support -> support printed; low fall risk and not prescribed -> not
    assert sit.support == library["sit_to_stand"].support_variant
    assert by_id["chin_tuck"].support is None
    assert by_id["calf_raise"].support_prescribed


def test_first_page_facts(library: Library, program: Program) -> None:
    doc = make_document(library, program)
    assert doc.client_name == MARKUP_NAME
    assert str(doc.start_date) == "2026-03-02"
    assert str(doc.review_date) == "2026-03-30"  # when the printed phase (4 weeks) ends
    week = {row.label: row.days for row in doc.phases[0].week}
    assert week["Balance"] == tuple(range(7))
    assert len(week["Strength"]) == max(
        b.days_per_week for b in doc.blocks if b.category == "resistance"
    )
    assert [m.exercise_id for m in doc.safe_moves] == [
        "hip_hinge_pickup",
        "step_to_turn",
        "log_roll_out_of_bed",
        "carry_shopping",
    ]


def test_clinic_only_program_has_no_home_handout(library: Library, program: Program) -> None:
    clinic_only = program.model_copy(update={"clinic_only": True})
    with pytest.raises(NoHomeHandout, match="clinic"):
        make_document(library, clinic_only)


def test_unknown_exercise_is_named(library: Library) -> None:
    program = make_program(library, ("sit_to_stand",))
    phase = program.phases[0]
    item = phase.items[0].model_copy(update={"exercise_id": "no_such_exercise"})
    broken = program.model_copy(update={"phases": (phase.model_copy(update={"items": (item,)}),)})
    with pytest.raises(ValueError, match="no_such_exercise"):
        make_document(library, broken)


def test_options_are_validated() -> None:
    with pytest.raises(ValueError, match="paper"):
        HandoutOptions(paper="a5")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="grouping"):
        HandoutOptions(grouping="alphabet")  # type: ignore[arg-type]


def test_numbers_text() -> None:
    # spaces inside a run do not break ("exercises 1 to / 5" in a narrow cell); commas may
    nb = "\u00a0"
    assert numbers_text([1, 2, 3, 5]) == f"exercises{nb}1{nb}to{nb}3, 5"
    assert numbers_text([8, 9]) == f"exercises{nb}8, 9"
    assert numbers_text([4]) == f"exercise{nb}4"


def test_clinic_sheet_holds_only_the_supervised_exercises(
    library: Library, program: Program
) -> None:
    from .conftest import CLINIC, THERAPIST

    doc = build_handout_document(
        MARKUP_NAME, program, library, therapist=THERAPIST, clinic=CLINIC, clinic_sheet=True
    )
    assert [b.exercise_id for b in doc.blocks] == list(SUPERVISED_IDS)
    assert doc.safe_moves == ()
    assert doc.title == f"Clinic sessions for {MARKUP_NAME}"


def test_prescribed_hand_support_is_worded(library: Library) -> None:
    from bonecoach.program.sessions import HandSupport

    program = make_program(library, ("semi_tandem_stand",))
    phase = program.phases[0]
    item = phase.items[0].model_copy(update={"hand_support": HandSupport.ONE_HAND})
    program = program.model_copy(update={"phases": (phase.model_copy(update={"items": (item,)}),)})
    block = make_document(library, program).blocks[0]
    assert block.support is not None and "with one hand" in block.support
    assert block.support.startswith(library["semi_tandem_stand"].support_variant or "")
    assert block.support_prescribed


def test_one_box_never_says_hold_on_and_no_hands_together(library: Library) -> None:
    """#13: 'keep one hand on the counter' and 'No hands' must not share a box."""
    from bonecoach.program.sessions import HandSupport

    program = make_program(library, ("semi_tandem_stand",))
    phase = program.phases[0]

    def block_for(**changes: object):  # type: ignore[no-untyped-def]
        item = phase.items[0].model_copy(update=changes)
        one = program.model_copy(update={"phases": (phase.model_copy(update={"items": (item,)}),)})
        return make_document(library, one).blocks[0]

    supported = block_for(support_prescribed=True, hand_support=HandSupport.NONE)
    assert supported.support is not None and "No hands" not in supported.support
    assert "fingertips" in supported.support
    free = block_for(support_prescribed=False, hand_support=HandSupport.NONE)
    assert free.support is not None and free.support.startswith("No hands")
    assert (library["semi_tandem_stand"].support_variant or "") not in free.support


def test_a_safe_move_already_prescribed_is_not_printed_twice_and_titles_do_not_repeat_weeks(
    library: Library,
) -> None:
    """#16 point 15: 'Picking something up with a hip hinge' printed as an exercise and again
    on the safe-movement page; '--phase all' titles read 'Weeks 1-4: ... (weeks 1 to 4)'."""
    from bonecoach.handout.build import SAFE_MOVE_IDS
    from bonecoach.handout.model import PhaseSection

    move = SAFE_MOVE_IDS[0]
    program = make_program(library, (move, "sit_to_stand"))
    doc = make_document(library, program)
    assert move in {b.exercise_id for b in doc.blocks}
    assert move not in {m.exercise_id for m in doc.safe_moves}
    assert len(doc.safe_moves) == len([i for i in SAFE_MOVE_IDS if i in library]) - 1
    phase = PhaseSection(name="Weeks 1-4: protect and move", start_week=1, end_week=4, groups=())
    assert phase.title == "Weeks 1-4: protect and move"
    named = PhaseSection(name="Build strength", start_week=5, end_week=8, groups=())
    assert named.title == "Build strength (weeks 5 to 8)"
