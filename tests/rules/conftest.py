"""The rules fuzzer's settings: a short, repeatable run by default; ``ITB_RULES_EXAMPLES=N``
for a long random one (e.g. ``ITB_RULES_EXAMPLES=2000 .venv/bin/python -m pytest
tests/rules``); ``ITB_RULES_PENDING=1`` also runs the invariants of features not built yet."""

from __future__ import annotations

import os

from hypothesis import HealthCheck, settings

LONG_RUN = "ITB_RULES_EXAMPLES" in os.environ
EXAMPLES = int(os.environ.get("ITB_RULES_EXAMPLES", "100"))
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
