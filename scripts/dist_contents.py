"""Check that the wheel and the sdist carry what the app needs (scripts/wheel_check.sh).

The wheel: every file of the package (code, styles, figures, ``py.typed``), every shipped
content file under ``itb_tui/content/``, the man page and the licence. The sdist: the same
sources plus the content, the man page, the tests and the project's documents. Usage:
``python dist_contents.py WHEEL SDIST``; it names what is missing and exits 1.
"""

from __future__ import annotations

import sys
import tarfile
import zipfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DOCUMENTS = ("README.md", "LICENSE", "CHANGELOG.md", "CONTRIBUTING.md", "Makefile", "man/itb.1")


def tracked(folder: str) -> set[str]:
    """Every file under ``folder`` of the clone, as a path from the clone's top."""
    return {
        str(path.relative_to(REPO))
        for path in (REPO / folder).rglob("*")
        if path.is_file() and "__pycache__" not in path.parts
    }


def missing_from_wheel(wheel: Path) -> list[str]:
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
    wanted = tracked("itb_tui") | {f"itb_tui/{name}" for name in tracked("content")}
    missing = sorted(wanted - names)
    if not any(name.endswith(".data/data/share/man/man1/itb.1") for name in names):
        missing.append("share/man/man1/itb.1")
    if not any(name.endswith(".dist-info/licenses/LICENSE") for name in names):
        missing.append("LICENSE")
    return missing


def missing_from_sdist(sdist: Path) -> list[str]:
    with tarfile.open(sdist) as archive:
        names = {name.split("/", 1)[1] for name in archive.getnames() if "/" in name}
    wanted = tracked("itb_tui") | tracked("content") | tracked("tests") | set(DOCUMENTS)
    return sorted(name for name in wanted - names if not name.endswith(".pyc"))


def main(wheel: Path, sdist: Path) -> int:
    problems = [f"{wheel.name}: {name}" for name in missing_from_wheel(wheel)]
    problems += [f"{sdist.name}: {name}" for name in missing_from_sdist(sdist)]
    for problem in problems:
        print(f"missing from {problem}", file=sys.stderr)
    if not problems:
        print(f"{wheel.name} and {sdist.name} hold the package, its content and the man page")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]), Path(sys.argv[2])))
