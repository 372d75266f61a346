"""Start an app, wait for its first frame, write the time since ITB_BENCH_T0 and exit.

    ITB_BENCH_T0=<time.time()> ITB_BENCH_OUT=result.json python benchmarks/first_frame.py app ARGS
    ITB_BENCH_T0=<time.time()> ITB_BENCH_OUT=result.json python benchmarks/first_frame.py minimal

``app`` runs the real ``itb`` command line (``main`` in ``itb_tui.cli``) with ItbApp swapped
for a subclass whose ``on_mount`` asks for a callback after the first refresh; Textual calls every
``on_mount`` along the class hierarchy, so ItbApp's own start-up work still runs. The swap is
made by an import hook as the command line first imports the app module, so everything is
imported in the order, and under the settings, of a real start. Nothing in the app is
changed. The result file gets the elapsed seconds and the peak memory so far.
"""

from __future__ import annotations

import time

FIRST_LINE_AT = time.time()

import json  # noqa: E402
import os  # noqa: E402
import sys  # noqa: E402
from pathlib import Path  # noqa: E402
from typing import Any  # noqa: E402


def _proc_status() -> dict[str, int]:
    """VmHWM / VmRSS of this process in KiB."""
    found: dict[str, int] = {}
    for line in Path("/proc/self/status").read_text().splitlines():
        key, _, rest = line.partition(":")
        if key in ("VmHWM", "VmRSS"):
            found[key] = int(rest.split()[0])
    return found


def _report(app: Any, t0: float) -> None:
    elapsed = time.time() - t0
    import resource

    usage = resource.getrusage(resource.RUSAGE_SELF)
    status = _proc_status()
    out = {
        "elapsed_s": elapsed,
        "interpreter_s": FIRST_LINE_AT - t0,
        "cpu_s": usage.ru_utime + usage.ru_stime,
        "screen": type(app.screen).__name__,
        "vmhwm_kib": status.get("VmHWM"),
        "vmrss_kib": status.get("VmRSS"),
        "modules": len(sys.modules),
    }
    Path(os.environ["ITB_BENCH_OUT"]).write_text(json.dumps(out))
    # Gone at once: what an app does after its first frame (the app reads the history then)
    # is not start-up, and must not count in the instructions measured under valgrind.
    os._exit(0)


def _css_paths(cls: type) -> Any:
    """``cls.CSS_PATH`` made absolute: Textual reads it relative to the subclass's file."""
    import inspect

    paths = getattr(cls, "CSS_PATH", None)
    if paths is None:
        return None
    home = Path(inspect.getfile(cls)).parent
    items = paths if isinstance(paths, list | tuple) else [paths]
    resolved = [str(p if Path(p).is_absolute() else home / p) for p in items]
    return resolved if isinstance(paths, list | tuple) else resolved[0]


def _bench_app(module: Any, t0: float) -> None:
    """Replace ``module.ItbApp`` with a subclass that reports its first frame."""
    base = module.ItbApp

    class BenchItbApp(base):  # type: ignore[valid-type, misc]
        CSS_PATH = _css_paths(base)

        def on_mount(self) -> None:  # ItbApp.on_mount runs right after this one
            self.call_after_refresh(_report, self, t0)

    module.ItbApp = BenchItbApp


class _SwapApp:
    """An import hook: once ``itb_tui.tui.app`` has run, swap its ItbApp for the bench's."""

    NAME = "itb_tui.tui.app"

    def __init__(self, t0: float) -> None:
        self.t0 = t0

    def find_spec(self, name: str, path: Any, target: Any = None) -> Any:
        if name != self.NAME:
            return None
        from importlib.machinery import PathFinder

        spec = PathFinder.find_spec(name, path)
        if spec is None or spec.loader is None:
            return spec
        loader, t0 = spec.loader, self.t0
        run_module = loader.exec_module  # type: ignore[union-attr]

        def exec_module(module: Any) -> None:
            run_module(module)
            _bench_app(module, t0)

        loader.exec_module = exec_module  # type: ignore[union-attr]
        return spec


def main(argv: list[str]) -> int:
    t0 = float(os.environ["ITB_BENCH_T0"])
    which = argv[0] if argv else "minimal"
    if which == "minimal":
        from minimal_app import MinimalApp

        class BenchMinimal(MinimalApp):
            def on_mount(self) -> None:
                self.call_after_refresh(_report, self, t0)

        BenchMinimal().run()
        return 0
    if which == "app":
        sys.meta_path.insert(0, _SwapApp(t0))
        from itb_tui import cli

        return cli.main(argv[1:])
    print(f"unknown app {which!r}: use 'app' or 'minimal'", file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
