"""The plan rules stay readable: no function in core/plan at radon grade D or worse (21+)."""

from __future__ import annotations

from pathlib import Path

from radon.complexity import cc_rank, cc_visit

import itb_tui.core.plan

PLAN = Path(itb_tui.core.plan.__file__).parent


def too_complex(source: str) -> list[str]:
    """'name (grade complexity)' for each function of ``source`` at grade D or worse."""
    return [
        f"{block.fullname} ({cc_rank(block.complexity)} {block.complexity})"
        for block in cc_visit(source)
        if cc_rank(block.complexity) not in "ABC"
    ]


def test_no_plan_function_is_at_grade_d_or_worse() -> None:
    found = {p.name: bad for p in sorted(PLAN.glob("*.py")) if (bad := too_complex(p.read_text()))}
    assert found == {}


def test_the_check_sees_a_tangled_function() -> None:
    branches = "\n".join(f"    if x == {n}:\n        return {n}" for n in range(25))
    assert too_complex(f"def tangled(x):\n{branches}\n    return -1\n") == ["tangled (D 26)"]
