"""The man page: made from the parser (scripts/manpage.py, `make man`), it names every verb,
shows each verb's examples and exit codes, and the one in man/itb.1 is up to date."""

from __future__ import annotations

import importlib.util
import re
import shutil
import subprocess
from pathlib import Path
from types import ModuleType

import pytest

from itb_tui.cli.verb_help import VERBS
from tests.factories import cli_verbs

REPO = Path(__file__).resolve().parents[3]


def manpage_script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("manpage", REPO / "scripts" / "manpage.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def page() -> str:
    text: str = manpage_script().man_page()
    return text


def roff(text: str) -> str:
    return text.replace("-", "\\-")


def without_date(text: str) -> str:
    return re.sub(r'^\.TH ITB "1" "[^"]*"', '.TH ITB "1" ""', text, flags=re.MULTILINE)


def test_the_page_names_every_verb_with_its_options() -> None:
    text = page()
    assert len(cli_verbs()) >= 10
    for verb in cli_verbs():
        assert f".SH COMMAND \\fI\\,'itb {roff(verb)}'" in text, verb
    assert "\\-\\-swelling" in text and "\\-\\-json" in text


def test_the_page_has_every_example_and_exit_status() -> None:
    text = page()
    examples = text.split(".SH EXAMPLES\n", 1)[1].split(".SH ", 1)[0]
    status = text.split(".SH EXIT STATUS\n", 1)[1].split(".SH ", 1)[0]
    for verb, (shown, exits) in VERBS.items():
        for example in shown:
            assert roff(example) in examples
        assert f".B itb {roff(verb)}\n{roff(exits)}" in status


def test_the_shipped_page_is_the_one_the_parser_makes_now() -> None:
    shipped = (REPO / "man" / "itb.1").read_text("utf-8")
    assert without_date(shipped) == without_date(page()), "run: make man"


@pytest.mark.skipif(shutil.which("groff") is None, reason="needs groff")
def test_groff_reads_it_without_a_warning(tmp_path: Path) -> None:
    source = tmp_path / "itb.1"
    source.write_text(page(), "utf-8")
    done = subprocess.run(
        ["groff", "-man", "-Tascii", "-ww", str(source)],
        capture_output=True,
        text=True,
        timeout=30,
        check=False,
    )
    assert done.returncode == 0 and done.stderr == ""
    shown = re.sub(".\b", "", done.stdout)  # bold and underline are overstruck characters
    assert "EXIT STATUS" in shown and "itb paths --json" in shown
