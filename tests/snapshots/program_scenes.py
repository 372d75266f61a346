"""Onboarding, return to running and red flags in a fixed state, over synthetic histories.

Shared by the snapshot tests, the Pilot tests and scripts/screenshots.py (same shape as
scenes.py: ``SCENES`` and ``scene(name) -> Scene``).
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from textual.pilot import Pilot

from itb_tui.core.context import AppContext
from itb_tui.core.history.records import MonthHistory, PainLog, SessionRecord
from itb_tui.core.plan.referee import RulesInput, decide
from itb_tui.core.store.settings import Settings
from itb_tui.tui.screens.onboarding import OnboardingScreen
from itb_tui.tui.screens.readiness import ReadinessScreen
from itb_tui.tui.screens.red_flags import RedFlagsScreen
from tests.factories import TODAY, TZ, at, make_session, pain_free, run, shipped_library
from tests.snapshots.scenes import Scene, scene_folder
from tests.tui.helpers import make_app

STRENGTH = "hip-strength"


def ready_history(today: date = TODAY) -> tuple[Settings, list[SessionRecord], list[PainLog]]:
    """Five weeks of rehab, pain-free for three, and two pain-free weeks of running that
    started when every check was met."""
    settings = Settings(program_start=today - timedelta(weeks=5), running=True, onboarded=True)
    first_run = today - timedelta(days=14)  # the Monday two weeks ago
    runs = [run(first_run + timedelta(days=d), 15) for d in (1, 3, 5, 8, 10, 12)]
    library = shipped_library()
    strength = [
        make_session(library, STRENGTH, at(today - timedelta(days=d)), pain=0)
        for d in (20, 18, 16, 5, 3, 1)
    ]
    return settings, runs + strength, pain_free(today - timedelta(days=1), 21)


def not_ready_history(today: date = TODAY) -> tuple[Settings, list[SessionRecord], list[PainLog]]:
    """Pain-free for a week, but one week into the program and no strength sessions yet."""
    settings = Settings(program_start=today - timedelta(weeks=1), onboarded=True)
    return settings, [], pain_free(today - timedelta(days=1), 7)


def readiness_screen(
    context: AppContext,
    history: tuple[Settings, list[SessionRecord], list[PainLog]],
    today: date = TODAY,
) -> ReadinessScreen:
    """The screen over ``history``, built with the real plan rules; a stage once running has
    started."""
    settings, sessions, logs = history
    program, library = context.program, context.library
    now = datetime.combine(today, time(12), tzinfo=TZ)
    inp = RulesInput(program, library, settings, MonthHistory(sessions, logs), now)
    return ReadinessScreen(decide(inp), program)


def scene(name: str) -> Scene:
    """An app and the moves that bring it to the named screen (data in a fixed folder)."""
    app, _clock = make_app(scene_folder(name))
    app.context.settings.onboarded = True  # keep a first-launch screen out of the way

    async def setup(pilot: Pilot[None]) -> None:
        if name == "onboarding":
            app.push_screen(OnboardingScreen(Settings(), app.context.program.disclaimer, TODAY))
        elif name == "readiness":
            app.push_screen(readiness_screen(app.context, ready_history()))
        elif name == "red-flags":
            app.push_screen(RedFlagsScreen(app.context.program, None))
            await pilot.pause()
            await pilot.press("down", "down", "space")
        elif name == "settings":
            app.action_settings()
        elif name == "settings-progression":
            app.context.settings.progressions = {"clamshell": 1}
            app.action_settings()
            await pilot.pause()
            await pilot.press("end")  # scroll to the progressions taken
        await pilot.pause()

    return app, setup


SCENES = ("onboarding", "readiness", "red-flags")
