"""What each verb's ``--help`` ends with: an example or two and its exit codes.

Kept apart from the verbs' modules so their parsers stay lists of options; ``explain`` adds
these to every verb's help once the parser is built, and a test checks that no verb is left
without.
"""

from __future__ import annotations

import argparse
import textwrap

APP_EXITS = (
    "0 the app was closed, 1 the content, settings or history could not be read, "
    "2 bad arguments or no terminal, 128+N closed by signal N"
)
SHELL_EXITS = "0 done, 1 the content, settings or history could not be read, 2 bad arguments"

VERBS: dict[str, tuple[tuple[str, ...], str]] = {
    # verb: (examples, exit codes), shown in its --help and in the man page
    "start": (("itb start hip-strength",), APP_EXITS),
    "routines": (("itb routines",), SHELL_EXITS),
    "check": (
        ("itb check", "itb --config-dir ~/physio-plan check"),
        "0 everything is fine, 1 a problem was found (each is listed), 2 bad arguments",
    ),
    "log-pain": (
        ("itb log-pain 3 --context daily --note stairs --swelling no", "itb log-pain --left 2"),
        "0 saved, 1 the history could not be written or read, 2 bad arguments",
    ),
    "today": (
        ("itb today", "itb today --format json"),
        "0 nothing is due, 1 something is due (the check-in, a session or a test), "
        "2 bad arguments, 3 the history or the program could not be read",
    ),
    "readiness": (
        ("itb readiness", "itb readiness --format json"),
        "0 printed, 1 the content, settings or history could not be read, 2 bad arguments",
    ),
    "log-run": (
        (
            "itb log-run 22",
            "itb log-run 35 --at 07:30 --distance 5.2 --pain-began 12 --pain-score 3 --stopped",
        ),
        "0 saved, 1 the history could not be written or read, 2 bad arguments",
    ),
    "import-run": (
        ("itb import-run morning.gpx", "itb import-run ~/watch-exports/"),
        "0 every file imported (or kept already), 1 a file could not be imported or the history "
        "could not be written, 2 bad arguments",
    ),
    "check-in": (
        ("itb check-in", "itb check-in 2 --compared same --swelling no"),
        "0 saved, 1 nothing saved (the input ended) or the history could not be written, "
        "2 bad arguments",
    ),
    "red-flags": (
        (
            "itb red-flags",
            "itb red-flags --tick no-weight-bearing",
            "itb red-flags --untick no-weight-bearing",
        ),
        "0 listed (and the change kept), 1 the content or the red flags could not be read, "
        "2 bad arguments or an unknown flag",
    ),
    "psfs": (
        ("itb psfs", "itb psfs 'running 5 km=3' 'stairs=6'", "itb psfs --show"),
        "0 saved or shown, 1 nothing saved (the input ended) or the history could not be read or "
        "written, 2 bad arguments",
    ),
    "remind": (
        ("itb remind", "itb remind --install --at 08:00", "itb remind --uninstall"),
        SHELL_EXITS,
    ),
    "export": (
        (
            "itb export --format markdown --since 8w --output report.md",
            "itb export --format ics --output plan.ics",
        ),
        "0 written, 1 a month of history could not be read (the rest is written), "
        "2 bad arguments or an output that would replace a file without --force",
    ),
    "completion": (
        (
            "itb completion bash > ~/.local/share/bash-completion/completions/itb",
            "itb completion fish > ~/.config/fish/completions/itb.fish",
        ),
        "0 printed, 2 bad arguments",
    ),
    "paths": (("itb paths", "itb paths --json"), "0 printed, 2 bad arguments"),
}


def verb_epilog(verb: str, own: str | None, raw: bool) -> str:
    """The verb's own epilog (wrapped unless it is laid out by hand), then its examples and
    exit codes (unless its own epilog gives them)."""
    examples, exits = VERBS[verb]
    parts = [own if raw else textwrap.fill(own, 79)] if own else []
    lines = "\n".join(f"  {example}" for example in examples)
    parts.append(f"{'examples' if len(examples) > 1 else 'example'}:\n{lines}")
    if "exit codes:" not in (own or ""):
        parts.append(textwrap.fill(f"exit codes: {exits}.", 79))
    return "\n\n".join(part.rstrip("\n") for part in parts)


def explain(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Give every verb's help its examples and exit codes (laid out as written); a verb not
    in ``VERBS`` keeps its help as it is (the tests name it)."""
    for verb, parser in commands.choices.items():
        if verb not in VERBS:
            continue
        raw = parser.formatter_class is argparse.RawDescriptionHelpFormatter
        parser.epilog = verb_epilog(verb, parser.epilog, raw)
        parser.formatter_class = argparse.RawDescriptionHelpFormatter
