"""The session's actions: one name each, shared by the core's rules and the screen's keys."""

from __future__ import annotations

from itb_tui.core.session.actions import SessionAction, session_action


def test_an_action_is_found_by_its_name_and_no_other_name_is_one() -> None:
    assert session_action("pain_spike") is SessionAction.PAIN_SPIKE
    assert all(session_action(a.value) is a for a in SessionAction)
    assert session_action("copy_text") is None
    assert session_action("") is None
