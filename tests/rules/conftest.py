"""The rules fuzzer's settings: a short, repeatable run by default; ``ITB_RULES_EXAMPLES=N``
for a long random one (e.g. ``ITB_RULES_EXAMPLES=2000 .venv/bin/python -m pytest
tests/rules``); ``ITB_RULES_PENDING=1`` also runs the invariants of features not built yet.
``make test-fast`` tries a fifth of the default users (tests/examples.py)."""

from __future__ import annotations

import os

from hypothesis import HealthCheck, settings

from tests.examples import examples

LONG_RUN = "ITB_RULES_EXAMPLES" in os.environ
EXAMPLES = int(os.environ.get("ITB_RULES_EXAMPLES", examples(100)))
# test_the_rules_hold runs as this many tests, each with users of its own (Hypothesis seeds
# each by its test id), so that parallel workers share it
PARTS = 4
PENDING = bool(os.environ.get("ITB_RULES_PENDING"))

settings.register_profile(
    "rules",
    max_examples=EXAMPLES,
    deadline=None,
    database=None,  # nothing kept between runs: a run depends on its seed alone
    derandomize=not LONG_RUN,  # the default run tries the same users every time
    print_blob=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
RULES = settings.get_profile("rules")
