"""What may import what: the contracts in pyproject.toml ([tool.importlinter]) hold, and no two
of the core's packages (or modules beside them) import each other, however indirectly.

Imports made only for an annotation (under TYPE_CHECKING) are not counted: nothing is imported
at run time. CONTRIBUTING.md ("The layers") says which package sits over which.
"""

from __future__ import annotations

from pathlib import Path

import grimp
from importlinter.cli import lint_imports

REPO = Path(__file__).resolve().parents[2]
CORE = "itb_tui.core"


def package_cycles(graph: grimp.ImportGraph, parent: str) -> list[tuple[str, str]]:
    """Each pair of ``parent``'s children that import each other (directly or through others),
    as (child, child) in name order."""
    children = sorted(graph.find_children(parent))
    return [
        (a, b)
        for i, a in enumerate(children)
        for b in children[i + 1 :]
        if graph.chain_exists(importer=a, imported=b, as_packages=True)
        and graph.chain_exists(importer=b, imported=a, as_packages=True)
    ]


def test_the_import_contracts_are_kept() -> None:
    assert lint_imports(str(REPO / "pyproject.toml"), no_cache=True, no_logo=True) == 0


def test_no_two_core_packages_import_each_other() -> None:
    graph = grimp.build_graph("itb_tui", cache_dir=None, exclude_type_checking_imports=True)
    assert len(graph.find_children(CORE)) > 10  # the packages are where they were
    assert package_cycles(graph, CORE) == []


def test_a_cycle_between_two_packages_is_found() -> None:
    graph = grimp.ImportGraph()
    for name in ("top", "top.a", "top.a.one", "top.b", "top.b.two", "top.c"):
        graph.add_module(name)
    graph.add_import(importer="top.a.one", imported="top.b.two")
    graph.add_import(importer="top.b.two", imported="top.c")
    assert package_cycles(graph, "top") == []
    graph.add_import(importer="top.c", imported="top.a.one")
    assert package_cycles(graph, "top") == [
        ("top.a", "top.b"),
        ("top.a", "top.c"),
        ("top.b", "top.c"),
    ]
