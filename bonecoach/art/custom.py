"""Illustrations of custom exercises: a posed picture drawn from two base poses, or the
illustration of the exercise a duplicate was made from. (Photos are not drawn here: the screen
shows their bytes as they are, and the handout prints them through `bonecoach.handout.photos`.)"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace

from bonecoach.art.poses import Illustration, parse_illustration
from bonecoach.program.picture import CustomPicture

SOURCE = "custom"  # the "file" name a custom exercise's poses are parsed under


def custom_illustrations(
    pictures: Mapping[str, CustomPicture], illustrations: Mapping[str, Illustration]
) -> dict[str, Illustration]:
    """The illustrations of the posed and "same as" pictures; ``illustrations`` are the ones
    a "same as" picture may borrow."""
    found: dict[str, Illustration] = {}
    for exercise_id, picture in pictures.items():
        if picture.kind == "poses":
            raw = {"start": {"base": picture.start}, "end": {"base": picture.end}}
            # Problems stay on the Illustration; drawing then says which pose is wrong.
            found[exercise_id] = parse_illustration(exercise_id, SOURCE, raw)
        elif picture.kind == "same_as" and picture.same_as in illustrations:
            found[exercise_id] = replace(illustrations[picture.same_as], exercise_id=exercise_id)
    return found
