"""Write screenshots/figures/<id>.svg: each shipped exercise's figure, as the README shows it.

Run by `make screenshots`; names as arguments write only those exercises. A figure file whose
exercise no longer ships is removed when all are written.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from itb_tui.core.content.library import load_library  # noqa: E402
from itb_tui.core.report.figure_svg import figure_svg  # noqa: E402
from itb_tui.core.store.paths import content_dir  # noqa: E402

OUT = ROOT / "screenshots" / "figures"


def write_figures(out: Path, wanted: set[str]) -> list[Path]:
    """Write the figures named in ``wanted`` (all when empty) into ``out``; return the paths."""
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for exercise in load_library(content_dir()).exercises.values():
        if exercise.figure is None or (wanted and exercise.id not in wanted):
            continue
        path = out / f"{exercise.id}.svg"
        path.write_text(figure_svg(exercise.figure, exercise.name), encoding="utf-8")
        written.append(path)
    if not wanted:
        for stale in set(out.glob("*.svg")) - set(written):
            stale.unlink()
    return written


def main() -> None:
    for path in write_figures(OUT, set(sys.argv[1:])):
        print(path.relative_to(ROOT))


if __name__ == "__main__":
    main()
