"""How many examples the property tests try. ``make test-fast`` sets ``ITB_TESTS_QUICK=1``: each
tries a fifth of its examples (the rules fuzzer 20 users instead of 100), still the same ones
every run where a test is derandomized. ``make test`` and a plain ``pytest`` try them all."""

from __future__ import annotations

import os

from hypothesis import settings

QUICK = bool(os.environ.get("ITB_TESTS_QUICK"))


def examples(count: int) -> int:
    """``count``, or a fifth of it (at least one) in a quick run."""
    return max(1, count // 5) if QUICK else count


# the tests that do not say how many examples they try: Hypothesis's 100, or a fifth
settings.register_profile("quick", max_examples=examples(100))
if QUICK:
    settings.load_profile("quick")
