"""Screens and verbs render the referee's verdict: none of them imports a rule of its own.

Every module under itb_tui/tui/, itb_tui/cli/, itb_tui/core/shell/ and
itb_tui/core/report/ may import from ``itb_tui.core.plan`` only:
  * the referee's entry points (ENTRY_POINTS): ``referee`` (RulesInput, decide, plan_ahead,
    the guided run, the override question, refuse) and ``verdict`` (the shapes of its answer);
  * pure data modules (``due``: what a line of the plan is, and the output formats);
  * the names in ALLOWED, each with why it decides nothing about the day.
Imports under ``if TYPE_CHECKING:`` are types for annotations and are not counted.
"""

from __future__ import annotations

import ast
from pathlib import Path

import itb_tui

PACKAGE = Path(itb_tui.__file__).parent
CHECKED = ("tui", "cli", "core/shell", "core/report")
PLAN = "itb_tui.core.plan"
ENTRY_POINTS = {"referee", "verdict", "due"}
ALLOWED: dict[str, set[str]] = {
    # The check-in's answer: its parsing from the command line and its wording.
    "checkin": {"MorningAnswer", "parse_answer", "answer_text", "missed_text"},
    # The red-flag file (ticks kept with their time), and when to ask the questions again
    # after a high score: a question to the user, not a plan decision.
    "red_flags": {"RedFlagState", "should_ask"},
    # The shape of the no-improvement finding and its threshold, shown on the red-flag screen;
    # the PDF report's red-flag table reads the finding over the report's own months.
    "progress": {"Improvement", "IMPROVEMENT_AFTER_WEEKS", "no_improvement"},
    # Category names and the weekly strength target, for the export's summary lines; the run's
    # routine id, so the report's sessions table keeps runs ahead of daily routines; a week's
    # sessions counted against those targets, shown on the calendar and in the export.
    "weeks": {
        "STRENGTH",
        "STRENGTH_PER_WEEK",
        "STRETCH",
        "RUN_ROUTINE",
        "WeekCounts",
        "week_counts",
    },
    # What a discarded session's pain becomes: pain logs added to the history (an input the
    # referee reads like any other), and the dialog's words about it.
    # Deleting a session in History keeps its pain the same way.
    "kept_pain": {"kept_pain_logs", "discard_note", "sets_done", "delete_session"},
}


def _checked_files() -> list[Path]:
    files: list[Path] = []
    for part in CHECKED:
        path = PACKAGE / part
        files += sorted(path.rglob("*.py")) if path.is_dir() else [path]
    return files


def _type_only(tree: ast.Module) -> set[int]:
    """Line numbers of the imports inside ``if TYPE_CHECKING:`` blocks."""
    lines: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            for inner in node.body:
                lines |= {n.lineno for n in ast.walk(inner) if isinstance(n, ast.ImportFrom)}
    return lines


def rule_imports(source: str) -> list[str]:
    """'module.name' for each plan import in ``source`` that is not allowed."""
    tree = ast.parse(source)
    skip = _type_only(tree)
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [a.name for a in node.names if a.name.startswith(PLAN + ".")]
        if not isinstance(node, ast.ImportFrom) or node.lineno in skip:
            continue
        module = node.module or ""
        if module == PLAN:
            found += [f"{PLAN}.{a.name}" for a in node.names if a.name not in ENTRY_POINTS]
        elif module.startswith(PLAN + "."):
            name = module.removeprefix(PLAN + ".")
            if name in ENTRY_POINTS:
                continue
            allowed = ALLOWED.get(name, set())
            found += [f"{module}.{a.name}" for a in node.names if a.name not in allowed]
    return found


def test_no_screen_or_verb_imports_a_rule_of_its_own() -> None:
    files = _checked_files()
    assert len(files) > 20  # the folders are where they were
    found = {
        str(path.relative_to(PACKAGE)): bad
        for path in files
        if (bad := rule_imports(path.read_text(encoding="utf-8")))
    }
    assert found == {}


def test_the_check_sees_a_rule_imported_at_run_time_but_not_a_type() -> None:
    source = """
from typing import TYPE_CHECKING
from itb_tui.core.plan.referee import decide
from itb_tui.core.plan.checkin import answer_text
if TYPE_CHECKING:
    from itb_tui.core.plan.running import RunStage

def f():
    from itb_tui.core.plan.running import run_access
    from itb_tui.core.plan.checkin import hold_items
    import itb_tui.core.plan.today
"""
    assert rule_imports(source) == [
        "itb_tui.core.plan.running.run_access",
        "itb_tui.core.plan.checkin.hold_items",
        "itb_tui.core.plan.today",
    ]
