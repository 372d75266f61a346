"""The invariants the rules do not hold yet (catalogue.HOLDS leaves them out): run with
``ITB_RULES_PENDING=1``. Each is a door still open (none today)."""

from __future__ import annotations

import pytest
from hypothesis import given

from .catalogue import ALL, HOLDS, RUNNERS
from .checked import live_checked
from .conftest import PENDING, RULES
from .users import User, users

pytestmark = pytest.mark.skipif(not PENDING, reason="ITB_RULES_PENDING=1 runs them")


@pytest.mark.parametrize("name", [name for name in ALL if name not in HOLDS])
def test_pending_invariant(name: str) -> None:
    @RULES
    @given(user=users(runner=True if name in RUNNERS else None))
    def example(user: User) -> None:
        live_checked(user, [name])

    example()
