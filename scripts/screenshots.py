"""Regenerate screenshots/: an SVG from Textual and a PNG of it for each main screen."""

from __future__ import annotations

import asyncio
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.snapshots.scenes import SCENES, scene  # noqa: E402

OUT = ROOT / "screenshots"
SIZE = (80, 24)


async def shoot(name: str) -> Path:
    app, setup = scene(name)
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
    cairosvg.svg2png(url=str(svg), write_to=str(png), output_width=1200)
    return png


def main() -> None:
    OUT.mkdir(exist_ok=True)
    for name in SCENES:
        svg = asyncio.run(shoot(name))
        print(f"{svg.relative_to(ROOT)}  {to_png(svg).relative_to(ROOT)}")


if __name__ == "__main__":
    main()
