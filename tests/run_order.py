"""The order tests start in, longest first, so that at the end of a parallel run (make test) the
workers share out short tests instead of one worker finishing a long one alone: the rules
fuzzer (seconds of work each), the tests that take longest (measured: 8-25 s each on a
loaded machine), then the Pilot and
snapshot tests (an app each, and waits for it to go idle), the end-to-end tests (the real
program), and the rest.
"""

from __future__ import annotations

LONGEST = (
    "tests/tui/test_session_flow.py::test_hip_strength_by_keyboard_alone_is_saved_with_pain",
    "tests/tui/test_literal_text.py::test_brackets_show_literally_on_every_screen",
    "tests/tui/test_monkey.py::",
    "tests/unit/history/test_records.py::test_junk_month_dicts_never_crash",
    "tests/tui/test_huge_note.py::test_editing_the_score_of_a_huge_note_keeps_the_note_whole",
    "tests/tui/test_running_flow.py::test_r_on_a_rest_day_asks_why",
    "tests/tui/test_run_week_control.py::",
    "tests/e2e/test_crash_safety.py::test_two_shell_loops_of_itb_log_pain_lose_nothing",
    "tests/unit/test_code_map.py::test_every_module_a_docstring_names_exists",
    "tests/tui/test_keys.py::test_help_shows_the_registry_table_and_the_palette_offers_its_keys",
    "tests/tui/test_history_browse.py::test_long_history_reads_months_only_as_the_cursor_nears",
)
PILOT = ("tests/tui/", "tests/snapshots/")
START_ORDER = ("tests/rules/test_fuzz.py", LONGEST, PILOT, "tests/e2e/")


def start_rank(nodeid: str) -> int:
    """Where the test ``nodeid`` comes in START_ORDER; after all of it when nowhere."""
    found = (rank for rank, start in enumerate(START_ORDER) if nodeid.startswith(start))
    return next(found, len(START_ORDER))
