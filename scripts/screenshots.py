"""Regenerate screenshots/: an SVG from Textual and a PNG of it for each main screen.

The scenes are the snapshot tests' own, so the pictures show exactly what the tests check.
"""

from __future__ import annotations

import asyncio
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from itb_tui.tui.app import ItbApp  # noqa: E402
from tests.snapshots import history_scenes, program_scenes, scenes  # noqa: E402
from tests.snapshots.scenes import Setup  # noqa: E402

OUT = ROOT / "screenshots"
SIZE = (80, 24)
HISTORY = ("history", "session_detail", "pain_chart", "calendar")
# A monospace font the PNG renderer has, so columns line up as in a terminal.
PNG_FONT = "DejaVu Sans Mono"

Scene = Callable[[], tuple[ItbApp, Setup]]


def all_scenes(tmp: Path) -> dict[str, Scene]:
    found: dict[str, Scene] = {name: lambda n=name: scenes.scene(n) for name in scenes.SCENES}
    for name in program_scenes.SCENES:
        found[name] = lambda n=name: program_scenes.scene(n)
    for name in HISTORY:
        found[name] = lambda n=name: history_scenes.history_scene(n, tmp / n)
    return found


async def shoot(name: str, make: Scene) -> Path:
    app, setup = make()
    async with app.run_test(size=SIZE) as pilot:
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
    cairosvg.svg2png(bytestring=text.encode(), write_to=str(png), output_width=1200)
    return png


def main() -> None:
    OUT.mkdir(exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        for name, make in all_scenes(Path(tmp)).items():
            svg = asyncio.run(shoot(name, make))
            print(f"{svg.relative_to(ROOT)}  {to_png(svg).relative_to(ROOT)}")


if __name__ == "__main__":
    main()
