"""The home list keeps its drawn options across a resize only while its width is unchanged."""

from __future__ import annotations

from textual.app import App, ComposeResult
from textual.geometry import Region

from itb_tui.tui.widgets.routine_list import RoutineList

SIZES = ((80, 24), (80, 30), (40, 30), (60, 12), (60, 20))


class ListApp(App[None]):
    def compose(self) -> ComposeResult:
        yield RoutineList(*(f"Routine {n} with a name long enough to wrap" for n in range(30)))


async def drawn(app: ListApp) -> list[str]:
    options = app.query_one(RoutineList)
    region = options.scrollable_content_region
    return [strip.text for strip in options.render_lines(Region(0, 0, *region.size))]


async def fresh(size: tuple[int, int]) -> list[str]:
    app = ListApp()
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        return await drawn(app)


async def test_after_each_resize_the_list_looks_as_if_it_had_started_at_that_size() -> None:
    app = ListApp()
    async with app.run_test(size=SIZES[0]) as pilot:
        await pilot.pause()
        for size in SIZES[1:]:
            await pilot.resize_terminal(*size)
            await pilot.pause()
            assert await drawn(app) == await fresh(size), size
