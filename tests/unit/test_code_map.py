"""The maps stay true: a docstring or the README's code map that names a module names one that
exists.

What counts as naming a module: a path ending in ``.py`` (``core/plan/signs.py``, or
``signs.py`` alone), a dotted ``itb_tui.core.plan.signs``, a package's ``__init__`` docstring
naming one of its modules in double backquotes (````records````), and in the README's code map
the package in the first column and every name or path in backquotes beside it.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
PACKAGE = REPO / "itb_tui"
SOURCE_FOLDERS = ("itb_tui", "tests", "scripts", "benchmarks")
PY_PATH = re.compile(r"(?<![\w./-])((?:[\w.-]+/)*[\w-]+\.py)\b")
DOTTED = re.compile(r"(?<![\w.])(itb_tui(?:\.\w+)+)")
MODULE_NAME = re.compile(r"``(\w+)``")
CODE = re.compile(r"`([^`]+)`")
NAME = re.compile(r"\w+")


def source_files() -> list[Path]:
    return sorted(
        path
        for folder in SOURCE_FOLDERS
        for path in (REPO / folder).rglob("*.py")
        if "__snapshots__" not in path.parts
    )


FILE_NAMES = {path.name for path in source_files()}


def docstrings(path: Path) -> Iterator[tuple[str, str]]:
    """(where, docstring) of the module and of every class and function in it."""
    tree = ast.parse(path.read_text("utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef):
            text = ast.get_docstring(node)
            if text:
                yield getattr(node, "name", "module docstring"), text


def path_exists(reference: str, near: Path) -> bool:
    """A ``.py`` path, from the repository, the package, its core, or a folder above ``near``;
    a bare file name anywhere in the sources."""
    if "/" not in reference:
        return reference in FILE_NAMES
    bases = [REPO, PACKAGE, PACKAGE / "core", *near.parents]
    return any((base / reference).exists() for base in bases)


def dotted_exists(reference: str) -> bool:
    """A dotted module of the package, or a name inside such a module."""
    parts = reference.split(".")
    for count in range(len(parts), 1, -1):
        path = REPO.joinpath(*parts[:count])
        if path.with_suffix(".py").is_file():
            return count >= len(parts) - 1
        if (path / "__init__.py").is_file():
            return count == len(parts)
    return False


def has_module(package: Path, name: str) -> bool:
    return (package / f"{name}.py").is_file() or (package / name / "__init__.py").is_file()


def missing_in_docstrings(path: Path) -> list[str]:
    """What ``path``'s docstrings name that does not exist, as 'file: where: name'."""
    missing = []
    where_file = path.relative_to(REPO)
    for where, text in docstrings(path):
        named = [m for m in PY_PATH.findall(text) if not path_exists(m, path)]
        named += [m for m in DOTTED.findall(text) if not dotted_exists(m)]
        if path.name == "__init__.py" and where == "module docstring":
            named += [m for m in MODULE_NAME.findall(text) if not has_module(path.parent, m)]
        missing += [f"{where_file}: {where}: {name}" for name in named]
    return missing


def code_map_rows() -> list[tuple[str, str]]:
    """The README code map's rows: (first column, the rest)."""
    text = (REPO / "README.md").read_text("utf-8")
    section = text.split("\n## Code map\n", 1)[1].split("\n## ", 1)[0]
    rows = []
    for line in section.splitlines():
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        if line.startswith("|") and len(cells) >= 2 and cells[0].startswith("`"):
            rows.append((cells[0], " | ".join(cells[1:])))
    return rows


def missing_in_code_map() -> list[str]:
    missing = []
    for first, rest in code_map_rows():
        places = []
        for named in CODE.findall(first):
            for part in named.split(", "):
                place = next(
                    (base / part for base in (PACKAGE, REPO) if (base / part).exists()), None
                )
                if place is None:
                    missing.append(f"code map: {part}")
                else:
                    places.append(place)
        folders = [place for place in places if place.is_dir()]
        for named in CODE.findall(rest):
            if "/" in named or named.endswith(".py"):
                bases = [PACKAGE, REPO, *folders, *(folder.parent for folder in folders)]
                if not any((base / named).exists() for base in bases):
                    missing.append(f"code map, beside {first}: {named}")
            elif NAME.fullmatch(named) and folders:  # noqa: SIM102
                if not any(has_module(folder, named) for folder in folders):
                    missing.append(f"code map, beside {first}: {named}")
    return missing


def test_every_module_a_docstring_names_exists() -> None:
    missing = [line for path in source_files() for line in missing_in_docstrings(path)]
    assert missing == []


def test_every_module_the_readme_code_map_names_exists() -> None:
    assert len(code_map_rows()) >= 10  # the map is found and read
    assert missing_in_code_map() == []


@pytest.mark.parametrize(
    ("docstring", "found"),
    [
        ('"""See core/plan/signs.py and weeks.py."""', []),
        ('"""See plan_signs.py."""', ["plan_signs.py"]),
        ('"""See core/plan/gone.py."""', ["core/plan/gone.py"]),
        ('"""See itb_tui.core.plan.signs.warning_signs."""', []),
        ('"""See itb_tui.core.plan.gone."""', ["itb_tui.core.plan.gone"]),
    ],
)
def test_a_name_that_does_not_exist_is_caught(
    tmp_path: Path, docstring: str, found: list[str]
) -> None:
    module = PACKAGE / "core" / "plan" / "example.py"  # as if it lived beside the rules
    text = ast.get_docstring(ast.parse(docstring)) or ""
    named = [m for m in PY_PATH.findall(text) if not path_exists(m, module)]
    named += [m for m in DOTTED.findall(text) if not dotted_exists(m)]
    assert named == found
