"""A monkey for the whole app: random keys, pastes and time through Pilot, with checks after.

An example is a starting point (a :class:`Start`) and a list of actions. :func:`run_monkey`
drives the app through them on a FakeClock and raises :class:`MonkeyFault`, naming the actions,
when the app raised an unhandled exception or exited with an error, a data file no longer
parses, a damaged or newer file was overwritten, or a finished set was lost: forgotten by the
engine without ``b``, or in neither the progress file nor the history at the end.

Keys reach the app as a terminal sends them; the app then runs until it has nothing left to
do (every message handled, every worker finished or waiting for an answer), so no real time
passes and an example always runs the same way.
"""

from __future__ import annotations

import asyncio
import contextlib
import tempfile
import tomllib
import unicodedata
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path
from typing import Any
from unittest import mock

from hypothesis import strategies as st
from textual import events
from textual.keys import _character_to_key, _get_unicode_name_from_key
from textual.message import Message
from textual.pilot import Pilot
from textual.worker import WorkerCancelled, WorkerFailed

from itb_tui.core.clock import FakeClock
from itb_tui.core.dates import month_key
from itb_tui.core.history.history_store import HistoryStore
from itb_tui.core.session.engine import Phase, SessionEngine
from itb_tui.core.store.instance import InstanceLock
from itb_tui.core.store.paths import Paths
from itb_tui.tui.app import ItbApp
from itb_tui.tui.asking import QUESTIONS
from itb_tui.tui.messages import HistoryEdited, SessionEnded
from itb_tui.tui.screens.choice import ChoiceScreen
from itb_tui.tui.screens.session import SessionScreen
from tests.factories import shipped_library

from .helpers import make_app
from .history_data import TODAY, at, seed_weeks

SIZE = (80, 24)
STEP_SECONDS = 0.25  # the clock moves this much after every action: a quick typist
SETTLE_ROUNDS = 200
LIBRARY = shipped_library()
ROUTINES = tuple(sorted(LIBRARY.routines))
DISCARD_QUESTION = "Discard the unfinished session?"
RESUME_QUESTION = "An unfinished session was found"

# -- actions -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Press:
    """Keys pressed one after the other: ``together`` sends them at once, as a key repeat
    does (the app sees the second before it has handled the first); otherwise the app
    handles each key before the next, as when typing."""

    keys: tuple[str, ...]
    together: bool = False

    def __str__(self) -> str:
        return ("press together " if self.together else "press ") + " ".join(self.keys)


@dataclass(frozen=True)
class Paste:
    """A bracketed paste, as a terminal sends it."""

    text: str

    def __str__(self) -> str:
        shown = self.text if len(self.text) <= 40 else f"{self.text[:20]}...({len(self.text)})"
        return f"paste {shown!r}"


@dataclass(frozen=True)
class Wait:
    """Let the clock run: countdowns tick once per second."""

    seconds: int

    def __str__(self) -> str:
        return f"wait {self.seconds}s"


Action = Press | Paste | Wait


def describe(actions: list[Action]) -> str:
    """The actions one per line, numbered, for a failure message."""
    return "\n".join(f"  {number:2}. {action}" for number, action in enumerate(actions, 1))


KEYS = (
    *("enter", "escape", "q", "question_mark", "space", "tab", "shift+tab", "ctrl+s"),
    *("up", "down", "left", "right", "pageup", "pagedown", "home", "end"),
    *("backspace", "delete", "plus", "minus", "ctrl+q"),
    *"0123456789",
    *"abcdefhiklmnprsuxyD",
)
PASTES = (
    "[x]",
    "[/b]",
    "[/i] stairs",
    "[bold red]loud",
    "Evening [band]",
    "knee 🦵 ok 💥",
    "first line\nsecond line",
    "\x1b[31mred\x07",
    "x" * 3000,
    "[b]" * 400,
)
TYPED = ("[x]", "[/b]", "stairs ok", "2026-13-45", "today", "🦵")
PALETTE_WORDS = (
    *(f"Start: {LIBRARY.routines[r].name}" for r in ROUTINES),
    *("hip", "stretch", "Log pain", "Help", "Settings", "History"),
    *("Return to running", "Red flags", "Quit", "Keys"),
)

single = st.sampled_from(KEYS).map(lambda key: Press((key,)))
double = st.sampled_from(KEYS).map(lambda key: Press((key, key), together=True))
burst = st.tuples(st.sampled_from(("enter", "n", "s", "space", "b")), st.integers(3, 12)).map(
    lambda pair: Press((pair[0],) * pair[1])
)
palette = st.tuples(st.sampled_from(PALETTE_WORDS), st.booleans()).map(
    lambda pair: Press(("ctrl+p", *pair[0], *(("enter",) if pair[1] else ())))
)
typing = st.sampled_from(TYPED).map(lambda text: Press(tuple(text)))
pastes = st.one_of(st.sampled_from(PASTES), st.text(max_size=30)).map(Paste)
waits = st.sampled_from((1, 5, 16, 31, 61)).map(Wait)
ACTION = st.one_of(single, single, single, double, burst, palette, typing, pastes, waits)


def action_lists(max_size: int) -> st.SearchStrategy[list[Action]]:
    return st.lists(ACTION, min_size=1, max_size=max_size)


# -- starting points -----------------------------------------------------------------------

# Files that a user may find damaged or written by a newer itb-tui: (folder, name, bytes).
DAMAGED = {
    "progress": ("data", "in-progress.toml", b'schema_version = 1\n[record\nid = "2026'),
    "newer-progress": ("data", "in-progress.toml", b"schema_version = 99\nfuture = 1\n"),
    "month": ("data", f"history/{month_key(at(TODAY, 8))}.toml", b"[[sessions]\nid = 3\n"),
    "newer-month": (
        "data",
        f"history/{month_key(at(TODAY, 8))}.toml",
        b"schema_version = 99\nfuture = 1\n",
    ),
    "newer-settings": (
        "config",
        "settings.toml",
        b'schema_version = 99\nonboarded = true\nprogram_start = 2026-11-23\nfuture = "x"\n',
    ),
}


@dataclass(frozen=True)
class Start:
    """Where an example starts and what is on disk before the app opens.

    ``kind``: "home" (plain ``itb``), "first-launch" (the questions), "session" (``itb start``)
    or "second-copy" (another copy holds the lock). ``leftover``: the routine of a session
    interrupted last night; ``damaged``: a key of DAMAGED.
    """

    kind: str
    history: bool = False
    routine: str | None = None
    leftover: str | None = None
    damaged: str | None = None

    def __str__(self) -> str:
        return " ".join(
            part
            for part in (
                self.kind,
                self.routine or "",
                "with history" if self.history else "",
                f"with an interrupted {self.leftover}" if self.leftover else "",
                f"with a {self.damaged} file" if self.damaged else "",
            )
            if part
        )


KINDS = ("home", "first-launch", "session", "second-copy")


def starts(kind: str) -> st.SearchStrategy[Start]:
    routine = st.sampled_from(ROUTINES) if kind == "session" else st.none()
    maybe_routine = st.none() | st.sampled_from(ROUTINES)
    maybe_damaged = st.none() | st.sampled_from(sorted(DAMAGED))
    start = st.builds(Start, st.just(kind), st.booleans(), routine, maybe_routine, maybe_damaged)
    return start.filter(lambda s: not (s.leftover and s.damaged and "progress" in s.damaged))


# -- what the engines did ------------------------------------------------------------------

SetCounts = Counter[tuple[str, str]]


def set_counts(record: dict[str, Any]) -> SetCounts:
    """The finished sets of a session record (as written to disk) by exercise and side."""
    counts: SetCounts = Counter()
    for exercise in record.get("exercises", []):
        for side, values in exercise.get("done", {}).items():
            counts[exercise["exercise"], side] += len(values)
    return counts


def engine_sets(engine: SessionEngine) -> SetCounts:
    return set_counts(engine.record().to_dict())


def covers(saved: SetCounts, wanted: SetCounts) -> bool:
    return all(saved[key] >= count for key, count in wanted.items())


@dataclass(frozen=True)
class Problem:
    """One thing found wrong: ``kind`` (crash, exit, forgot, lost, unparsable, overwritten,
    temporary, gone), what it is, and the screen the last action was done on."""

    kind: str
    text: str
    screen: str = ""
    action: Action | None = None
    error: BaseException | None = None
    subject: str = ""  # the session concerned, for a lost one


@dataclass
class Tracked:
    """A session seen during the example: its id, its finished sets, how it ended."""

    session_id: str
    sets: SetCounts
    ended: str | None = None  # "kept", "discarded", or "resumed" (an engine took it over)


@dataclass
class Watcher:
    """Watches the engines, the dialogs' answers and the history edits of one example."""

    engines: dict[int, tuple[SessionEngine, Tracked]] = field(default_factory=dict)
    leftover: Tracked | None = None  # the interrupted session on disk before the start
    answers: list[tuple[str, object]] = field(default_factory=list)
    deleted: bool = False  # something was deleted from the history (on purpose)
    problems: list[Problem] = field(default_factory=list)
    actions_done: int = 0
    most_sessions: int = 0  # the most session screens open at once

    def hook(self, message: Message) -> None:
        if isinstance(message, SessionEnded):
            self.track(message.engine).ended = "kept" if message.keep else "discarded"
        elif isinstance(message, HistoryEdited) and message.deleted:
            self.deleted = True

    def track(self, engine: SessionEngine) -> Tracked:
        if id(engine) not in self.engines:
            tracked = Tracked(engine.session_id, engine_sets(engine))
            self.engines[id(engine)] = (engine, tracked)
            if self.leftover is not None and self.leftover.session_id == tracked.session_id:
                self.leftover.ended = "resumed"
        return self.engines[id(engine)][1]

    def observe(self, app: ItbApp, action: Action, screen: str, going_back: set[int]) -> None:
        """After an action: no engine forgot a finished set unless ``b`` went back in it."""
        sessions = [s for s in app.screen_stack if isinstance(s, SessionScreen)]
        self.most_sessions = max(self.most_sessions, len(sessions))
        for shown in sessions:
            self.track(shown.engine)
        for key, (engine, tracked) in self.engines.items():
            now = engine_sets(engine)
            if not covers(now, tracked.sets) and key not in going_back:
                text = (
                    f"session {tracked.session_id} forgot finished sets: "
                    f"{dict(tracked.sets)} -> {dict(now)}"
                )
                self.problems.append(Problem("forgot", text, screen, action))
            tracked.sets = now

    def discarded_leftover(self) -> bool:
        return (DISCARD_QUESTION, "discard") in self.answers

    @contextmanager
    def recording_answers(self) -> Iterator[None]:
        """Note every answer given in a choice dialog (to tell a discard from a loss)."""
        dismiss = ChoiceScreen.dismiss
        answers = self.answers

        def recording(screen: ChoiceScreen, result: Any = None) -> Any:
            answers.append((screen.title_text, result))
            return dismiss(screen, result)

        with mock.patch.object(ChoiceScreen, "dismiss", recording):
            yield


# -- the disk ------------------------------------------------------------------------------


def files_under(roots: list[Path]) -> list[Path]:
    return sorted(p for root in roots if root.exists() for p in root.rglob("*") if p.is_file())


def parse_all(roots: list[Path], damaged: set[bytes]) -> tuple[list[Problem], dict[str, Any]]:
    """Problems with the TOML files under ``roots``, and every file's data by path.

    A file holding exactly the ``damaged`` bytes laid out at the start is left unparsed.
    """
    problems, data = [], {}
    for path in files_under(roots):
        if path.name.endswith(".tmp"):
            problems.append(Problem("temporary", f"a temporary file was left behind: {path}"))
        if ".toml" not in path.name or path.name.endswith(".tmp"):
            continue
        raw = path.read_bytes()
        if raw in damaged:
            continue
        try:
            data[str(path)] = tomllib.loads(raw.decode("utf-8"))
        except (tomllib.TOMLDecodeError, UnicodeDecodeError) as err:
            problems.append(Problem("unparsable", f"{path} does not parse: {err}"))
    return problems, data


def kept_damaged(roots: list[Path], damaged: set[bytes]) -> list[Problem]:
    """Every damaged or newer file laid out at the start is still somewhere, byte for byte."""
    present = {path.read_bytes() for path in files_under(roots)}
    return [
        Problem("overwritten", f"a damaged or newer file was overwritten or removed: {raw!r}")
        for raw in damaged
        if raw not in present
    ]


def progress_sets(data_dir: Path) -> tuple[str | None, SetCounts]:
    """The session id and finished sets in ``in-progress.toml`` (None when there is none)."""
    path = data_dir / "in-progress.toml"
    try:
        record = tomllib.loads(path.read_text(encoding="utf-8")).get("record", {})
    except (FileNotFoundError, tomllib.TOMLDecodeError, UnicodeDecodeError, AttributeError):
        return None, Counter()
    return record.get("id"), set_counts(record)


def history_sets(files: dict[str, Any]) -> dict[str, SetCounts]:
    """Finished sets by session id, over every month file."""
    sessions: dict[str, SetCounts] = {}
    for path, data in files.items():
        if "/history/" in path and path.endswith(".toml"):
            for session in data.get("sessions", []):
                sessions[session.get("id", "")] = set_counts(session)
    return sessions


def lost_sets(watcher: Watcher, data_dir: Path, history: dict[str, SetCounts]) -> list[Problem]:
    """Sessions whose finished sets are neither in the progress file nor in the history."""
    progress_id, progress = progress_sets(data_dir)
    problems = []
    tracked = [t for _, t in watcher.engines.values()]
    if watcher.leftover is not None and not watcher.discarded_leftover():
        tracked.append(watcher.leftover)
    for session in tracked:
        if not session.sets or session.ended in ("discarded", "resumed"):
            continue
        in_history = covers(history.get(session.session_id, Counter()), session.sets)
        in_progress = progress_id == session.session_id and covers(progress, session.sets)
        if not (in_history or in_progress or (watcher.deleted and session.ended == "kept")):
            text = (
                f"the finished sets of session {session.session_id} ({session.ended or 'open'}, "
                f"{dict(session.sets)}) are in neither the progress file nor the history"
            )
            problems.append(Problem("lost", text, subject=session.session_id))
    return problems


# -- laying out the start ------------------------------------------------------------------


def prepare(root: Path, start: Start) -> tuple[ItbApp, FakeClock, Watcher, set[bytes]]:
    """The app for ``start`` over the empty folder ``root``, with its data laid out; the
    damaged bytes laid out."""
    paths = Paths(root / "data", root / "config")
    if start.history:
        seed_weeks(HistoryStore(paths), LIBRARY)
    damaged = set()
    if start.damaged:  # a damaged month replaces one of the history's
        folder, name, raw = DAMAGED[start.damaged]
        target = (paths.data if folder == "data" else paths.config) / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(raw)
        damaged.add(raw)
    app, clock = make_app(
        root,
        start=start.routine if start.kind == "session" else None,
        onboarded=start.kind != "first-launch",
    )
    watcher = Watcher()
    if start.leftover:
        watcher.leftover = leave_interrupted(app.context.store, start.leftover)
    return app, clock, watcher, damaged


def leave_interrupted(store: HistoryStore, routine_id: str) -> Tracked:
    """An interrupted session of ``routine_id`` from last night, with its first sets done."""
    clock = FakeClock(at(TODAY - timedelta(days=1), 20))
    engine = SessionEngine(LIBRARY.routines[routine_id], clock)
    while sum(engine_sets(engine).values()) < 2 and engine.phase is not Phase.PAIN:
        engine.done()
    store.progress.save(engine)
    return Tracked(engine.session_id, engine_sets(engine))


@contextmanager
def other_copy(start: Start, paths: Paths) -> Iterator[None]:
    """For "second-copy": another copy of the app holds the lock meanwhile."""
    lock = InstanceLock(paths.app_lock)
    if start.kind == "second-copy":
        lock.acquire()
    try:
        yield
    finally:
        lock.release()


# -- driving the app -----------------------------------------------------------------------


async def perform(pilot: Pilot[None], clock: FakeClock, action: Action) -> None:
    """Do one action, then let the clock move on a little and the app settle."""
    app = pilot.app
    if isinstance(action, Press):
        for key in action.keys:
            send(app, key_event(key))
            if not action.together:
                await settle(pilot)
    elif isinstance(action, Paste):
        send(app, events.Paste(action.text))
    seconds = action.seconds if isinstance(action, Wait) else 0
    for _ in range(seconds):
        await settle(pilot)
        clock.advance(1)
        tick_sessions(app)
    await settle(pilot)
    clock.advance(STEP_SECONDS)
    tick_sessions(app)
    await settle(pilot)


def key_event(key: str) -> events.Key:
    """The event a terminal sends for ``key`` (a key name or one character), as Pilot makes it."""
    if len(key) == 1 and not key.isalnum():
        key = _character_to_key(key)
    try:
        char: str | None = unicodedata.lookup(_get_unicode_name_from_key(key))
    except KeyError:
        char = key if len(key) == 1 else None
    return events.Key(key, char)


def send(app: ItbApp, event: events.Event) -> None:
    if not closed(app):
        assert app._driver is not None
        event.set_sender(app)
        app._driver.send_message(event)


def tick_sessions(app: ItbApp) -> None:
    """What the sessions' timers do: every open session checks the clock, on its own pump."""
    for screen in app.screen_stack:
        if isinstance(screen, SessionScreen):
            screen.call_later(screen.tick)


def busy(app: ItbApp) -> bool:
    """True while a message waits or is being handled, or an after-refresh callback waits."""
    pumps = [app, *app._registry]
    waiting = any(p._message_queue.qsize() or p._pending_message is not None for p in pumps)
    return waiting or any(screen._callbacks for screen in app.screen_stack)


def refresh_screens(app: ItbApp) -> None:
    """What each screen's refresh timer does, without waiting for it: redraw and run the
    callbacks waiting for a refresh (``call_after_refresh``)."""
    for screen in app.screen_stack:
        if screen._callbacks or screen is app.screen:
            screen._on_timer_update()


async def settle(pilot: Pilot[None]) -> None:
    """Run the app until every message is handled, every callback waiting for a refresh has
    run and every worker (the palette's search, an export) is done, but those that wait for
    the answer to a question."""
    app = pilot.app
    for _ in range(SETTLE_ROUNDS):
        if closed(app):
            return
        await pilot._wait_for_screen()
        working = [w for w in app.workers if w.name != QUESTIONS]  # a question waits for keys
        with contextlib.suppress(WorkerCancelled, WorkerFailed):  # a failure ends the app
            if working:  # (none given, it would wait for every worker)
                await app.workers.wait_for_complete(working)
        refresh_screens(app)
        await asyncio.sleep(0)
        if not busy(app):
            return
    raise RuntimeError(f"the app is still busy after {SETTLE_ROUNDS} rounds")


def closed(app: ItbApp) -> bool:
    return app._exit or app._exception is not None or not app.is_running


def sessions_going_back(app: ItbApp, action: Action) -> set[int]:
    """The engines that ``action`` may take back a set in: ``b`` on their own screen."""
    screen = app.screen
    if isinstance(action, Press) and "b" in action.keys and isinstance(screen, SessionScreen):
        return {id(screen.engine)}
    return set()


async def drive(app: ItbApp, clock: FakeClock, watcher: Watcher, actions: list[Action]) -> None:
    """Run the actions until the app closes or a check fails."""
    async with app.run_test(size=SIZE, message_hook=watcher.hook) as pilot:
        await settle(pilot)
        for action in actions:
            if closed(app) or watcher.problems:
                break
            screen = type(app.screen).__name__
            going_back = sessions_going_back(app, action)
            watcher.actions_done += 1
            try:
                await perform(pilot, clock, action)
            except Exception as err:  # raised outside the app's handlers (a tick)
                watcher.problems.append(Problem("crash", repr(err), screen, action, err))
                break
            if app._exception is not None:
                error = app._exception
                watcher.problems.append(Problem("crash", repr(error), screen, action, error))
            elif not closed(app):
                watcher.observe(app, action, screen, going_back)


# -- one example ---------------------------------------------------------------------------


class MonkeyFault(AssertionError):
    """What went wrong, with the start and the actions that led there."""

    def __init__(
        self, start: Start, actions: list[Action], problems: list[Problem], watcher: Watcher
    ) -> None:
        self.start = start
        self.actions = actions
        self.problems = problems
        self.watcher = watcher
        lines = [
            f"{p.kind}: {p.text}" + (f" (on {p.screen})" if p.screen else "") for p in problems
        ]
        super().__init__(
            "\n".join(lines) + f"\nstarting from: {start}\nafter these actions:\n"
            f"{describe(actions)}"
        )


def run_monkey(start: Start, actions: list[Action]) -> None:
    """Run one example in fresh folders; raise MonkeyFault saying what broke and how."""
    with tempfile.TemporaryDirectory(prefix="itb-monkey-") as folder:
        app, clock, watcher, damaged = prepare(Path(folder), start)
        paths = app.context.paths
        roots = [paths.data, paths.config]
        seeded = history_sets(parse_all([paths.data], damaged)[1])
        try:
            with other_copy(start, paths), watcher.recording_answers():
                asyncio.run(drive(app, clock, watcher, actions))
        except Exception as err:  # run_test raises the app's exception again as it closes
            if not any(p.kind == "crash" for p in watcher.problems):
                watcher.problems.append(Problem("crash", repr(err), error=err))
        problems = list(watcher.problems)
        if app.return_code not in (None, 0) and not problems:
            problems.append(Problem("exit", f"the app exited with code {app.return_code}"))
        parse_problems, files = parse_all(roots, damaged)
        history = history_sets(files)
        problems += parse_problems + kept_damaged(roots, damaged)
        problems += lost_sets(watcher, paths.data, history)
        if not watcher.deleted:
            problems += [
                Problem("gone", f"history session {s} is gone") for s in seeded if s not in history
            ]
        if problems:
            raise MonkeyFault(start, actions[: watcher.actions_done], problems, watcher)
