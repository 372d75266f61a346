"""``itb paths``: the folders itb-tui reads and writes, as lines or as JSON for scripts."""

from __future__ import annotations

import json

from itb_tui.core.store.paths import Paths, content_dir

WHAT = {
    "data": "your history, red flags and a session in progress",
    "config": "settings.toml and your own content.toml",
    "cache": "answers and parsed content kept to start faster; safe to delete",
    "content": "the exercises, routines and program shipped with itb-tui",
}


def folders(paths: Paths) -> dict[str, str]:
    """Each folder by its key (``data``, ``config``, ``cache``, ``content``); the cache is an
    empty string when there is none."""
    cache = "" if paths.cache is None else str(paths.cache)
    return {
        "data": str(paths.data),
        "config": str(paths.config),
        "cache": cache,
        "content": str(content_dir()),
    }


def paths_text(paths: Paths, as_json: bool = False) -> str:
    """One line per folder (its key, the folder, what is in it), or a JSON object."""
    found = folders(paths)
    if as_json:
        return json.dumps(found, indent=2)
    width = max(len(key) for key in found)
    return "\n".join(
        f"{key:<{width}}  {folder or '(none)'}  ({WHAT[key]})" for key, folder in found.items()
    )
