"""Write the man page ``man/itb.1`` from the command's own parser (``make man``).

Each verb's usage and options come from the parser; the EXAMPLES and EXIT STATUS sections
from ``itb_tui/cli/verb_help.py``, as each verb's ``--help`` shows them. The date is the day it is
written (or ``SOURCE_DATE_EPOCH``); nothing else changes from one run to the next.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from argparse_manpage.manpage import Manpage

from itb_tui import __version__
from itb_tui.cli import build_parser
from itb_tui.cli.verb_help import VERBS

MAN_PAGE = Path(__file__).resolve().parents[1] / "man" / "itb.1"


def _roff(text: str) -> str:
    """Plain text set as roff: backslashes and leading dots and hyphens escaped."""
    text = text.replace("\\", "\\e").replace("-", "\\-")
    return "\n".join(
        "\\&" + line if line.startswith((".", "'")) else line for line in text.split("\n")
    )


def _examples() -> str:
    examples = [_roff(example) for examples, _exits in VERBS.values() for example in examples]
    return "\n".join([".nf", *examples, ".fi"])


def _exit_status() -> str:
    lines = []
    for verb, (_examples, exits) in VERBS.items():
        lines += [".TP", f".B itb {_roff(verb)}", _roff(exits)]
    return "\n".join(lines)


def man_page() -> str:
    """The man page's roff text."""
    parser = build_parser()
    page = Manpage(
        parser,
        {
            "project_name": "itb-tui",
            "version": __version__,
            "description": "a terminal coach for IT band syndrome rehab",
            "manual_title": "itb-tui manual",
            "authors": ["itb-tui contributors"],
        },
    )
    page.add_section("examples", "=", _examples())
    page.add_section("exit status", "=", _exit_status())
    return str(page)


def main(argv: list[str] | None = None) -> int:
    cli = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    cli.add_argument("--output", type=Path, default=MAN_PAGE, help="default: man/itb.1")
    args = cli.parse_args(argv)
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(man_page(), "utf-8")
    print(f"wrote {args.output}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
