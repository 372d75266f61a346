"""PickList: moving between choices by key and mouse, headers skipped, the highlight in view."""

from __future__ import annotations

from textual.app import App, ComposeResult
from textual.content import Content
from textual.geometry import Region

from itb_tui.tui.widgets.pick_list import RULE, Pick, PickList


def picks() -> list[Pick]:
    entries = [Pick(Content("Header one"))]
    entries += [Pick(Content(f"Choice {n}\n  second line"), f"c{n}") for n in range(1, 4)]
    entries += [RULE, Pick(Content("Header two"))]
    entries += [Pick(Content(f"Choice {n}"), f"c{n}") for n in range(4, 20)]
    return entries


class ListApp(App[None]):
    def __init__(self) -> None:
        super().__init__()
        self.seen: list[tuple[str, str]] = []

    def compose(self) -> ComposeResult:
        yield PickList(*picks(), id="list")

    def on_pick_list_highlighted(self, event: PickList.Highlighted) -> None:
        self.seen.append(("highlighted", event.pick.id or ""))

    def on_pick_list_selected(self, event: PickList.Selected) -> None:
        self.seen.append(("selected", event.pick.id or ""))


def lit(app: ListApp) -> str | None:
    pick = app.query_one(PickList).highlighted_pick
    return None if pick is None else pick.id


async def test_keys_move_between_choices_and_skip_headers_and_rules() -> None:
    app = ListApp()
    async with app.run_test(size=(40, 12)) as pilot:
        assert lit(app) == "c1"  # the header before it cannot be lit
        await pilot.press("up")
        assert lit(app) == "c1"  # nothing above: stays
        await pilot.press("down", "down", "down")
        assert lit(app) == "c4"  # over the rule and the second header
        await pilot.press("up")
        assert lit(app) == "c3"
        await pilot.press("end")
        assert lit(app) == "c19"
        await pilot.press("home")
        assert lit(app) == "c1"
        await pilot.press("pagedown")
        assert lit(app) not in ("c1", None)
        await pilot.press("pageup")
        assert lit(app) == "c1"
        await pilot.press("down", "enter")
        await pilot.pause()
        assert ("selected", "c2") in app.seen
        assert ("highlighted", "c2") in app.seen


async def test_the_highlight_is_kept_in_view() -> None:
    app = ListApp()
    async with app.run_test(size=(40, 12)) as pilot:
        pick_list = app.query_one(PickList)
        await pilot.press("end")
        await pilot.pause()
        assert pick_list.scroll_offset.y > 0
        shown = [
            strip.text for strip in pick_list.render_lines(pick_list.content_region.reset_offset)
        ]
        assert any("Choice 19" in line for line in shown)
        await pilot.press("home")
        await pilot.pause()
        assert pick_list.scroll_offset.y == 0


async def test_a_click_picks_the_choice_under_the_mouse_and_not_a_header() -> None:
    app = ListApp()
    async with app.run_test(size=(40, 12)) as pilot:
        await pilot.click(PickList, offset=(3, 3))  # "Choice 2" (rows: header, c1 x2, c2)
        await pilot.pause()
        assert lit(app) == "c2"
        assert app.seen[-1] == ("selected", "c2")
        await pilot.click(PickList, offset=(3, 0))  # the header: nothing happens
        await pilot.pause()
        assert lit(app) == "c2"
        assert app.seen[-1] == ("selected", "c2")


async def test_new_entries_light_the_first_choice() -> None:
    app = ListApp()
    async with app.run_test(size=(40, 12)) as pilot:
        pick_list = app.query_one(PickList)
        await pilot.press("end")
        pick_list.set_picks([Pick(Content("Only header")), Pick(Content("Alone"), "alone")])
        await pilot.pause()
        assert lit(app) == "alone"
        assert pick_list.index_of("alone") == 1
        pick_list.set_picks([Pick(Content("Just a header"))])
        assert pick_list.highlighted is None
        await pilot.press("down", "enter")  # nothing to light or pick: no error
        assert pick_list.highlighted is None


async def test_new_entries_can_keep_the_highlight_where_it_was() -> None:
    app = ListApp()
    async with app.run_test(size=(40, 12)) as pilot:
        pick_list = app.query_one(PickList)
        pick_list.set_picks(picks(), highlight=3)
        assert lit(app) == "c3"
        pick_list.set_picks(picks(), highlight=5)  # the second header: the first choice instead
        assert lit(app) == "c1"
        pick_list.set_picks(picks(), highlight=99)
        assert lit(app) == "c1"
        await pilot.pause()


async def test_a_line_too_long_for_the_list_ends_in_an_ellipsis() -> None:
    app = ListApp()
    async with app.run_test(size=(30, 12)) as pilot:
        pick_list = app.query_one(PickList)
        pick_list.set_picks([Pick(Content("A routine with a very long name indeed"), "long")])
        await pilot.pause()
        first = pick_list.render_lines(Region(0, 0, *pick_list.region.size))[0].text.strip()
        assert first.endswith("…")
        assert len(first) == pick_list.scrollable_content_region.width
