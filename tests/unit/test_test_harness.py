"""What the test workers do to run faster changes no result: the shared CSS parse
(tests/css_cache.py) and the small heap (tests/worker_heap.py); and the longest tests start
first (tests/run_order.py)."""

from __future__ import annotations

import asyncio
import gc
import re
import weakref
from pathlib import Path

from textual._styles_cache import StylesCache
from textual.css.stylesheet import Stylesheet

from tests import css_cache, run_order, worker_heap
from tests.tui.helpers import make_app

REPO = Path(__file__).resolve().parents[2]
CSS = "Label { color: $accent; padding: 1 2; }\n#box { layout: horizontal; }"


def parsed(css: str, variables: dict[str, str], where: str = "test.tcss") -> list[object]:
    sheet = Stylesheet(variables=variables)
    sheet.add_source(css, read_from=(where, ""))
    sheet.parse()
    return list(sheet.rules)


def test_every_stylesheet_of_a_worker_shares_one_parse() -> None:
    first = parsed(CSS, {"accent": "red"})
    again = parsed(CSS, {"accent": "red"})
    assert [id(rule) for rule in again] == [id(rule) for rule in first]


def test_other_variables_are_parsed_again() -> None:
    red = parsed(CSS, {"accent": "#ff0000"})
    blue = parsed(CSS, {"accent": "#0000ff"})
    assert "#FF0000" in red[0].css and "#0000FF" in blue[0].css  # type: ignore[attr-defined]


def test_rules_with_a_layout_that_keeps_state_are_parsed_per_stylesheet() -> None:
    grid = "#grid { layout: grid; grid-size: 2; }"
    assert parsed(grid, {})[0] is not parsed(grid, {})[0]
    stream = "#log { layout: stream; }"
    assert parsed(stream, {})[0] is not parsed(stream, {})[0]


def test_without_the_shared_parse_each_stylesheet_parses_alone() -> None:
    css_cache.uninstall()
    try:
        assert parsed(CSS, {"accent": "red"})[0] is not parsed(CSS, {"accent": "red"})[0]
    finally:
        css_cache.install()


def test_an_app_that_has_ended_leaves_no_styles_cache_behind(tmp_path: Path) -> None:
    kept: list[weakref.ref[StylesCache]] = []

    async def run() -> None:
        app, _clock = make_app(tmp_path)
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            kept.extend(weakref.ref(widget._styles_cache) for widget in app.screen.walk_children())

    asyncio.run(run())  # as a Pilot test ends: the app, then its event loop
    assert kept
    worker_heap.release_finished_apps()
    gc.collect()
    assert [ref for ref in kept if ref() is not None] == []


def test_the_fuzzer_starts_first_then_the_longest_then_the_pilot_tests_and_the_rest_last() -> None:
    order = [
        "tests/rules/test_fuzz.py::test_the_rules_hold[0]",
        "tests/tui/test_monkey.py::test_monkey[home]",
        "tests/tui/test_home.py::test_home_shows_today",
        "tests/e2e/test_two_copies.py::test_a_second_app_is_read_only_and_nothing_is_lost",
        "tests/unit/test_dates.py::test_week_monday",
    ]
    ranks = [run_order.start_rank(nodeid) for nodeid in order]
    assert ranks == sorted(ranks) and len(set(ranks)) == len(ranks)


def test_every_test_named_as_one_of_the_longest_exists() -> None:
    for nodeid in run_order.LONGEST:
        path, _, name = nodeid.partition("::")
        source = (REPO / path).read_text("utf-8")
        assert name == "" or re.search(rf"^(async )?def {name}", source, re.MULTILINE), nodeid
