"""Each screen's own stylesheet, read the first time the screen is shown.

``app.tcss`` holds the home screen's rules and what every dialog shares; the rules of any other
screen live in the ``.tcss`` file beside its module. Starting the app then parses only what its
first frame needs. (A screen's ``CSS_PATH`` would make Textual parse every stylesheet of the app
again when the screen is first pushed; adding the file as one more source parses that file only.)
"""

from __future__ import annotations

from pathlib import Path

from textual.app import App


def read_stylesheet_beside(app: App[object], module_file: str) -> None:
    """Add ``<module>.tcss`` to the app's stylesheet, once; call it first thing in ``compose``."""
    path = Path(module_file).with_suffix(".tcss")
    if not app.stylesheet.has_source(str(path)):
        css = path.read_text(encoding="utf-8")
        app.stylesheet.add_source(css, read_from=(str(path), ""))
