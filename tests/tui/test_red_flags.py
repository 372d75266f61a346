"""Red flags: asked at first launch and after high pain or swelling, remembered, and acted on."""

from __future__ import annotations

import stat
import tomllib
from pathlib import Path

from textual.widgets import SelectionList

from itb_tui.tui.screens.checkin import CheckInScreen
from itb_tui.tui.screens.home import HomeScreen
from itb_tui.tui.screens.onboarding import OnboardingScreen
from itb_tui.tui.screens.pain import PainRatingScreen
from itb_tui.tui.screens.red_flags import RedFlagsScreen
from itb_tui.tui.widgets.pick_list import PickList

from .helpers import make_app, ready_app


def home_text(app: object) -> str:
    home = app.home  # type: ignore[attr-defined]
    return "\n".join(str(pick.prompt) for pick in home.query_one(PickList)._picks)


def flags_file(tmp_path: Path) -> Path:
    return tmp_path / "data" / "red-flags.toml"


async def tick_first_flag(pilot: object, app: object) -> None:
    await pilot.press("space")  # type: ignore[attr-defined]
    await pilot.pause()  # type: ignore[attr-defined]


async def test_a_ticked_flag_is_remembered_shown_on_home_and_holds_running(
    tmp_path: Path,
) -> None:
    app, clock = make_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert "See a professional" not in home_text(app)
        await pilot.press("f")
        assert isinstance(app.screen, RedFlagsScreen)
        await tick_first_flag(pilot, app)
        await pilot.press("escape")
        await pilot.pause()
        assert "See a professional" in home_text(app)
        overview = app.overview
        assert overview is not None and overview.stage is None
        assert not overview.readiness.ready
        assert overview.readiness.checks[-1].name == "No red flag standing"
        assert all(item.kind != "run" for item in overview.items)
    path = flags_file(tmp_path)
    data = tomllib.loads(path.read_text())
    assert data["schema_version"] == 2  # each change has its own id
    assert [(c["flag"], c["ticked"]) for c in data["change"]] == [("no-weight-bearing", True)]
    assert len(data["change"][0]["uid"]) == 26
    assert data["change"][0]["at"] == clock.wall()
    assert stat.S_IMODE(path.stat().st_mode) == 0o600


async def test_running_stays_held_with_the_running_switch_on(tmp_path: Path) -> None:
    app = ready_app(tmp_path)  # running has started
    app.context.settings.running = True
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert app.overview is not None and app.overview.stage is not None
        await pilot.press("f")
        await tick_first_flag(pilot, app)
        await pilot.press("escape")
        await pilot.pause()
        assert app.overview is not None and app.overview.stage is None
        assert all(item.kind != "run" for item in app.overview.items)


async def test_flags_stand_after_a_restart_and_unticking_is_recorded(tmp_path: Path) -> None:
    app, _clock = make_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f")
        await tick_first_flag(pilot, app)
    again, clock = make_app(tmp_path)
    clock.advance(86_400 * 3)
    async with again.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(again.screen, CheckInScreen)  # a new day
        await pilot.press("escape")
        await pilot.pause()
        assert "See a professional" in home_text(again)
        await pilot.press("f")
        flags = again.screen.query_one(SelectionList)
        assert list(flags.selected) == ["no-weight-bearing"]  # still ticked
        await tick_first_flag(pilot, again)  # seen a professional: untick
        await pilot.press("escape")
        await pilot.pause()
        assert "See a professional" not in home_text(again)
    changes = tomllib.loads(flags_file(tmp_path).read_text())["change"]
    assert [(c["flag"], c["ticked"]) for c in changes] == [
        ("no-weight-bearing", True),
        ("no-weight-bearing", False),
    ]
    assert changes[1]["at"] > changes[0]["at"]


async def test_first_launch_asks_the_red_flag_questions(tmp_path: Path) -> None:
    app, _clock = make_app(tmp_path, onboarded=False)
    async with app.run_test(size=(80, 24)) as pilot:
        assert isinstance(app.screen, OnboardingScreen)
        await pilot.press("space", "tab", "space", "ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, RedFlagsScreen)
        assert "Before you start" in str(app.screen.query_one("#rf-reason").render())
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, CheckInScreen)  # the first open of a day asks it, last
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)


async def test_swelling_yes_asks_the_red_flags_and_is_stored_on_the_log(tmp_path: Path) -> None:
    app, _clock = make_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("l", "2", "y", "enter")
        await pilot.pause()
        assert isinstance(app.screen, RedFlagsScreen)
        assert "swelling" in str(app.screen.query_one("#rf-reason").render())
        await pilot.press("escape", "l", "3", "n", "enter")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)  # low pain, no swelling: not asked
        overview = app.overview
        assert overview is not None
        assert [f.sign.id for f in overview.signs] == ["swelling"]
    (file,) = sorted((tmp_path / "data" / "history").glob("*.toml"))
    logs = tomllib.loads(file.read_text())["pain_logs"]
    assert [(log["score"], log["swelling"]) for log in logs] == [(2, True), (3, False)]


async def test_a_high_pain_rating_after_a_session_asks_the_red_flags(tmp_path: Path) -> None:
    app, _clock = make_app(tmp_path, start="glute-tfl-stretch")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("s", "s", "s")  # every exercise skipped: straight to the rating
        await pilot.pause()
        assert isinstance(app.screen, PainRatingScreen)
        await pilot.press("7", "enter")
        await pilot.pause()
        assert isinstance(app.screen, RedFlagsScreen)
        assert "pain 7/10" in str(app.screen.query_one("#rf-reason").render())


def list_text(flags: SelectionList[str]) -> str:
    """Every line of the list as drawn, scrolled through, with the lines run together."""
    seen = []
    for top in range(0, flags.virtual_size.height, flags.scrollable_content_region.height):
        flags.scroll_to(y=top, animate=False, immediate=True)
        for y in range(flags.scrollable_content_region.height):
            seen.append(flags.render_line(y).text.strip(" ▊▎▇▃▁▅"))
    return " ".join(" ".join(seen).split())


async def test_every_red_flag_is_shown_in_full_at_80_and_60_columns(tmp_path: Path) -> None:
    for size in ((80, 24), (60, 18)):
        app = ready_app(tmp_path / f"{size[0]}x{size[1]}")
        async with app.run_test(size=size) as pilot:
            await pilot.press("f")
            await pilot.pause()
            assert isinstance(app.screen, RedFlagsScreen)
            await pilot.press("down", "space")  # the second one ticked: its box says so
            await pilot.pause()
            drawn = list_text(app.screen.query_one(SelectionList))
            for n, flag in enumerate(app.context.program.red_flags):
                assert f"[{'x' if n == 1 else ' '}] {flag.text}" in drawn, size
            assert "…" not in drawn
