"""Test modules do not import other test modules (issue 26, part 8): a builder, constant or
fixture two test modules share lives in a helpers module (tests/factories.py,
tests/tui/helpers.py, or a helpers module beside the tests that use it), so running or changing
one test file never depends on another."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
TESTS = REPO / "tests"


def is_test_module(name: str) -> bool:
    return name.startswith("test_")


def package_of(path: Path) -> list[str]:
    """The dotted parts of the package holding ``path``, from the repository root."""
    return list(path.relative_to(REPO).parent.parts)


def imported_modules(source: str, path: Path) -> list[tuple[int, str]]:
    """(line, dotted module) of every import in ``source``, at any depth, relative ones made
    absolute from ``path``; ``from package import name`` also gives ``package.name``, as the
    name may be a module."""
    found: list[tuple[int, str]] = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module.split(".") if node.module else []
            if node.level:
                package = package_of(path)
                base = package[: len(package) - node.level + 1] + base
            module = ".".join(base)
            found.append((node.lineno, module))
            found += [(node.lineno, f"{module}.{alias.name}") for alias in node.names]
    return found


def imports_of_test_modules(source: str, path: Path) -> list[str]:
    """Where ``source`` imports a test module under tests/, as 'file:line module'."""
    where = path.relative_to(REPO)
    return [
        f"{where}:{line} {module}"
        for line, module in imported_modules(source, path)
        if module.split(".")[0] == "tests" and is_test_module(module.split(".")[-1])
    ]


def test_no_module_under_tests_imports_a_test_module() -> None:
    found = [
        problem
        for path in sorted(TESTS.rglob("*.py"))
        if "__snapshots__" not in path.parts
        for problem in imports_of_test_modules(path.read_text("utf-8"), path)
    ]
    assert found == [], "move what they share into a helpers module:\n" + "\n".join(found)


@pytest.mark.parametrize(
    "source",
    [
        "from tests.unit.plan.test_referee import verdict",
        "from .test_history import open_history",
        "from ..tui.test_keys import footer_words",
        "from . import test_history",
        "import tests.tui.test_history",
        "def scene():\n    from tests.tui.test_home_test_due import pick_the_test",
    ],
)
def test_every_way_of_importing_a_test_module_is_caught(source: str) -> None:
    path = TESTS / "tui" / "test_example.py"
    assert len(imports_of_test_modules(source, path)) == 1


@pytest.mark.parametrize(
    "source",
    [
        "from .helpers import make_app",
        "from tests.factories import at",
        "from tests.unit.plan.helpers import verdict",
        "from itb_tui.core.plan import referee",
    ],
)
def test_helpers_and_the_app_may_be_imported(source: str) -> None:
    assert imports_of_test_modules(source, TESTS / "tui" / "test_example.py") == []
