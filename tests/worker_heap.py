"""A test worker's heap kept small, so Python's garbage collector has less to walk.

A test worker starts hundreds of apps one after the other. Two things made every full
collection walk far more than the app running now (about a quarter of a Pilot test's time
went to the collector):

- Textual memoizes ``StylesCache.get_inner_outer`` per StylesCache (an ``lru_cache`` on a
  method), so the cache holds on to the StylesCache of up to 1,024 widgets after their app is
  gone, each with the rendered lines it keeps: in a test worker, ~100,000 objects of apps that
  ended. ``release_finished_apps()`` after each test lets them go; the memo is a pure
  function of two colours, so only its speed is lost, not a result.
- The modules, the collected tests and what they built at import are alive until the worker
  ends, yet every full collection walks them again. ``freeze_what_stays()`` once the tests are
  collected moves them out of the collector's way (``gc.freeze``).
"""

from __future__ import annotations

import gc

from textual._styles_cache import StylesCache


def release_finished_apps() -> None:
    """Let go of what Textual's memos keep of apps that have ended."""
    StylesCache.get_inner_outer.cache_clear()


def freeze_what_stays() -> None:
    """Everything alive now stays out of every later collection."""
    gc.collect()
    gc.freeze()
