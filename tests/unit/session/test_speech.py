"""Speech through a fake program on PATH: what it is called with; never blocking, never raising."""

from __future__ import annotations

import shutil
import signal
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from itb_tui.core.clock import FakeClock
from itb_tui.core.session.cue_text import CueTracker, TrackerCue, spoken
from itb_tui.core.session.engine import Cue, SessionEngine
from itb_tui.core.session.speech import Speaker, describe_voice_support, find_speech_program
from tests.factories import shipped_library

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="fake programs are shell scripts")

SLEEP = shutil.which("sleep") or "/bin/sleep"
MakeProgram = Callable[..., Path]


@pytest.fixture
def bin_dir(programs: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The folder programs are looked up in (conftest.py pins it, empty), on Linux."""
    monkeypatch.setattr(sys, "platform", "linux")
    return programs


@pytest.fixture
def log(tmp_path: Path) -> Path:
    return tmp_path / "said.log"


@pytest.fixture
def make_program(bin_dir: Path, log: Path) -> MakeProgram:
    """Writes a fake speech program that appends its text to ``log``, then maybe lingers."""

    def make(name: str = "espeak-ng", *, sleep: int = 0, status: int = 0) -> Path:
        lines = ["#!/bin/sh", f"printf '%s\\n' \"$*\" >> '{log}'"]
        if sleep:
            lines.append(f"exec '{SLEEP}' {sleep}")
        lines.append(f"exit {status}")
        path = bin_dir / name
        path.write_text("\n".join(lines) + "\n")
        path.chmod(0o755)
        return path

    return make


@pytest.fixture
def speakers() -> Iterator[list[Speaker]]:
    """Speakers made by a test; closed afterwards so no child process outlives it."""
    made: list[Speaker] = []
    yield made
    for speaker in made:
        speaker.close()
        assert speaker.process is None or speaker.process.poll() is not None


def new_speaker(speakers: list[Speaker], command: list[str] | None) -> Speaker:
    speaker = Speaker(command)
    speakers.append(speaker)
    return speaker


def lines(log: Path) -> list[str]:
    return log.read_text().splitlines() if log.exists() else []


def wait_for_line(log: Path, text: str) -> None:
    """Wait (not a timing assertion) until the fake program has written ``text``."""
    deadline = time.monotonic() + 10
    while text not in lines(log):
        assert time.monotonic() < deadline, f"the fake program never said {text!r}"
        time.sleep(0.01)


# -- finding a program --------------------------------------------------------------------
def test_finds_espeak_ng_first(make_program: MakeProgram, bin_dir: Path) -> None:
    make_program("espeak")
    make_program("espeak-ng")
    assert find_speech_program() == [str(bin_dir / "espeak-ng")]
    assert describe_voice_support() == "Voice: espeak-ng found"


def test_falls_back_to_espeak(make_program: MakeProgram, bin_dir: Path) -> None:
    make_program("espeak")
    assert find_speech_program() == [str(bin_dir / "espeak")]
    assert describe_voice_support() == "Voice: espeak found"


def test_say_is_used_on_macos_only(
    make_program: MakeProgram, bin_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    make_program("say")
    assert find_speech_program() is None
    make_program("espeak-ng")
    monkeypatch.setattr(sys, "platform", "darwin")
    assert find_speech_program() == [str(bin_dir / "say")]


def test_no_program_means_the_bell(bin_dir: Path) -> None:
    assert find_speech_program() is None
    assert describe_voice_support() == (
        "Voice: no speech program found (install espeak-ng); using the bell"
    )


# -- speaking -----------------------------------------------------------------------------
def test_the_program_is_called_with_each_phrase(
    make_program: MakeProgram, log: Path, speakers: list[Speaker]
) -> None:
    make_program()
    engine = SessionEngine(shipped_library().routine("hip-strength"), FakeClock())
    tracker = CueTracker()
    phrases: list[str] = []
    for press in (False, True, True):
        cues: list[Cue | TrackerCue] = [*(engine.done() if press else []), *tracker.update(engine)]
        for cue in cues:
            phrase = spoken(cue, engine)
            if phrase:
                phrases.append(phrase)
    speaker = new_speaker(speakers, find_speech_program())
    for phrase in phrases:
        speaker.say(phrase)
        assert speaker.process is not None
        speaker.process.wait(timeout=10)
    assert lines(log) == [
        "Clamshells",
        "Clamshells, left side, set 1 of 3, 15 to 20 reps",
        "switch sides, right leg",
    ]
    assert speaker.last_error is None


def test_say_returns_while_the_program_is_still_speaking(
    make_program: MakeProgram, speakers: list[Speaker]
) -> None:
    speaker = new_speaker(speakers, [str(make_program(sleep=5))])
    speaker.say("3")
    assert speaker.process is not None
    assert speaker.process.poll() is None  # say() came back; the program is still running


def test_newest_wins(make_program: MakeProgram, log: Path, speakers: list[Speaker]) -> None:
    speaker = new_speaker(speakers, [str(make_program(sleep=5))])
    speaker.say("Clamshells, left side, set 1 of 3, 15 to 20 reps")
    first = speaker.process
    assert first is not None
    wait_for_line(log, "Clamshells, left side, set 1 of 3, 15 to 20 reps")
    speaker.say("3")
    assert first.wait(timeout=10) == -signal.SIGKILL
    assert speaker.process is not None and speaker.process is not first
    assert speaker.process.poll() is None
    wait_for_line(log, "3")


def test_finished_and_killed_programs_are_reaped(
    make_program: MakeProgram, speakers: list[Speaker]
) -> None:
    speaker = new_speaker(speakers, [str(make_program())])
    speaker.say("one")
    first = speaker.process
    assert first is not None
    first.wait(timeout=10)
    speaker.say("two")
    assert speaker.process is not first
    speaker.close()
    assert speaker.process is None and speaker._dying == []


def test_a_missing_program_disables_the_speaker(tmp_path: Path, speakers: list[Speaker]) -> None:
    speaker = new_speaker(speakers, [str(tmp_path / "no-such-espeak")])
    speaker.say("3")
    assert not speaker.enabled and speaker.process is None
    assert speaker.last_error is not None and "no-such-espeak" in speaker.last_error
    speaker.say("2")  # still quiet, still no exception


def test_a_program_that_cannot_run_disables_the_speaker(
    tmp_path: Path, speakers: list[Speaker]
) -> None:
    program = tmp_path / "espeak-ng"
    program.write_text("not a program\n")
    program.chmod(0o644)
    speaker = new_speaker(speakers, [str(program)])
    speaker.say("3")
    assert not speaker.enabled and speaker.last_error


def test_a_failing_program_never_raises(
    make_program: MakeProgram, log: Path, speakers: list[Speaker]
) -> None:
    speaker = new_speaker(speakers, [str(make_program(status=1))])
    speaker.say("3")
    assert speaker.process is not None
    speaker.process.wait(timeout=10)
    speaker.say("2")
    assert speaker.last_error == "espeak-ng exited with status 1"
    assert speaker.enabled
    wait_for_line(log, "2")


def test_no_command_and_empty_text_say_nothing(
    make_program: MakeProgram, speakers: list[Speaker]
) -> None:
    quiet = new_speaker(speakers, None)
    quiet.say("3")
    assert not quiet.enabled and quiet.process is None and quiet.last_error is None
    speaker = new_speaker(speakers, [str(make_program())])
    speaker.say("   ")
    assert speaker.process is None


def test_text_never_passes_for_an_option(
    make_program: MakeProgram, log: Path, speakers: list[Speaker]
) -> None:
    speaker = new_speaker(speakers, [str(make_program())])
    speaker.say("--help")
    wait_for_line(log, "help")
