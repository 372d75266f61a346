"""Regenerate screenshots/: an SVG from Textual and a PNG of it for each main screen.

The scenes are the snapshot tests' own, so the pictures show exactly what the tests check.
report-pdf.png is page 1 of the PDF report of the history tests' nine weeks (needs pdftoppm,
from poppler-utils). Names as arguments make only those: `scripts/screenshots.py report-pdf`.
"""

from __future__ import annotations

import asyncio
import re
import subprocess
import sys
import tempfile
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from textual.pilot import Pilot  # noqa: E402
from textual.widgets import Input  # noqa: E402

from itb_tui.core.content.library import load_library  # noqa: E402
from itb_tui.core.content.program import load_program  # noqa: E402
from itb_tui.core.history.history_store import HistoryStore  # noqa: E402
from itb_tui.core.history.stats import routine_categories  # noqa: E402
from itb_tui.core.report.export_file import export_bytes  # noqa: E402
from itb_tui.core.store.paths import Paths, content_dir  # noqa: E402
from itb_tui.core.store.settings import Settings  # noqa: E402
from tests.snapshots import history_scenes, program_scenes, scenes  # noqa: E402
from tests.snapshots.scenes import Scene  # noqa: E402
from tests.tui.history_data import TODAY, seed_weeks  # noqa: E402

OUT = ROOT / "screenshots"
SIZE = (80, 24)
HISTORY = ("history", "session_detail", "pain_chart", "calendar")
# A monospace font the PNG renderer has, so columns line up as in a terminal.
PNG_FONT = "DejaVu Sans Mono"
# The mono font has no braille; the figure's lines are drawn in one that has (each line keeps
# its width in the SVG, so the columns still line up).
BRAILLE_FONT = "DejaVu Sans"
BRAILLE_TEXT = re.compile(r"<text( [^>]*>[^<]*[\u2801-\u28ff])")

Scenes = Callable[[str], Scene]


def all_scenes() -> dict[str, Scenes]:
    """Each pictured scene's name and the scene module's ``scene`` that builds it."""
    found: dict[str, Scenes] = dict.fromkeys((*scenes.SCENES, *scenes.FIGURE_SCENES), scenes.scene)
    found.update(dict.fromkeys(program_scenes.SCENES, program_scenes.scene))
    found.update(dict.fromkeys(HISTORY, history_scenes.scene))
    found["readiness-tests"] = readiness_tests
    return found


def readiness_tests(name: str) -> Scene:
    """Return to running with readiness tests: one passed, one failed 3 days ago (the snapshot
    test's scene)."""
    from tests.snapshots.test_readiness_tests_screen import checklist_screen
    from tests.tui.helpers import make_app

    app, _clock = make_app(scenes.scene_folder(name))

    async def setup(pilot: Pilot[None]) -> None:
        await app.push_screen(checklist_screen(app))

    return app, setup


async def shoot(name: str, make: Scenes) -> Path:
    app, setup = make(name)
    size = scenes.FIGURE_SIZE if name in scenes.FIGURE_SCENES else SIZE
    async with app.run_test(size=size) as pilot:
        await setup(pilot)
        await pilot.pause()
        svg = app.export_screenshot(title=f"itb-tui: {name}")
    path = OUT / f"{name}.svg"
    path.write_text(svg, encoding="utf-8")
    return path


def to_png(svg: Path) -> Path:
    import cairosvg  # type: ignore[import-untyped]

    png = svg.with_suffix(".png")
    text = svg.read_text(encoding="utf-8").replace("Fira Code", PNG_FONT)
    text = BRAILLE_TEXT.sub(rf'<text style="font-family: {BRAILLE_FONT}"\1', text)
    cairosvg.svg2png(bytestring=text.encode(), write_to=str(png), output_width=1200)
    return png


def report_pdf(tmp: Path) -> Path:
    """Page 1 of the PDF report of nine weeks of history, as screenshots/report-pdf.png."""
    library = load_library(content_dir())
    store = HistoryStore(Paths(tmp / "report-data", tmp / "report-config"))
    weeks = 9
    seed_weeks(store, library, weeks)
    program = load_program(content_dir() / "program.toml", set(library.routines))
    settings = Settings(program_start=TODAY - timedelta(weeks=weeks, days=-1))
    categories = routine_categories(library)
    data = export_bytes(
        store.everything(), "pdf", None, TODAY, categories, program=program, settings=settings
    )
    pdf = tmp / "report.pdf"
    pdf.write_bytes(data)
    png = OUT / "report-pdf.png"
    page = ["-f", "1", "-l", "1", "-singlefile", "-r", "110"]
    subprocess.run(["pdftoppm", "-png", *page, str(pdf), str(png.with_suffix(""))], check=True)
    return png


def main(wanted: list[str]) -> None:
    Input.cursor_blink._default = False  # a steady cursor, as in the tests (tests/conftest.py)
    OUT.mkdir(exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        for name, make in all_scenes().items():
            if wanted and name not in wanted:
                continue
            svg = asyncio.run(shoot(name, make))
            print(f"{svg.relative_to(ROOT)}  {to_png(svg).relative_to(ROOT)}")
        if not wanted or "report-pdf" in wanted:
            print(report_pdf(Path(tmp)).relative_to(ROOT))


if __name__ == "__main__":
    main(sys.argv[1:])
