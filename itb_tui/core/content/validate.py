"""Content files read as TOML, with errors naming file, entry, field and what was expected; the
reader of printable text (``ContentReader``) and the schema check."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from itb_tui.core.content.parse_cache import cached_parse
from itb_tui.core.store.files import StoreError, read_bytes
from itb_tui.core.tables import TableReader as TableReader  # content reads with it too


class ContentError(Exception):
    """One or more problems in a content or settings file; ``problems`` lists each in full."""

    def __init__(self, problems: list[str]) -> None:
        self.problems = problems
        super().__init__("\n".join(problems))

    def report(self, stopped: str = "the app cannot run") -> str:
        """What ``itb`` prints when ``stopped`` (what could not go on): a heading, then one
        problem per line."""
        lines = [f"  - {problem}" for problem in self.problems]
        return "\n".join([f"itb: the content could not be loaded, so {stopped}:", *lines])


def read_toml(path: Path, cache_dir: Path | None = None) -> dict[str, Any]:
    """Parse ``path`` as TOML, turning every failure into a ContentError that names the file.

    With ``cache_dir``, a file whose bytes are unchanged since an earlier run is not parsed again.
    """
    import tomli  # here: a start whose files are all in the parse cache never imports it

    try:
        data = read_bytes(path)
    except StoreError as err:
        raise ContentError([str(err)]) from err
    if data is None:
        raise ContentError([f"{path}: cannot be read: No such file or directory"])
    try:
        return cached_parse(path, data, cache_dir, lambda raw: tomli.loads(raw.decode("utf-8")))
    except UnicodeDecodeError as err:
        raise ContentError([f"{path}: is not UTF-8 text (byte {err.start})"]) from err
    except (tomli.TOMLDecodeError, RecursionError) as err:
        raise ContentError([f"{path}: is not valid TOML: {err}"]) from err


class ContentReader(TableReader):
    """A TableReader for exercises and routines, whose names and steps are printed on the
    terminal: a control character in them is refused (recorded as a problem)."""

    printable_only = True


def check_schema(reader: TableReader, supported: int) -> None:
    """Check a file's ``schema_version`` against the newest this version understands."""
    version = reader.integer("schema_version", minimum=1, maximum=10_000)
    if version is not None and version > supported:
        reader.problems.append(
            f"{reader.where}: schema_version {version} is newer than this itb-tui understands "
            f"({supported}); upgrade itb-tui to read it"
        )
