"""The footer shows the keys that work now, repaints only when they change, and answers clicks."""

from __future__ import annotations

from pathlib import Path

import pytest

from itb_tui.tui.screens.pain import PainRatingScreen
from itb_tui.tui.widgets.footer import KeysFooter

from .helpers import make_app, session_screen


def shown(footer: KeysFooter) -> dict[str, bool]:
    """Footer key -> enabled, as the user sees them."""
    return {k.key: k.enabled for k in footer.keys}


async def test_keys_follow_the_step_and_repaint_only_on_change(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    paints: list[int] = []
    original = KeysFooter.render

    def counted(self: KeysFooter) -> object:
        paints.append(1)
        return original(self)

    monkeypatch.setattr(KeysFooter, "render", counted)
    app, clock = make_app(tmp_path, start="daily-stretch")
    async with app.run_test(size=(100, 24)) as pilot:
        screen = session_screen(app)
        footer = screen.query_one(KeysFooter)
        await pilot.pause()
        assert "space" not in shown(footer)  # nothing counts down on the intro: not offered
        await pilot.press("enter")
        await pilot.pause()
        assert shown(footer)["space"] is True  # the lead-in can be paused
        before = len(paints)
        for _ in range(5):  # seconds pass: the same keys, no repaint
            clock.advance(1)
            screen.tick()
            await pilot.pause()
        assert len(paints) == before
        assert "Pause" in str(footer.render())


async def test_clicking_a_key_presses_it_and_hovering_shows_its_tooltip(tmp_path: Path) -> None:
    app, _clock = make_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        footer = app.screen.query_one(KeysFooter)
        line = str(footer.render())
        x = line.index(" l Pain") + 1
        await pilot.hover(KeysFooter, offset=(x, 0))
        assert footer.tooltip == "Quick pain log"
        assert footer.hover is not None
        await pilot.click(KeysFooter, offset=(x, 0))
        await pilot.pause()
        assert isinstance(app.screen, PainRatingScreen)


async def test_the_palette_key_stays_in_view_on_a_narrow_screen(tmp_path: Path) -> None:
    app, _clock = make_app(tmp_path, start="daily-stretch")
    async with app.run_test(size=(60, 20)) as pilot:
        await pilot.press("enter")  # the get-ready offers more keys than fit
        await pilot.pause()
        footer = session_screen(app).query_one(KeysFooter)
        line = str(footer.render())
        assert len(line) == 60
        assert line.rstrip().endswith("^p palette")
        left = line.split("▏")[0].rstrip()
        texts = [f" {k.display} {k.description} " for k in footer.keys]
        shown = [text for text in texts if text in left + " "]
        assert left == "".join(shown).rstrip()  # whole keys only, in order, none cut in half
        assert len(shown) < len(texts)  # and not all of them fit


@pytest.mark.parametrize("size", [(60, 18), (80, 24)])
async def test_the_keys_that_matter_stay_in_the_session_footer(
    tmp_path: Path, size: tuple[int, int]
) -> None:
    app, _clock = make_app(tmp_path, start="daily-stretch")
    async with app.run_test(size=size) as pilot:
        await pilot.press("enter")
        await pilot.pause()
        line = str(session_screen(app).query_one(KeysFooter).render())
        for key in (" ⏎ Done ", " space Pause ", " p Pain ", " q Quit ", " ? Help "):
            assert key in line


async def test_hovering_the_palette_key_lights_it_when_keys_were_dropped(tmp_path: Path) -> None:
    app, _clock = make_app(tmp_path, start="daily-stretch")
    async with app.run_test(size=(60, 20)) as pilot:
        await pilot.press("enter")  # the get-ready offers more keys than fit
        await pilot.pause()
        footer = session_screen(app).query_one(KeysFooter)
        x = str(footer.render()).index("^p")
        await pilot.hover(KeysFooter, offset=(x, 0))
        assert footer.hover == len(footer.keys)  # the palette's place, lit by render
        assert footer.tooltip == "Open the command palette"
