"""Is the body held up by what it should rest on?

Placing a pose drops the body until its lowest point meets the floor or a prop. That lowest
point may be the wrong one: a kneeling figure whose hands reach the mat first leaves its
knees in the air; a half-kneeling figure lands with its front foot on a chair seat and its
back knee floating; a prone body balances on a pillow with legs and chest raised. Each base
pose says what bears the weight in it (``rests``: groups of body points, one point of each
group must touch), a pose can say otherwise, and this check names every group left in the
air, with how far.
"""

from __future__ import annotations

from collections.abc import Sequence

from bonecoach.art.props import Prop
from bonecoach.art.scene import Placed, unrested


def support_problems(placed: Placed, view: str, props: Sequence[Prop]) -> list[str]:
    """Each group of ``rests`` with no point on the floor or a prop."""
    return [
        f"the {name.replace('_', ' ')} should rest on the floor or a prop but is "
        f"{gap:.0f} cm above it"
        for name, gap in unrested(placed, view, props)
    ]
