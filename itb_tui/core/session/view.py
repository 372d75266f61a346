"""What the session screen says: its header, banner, set line, guide, countdown and notes.

Plain data only: a line is a tuple of ``(text, style)`` parts, where the style is "" (plain)
or one of the few the screen knows ("b", "dim", "yellow", "green"). The screen shows every
text literally (names and steps come from content files) and applies the styles.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from itb_tui.core.content.figure import Figure
from itb_tui.core.content.library import Exercise, format_seconds
from itb_tui.core.history.records import BOTH, score_text
from itb_tui.core.session.actions import SessionAction
from itb_tui.core.session.engine import SessionEngine
from itb_tui.core.session.steps import Phase, Step

Part = tuple[str, str]  # (text, style)
Line = tuple[Part, ...]

EASE_OFF = "Ease off: smaller range, less load."


def plain(text: str) -> Line:
    return ((text, ""),)


@dataclass(frozen=True)
class Countdown:
    """The whole seconds shown and the full length of the countdown."""

    seconds: int
    total: float


@dataclass(frozen=True)
class SessionView:
    """Everything the session screen shows, for one state of the engine."""

    header: Line
    exercise: str
    banner_side: str  # "left", "right", "both" or "rest": the banner's colour
    banner: str
    countdown: Countdown | None  # None: this step does not count down
    set_info: tuple[Line, ...]
    guide: tuple[Line, ...]
    next: str


def side_label(side: str) -> str:
    return "BOTH LEGS" if side == BOTH else f"{side.upper()} LEG"


def is_run(engine: SessionEngine) -> bool:
    """A run: one timer, no legs or sets to speak of."""
    return engine.routine.category == "running"


def header(engine: SessionEngine) -> Line:
    """'Hip strength - exercise 2 of 5 - sets done 3 of 12' (the name in bold)."""
    done, total = engine.progress()
    items = len(engine.routine.items)
    position = f"exercise {engine.step.item + 1} of {items}" if engine.exercise else "finishing"
    return ((engine.routine.name, "b"), (f" - {position} - sets done {done} of {total}", ""))


def banner(engine: SessionEngine) -> str:
    """'LEFT LEG', 'GET READY - RUN', 'SWITCH SIDES - now the RIGHT LEG', 'PAUSED - REST'..."""
    step = engine.step
    work = "RUN" if is_run(engine) else side_label(step.side)
    texts = {
        Phase.INTRO: "GET SET UP - press Enter to start",
        Phase.READY: f"GET READY - {work}",
        Phase.WORK: work,
        Phase.SWITCH: f"SWITCH SIDES - now the {side_label(step.side)}",
        Phase.REST: "REST",
        Phase.PAIN: "HOW IS YOUR KNEE?",
        Phase.DONE: "SESSION DONE",
    }
    return ("PAUSED - " if engine.paused else "") + texts[step.phase]


def banner_side(engine: SessionEngine) -> str:
    return "rest" if engine.phase is Phase.REST else engine.step.side


def countdown(engine: SessionEngine) -> Countdown | None:
    if not engine.counting_down:
        return None
    return Countdown(engine.shown_seconds(), engine.total_seconds())


def reps_line(engine: SessionEngine, exercise: Exercise, pacer_status: str) -> tuple[Line, ...]:
    """A set of reps: its target and tempo, then the pacer's count or the reps done."""
    step = engine.step
    tempo = f" - tempo: {exercise.tempo.describe()}" if exercise.tempo else ""
    target: Line = (
        (f"Set {step.set_no} of {exercise.sets} - target ", ""),
        (exercise.target_text(), "b"),
        (tempo, ""),
    )
    if pacer_status:
        return target, ((pacer_status, "b"), ("  (Enter ends the set with the reps done)", ""))
    done = (f"{engine.reps}", "b")
    return target, (("Done: ", ""), done, ("  (+/- to change, Enter when the set is done)", ""))


def set_info(
    engine: SessionEngine, pacer_status: str = "", rating_closed: bool = False
) -> tuple[Line, ...]:
    """The line under the countdown: the dose, the set in hand, what Enter does now.

    ``pacer_status``: the pacer's count on a paced set; ``rating_closed``: the pain rating at
    the end was closed with Escape."""
    step, exercise = engine.step, engine.exercise
    if step.phase is Phase.PAIN and rating_closed:
        return (plain("Every set is recorded. Enter to rate your pain; q to stop here."),)
    if exercise is None:
        return (plain(""),)
    set_part = f"Set {step.set_no} of {exercise.sets}"
    if step.phase is Phase.INTRO:
        rest = f" - rest {exercise.rest_s} s between sets" if exercise.sets > 1 else ""
        return (((exercise.dose_text(), "b"), (rest, "")),)
    if is_run(engine):
        return (plain(f"{exercise.name} - {format_seconds(exercise.duration_s or 0)}"),)
    if exercise.timed:
        return (plain(f"{set_part} - hold {format_seconds(exercise.duration_s or 0)}"),)
    if step.phase is Phase.WORK:
        return reps_line(engine, exercise, pacer_status)
    if step.phase is Phase.REST:
        rest_after = f"Rest after set {step.set_no} of {exercise.sets}"
        return (plain(f"{rest_after} - Enter to start the next set"),)
    return (plain(f"{set_part} - target {exercise.target_text()}"),)


def intro_lines(exercise: Exercise) -> tuple[Line, ...]:
    """An exercise's intro: cautions first (never below the fold), then what it is for, what
    you need, the steps, the common errors and how often."""
    parts: list[Line] = [((f"! {text}", "yellow"),) for text in exercise.cautions]
    parts.append(((exercise.targets, "dim"),))
    if exercise.equipment:
        parts.append((("You need:", "b"), (f" {', '.join(exercise.equipment)}", "")))
    parts += [plain(f"{n}. {text}") for n, text in enumerate(exercise.steps, 1)]
    if exercise.errors:
        parts.append((("Common errors:", "b"),))
        parts += [plain(f"x {text}") for text in exercise.errors]
    if exercise.frequency:
        parts.append((("How often:", "b"), (f" {exercise.frequency}", "")))
    return tuple(parts)


def guide(engine: SessionEngine, progressions: Mapping[str, int]) -> tuple[Line, ...]:
    """The intro on an exercise's intro, else its cues; first the progression the user took
    (``progressions``: the settings' level of each exercise)."""
    exercise = engine.exercise
    if exercise is None:
        return (plain(""),)
    level = min(progressions.get(exercise.id, 0), len(exercise.progressions))
    taken: list[Line] = (
        [((f"+ Your progression: {exercise.progressions[level - 1]}", "green"),)] if level else []
    )
    if engine.phase is Phase.INTRO:
        return (*taken, *intro_lines(exercise))
    return (*taken, *(plain(f"- {cue}") for cue in exercise.cues))


def upcoming(engine: SessionEngine) -> Step | None:
    """The next step the user will notice (not a lead-in)."""
    start = engine.index + 1
    if engine.phase in (Phase.READY, Phase.SWITCH):
        start += 1  # the work it leads into is what is on screen now
    for step in engine.steps[start:]:
        if step.phase not in (Phase.READY, Phase.SWITCH):
            return step
    return None


def next_text(engine: SessionEngine) -> str:
    """'Next: right leg, set 2 of 3' or 'Next: Glute bridge'."""
    step = upcoming(engine)
    if step is None:
        return ""
    if step.phase is Phase.PAIN:
        return "Next: rate your pain, then the summary"
    if step.phase is Phase.DONE:
        return "Next: the summary"
    exercise = engine.routine.items[step.item]
    if step.phase is Phase.INTRO:
        return f"Next: {exercise.name}"
    if step.phase is Phase.REST:
        return f"Next: rest {step.seconds} s"
    side = f"{step.side} leg, " if step.side != BOTH else ""
    return f"Next: {side}set {step.set_no} of {exercise.sets}"


def session_view(
    engine: SessionEngine,
    *,
    pacer_status: str = "",
    rating_closed: bool = False,
    progressions: Mapping[str, int] | None = None,
) -> SessionView:
    """The whole screen for the engine's state (see ``set_info`` and ``guide``)."""
    exercise = engine.exercise
    return SessionView(
        header=header(engine),
        exercise=exercise.name if exercise else "",
        banner_side=banner_side(engine),
        banner=banner(engine),
        countdown=countdown(engine),
        set_info=set_info(engine, pacer_status, rating_closed),
        guide=guide(engine, progressions or {}),
        next=next_text(engine),
    )


def offered(
    engine: SessionEngine,
    action: SessionAction,
    pacing: bool,
    rating_closed: bool,
    per_knee: bool = False,
) -> bool:
    """Whether the key of ``action`` does something now (a key that does not is hidden).

    ``pacing``: the rep pacer runs the set in hand; ``rating_closed``: the pain rating at the
    end was closed with Escape, so Enter opens it again; ``per_knee``: both knees hurt, so a
    pain spike can be scored per knee."""
    phase = engine.phase
    if phase is Phase.PAIN and action is SessionAction.DONE:
        return rating_closed
    if phase in (Phase.PAIN, Phase.DONE):
        return action is SessionAction.QUIT_SESSION
    if action is SessionAction.PAUSE:
        return engine.counting_down or pacing  # hidden: nothing to pause
    if action is SessionAction.ADJUST:
        return phase in (Phase.WORK, Phase.REST, Phase.READY)
    if action is SessionAction.BACK:
        return engine.index > 0
    if action is SessionAction.SCORE_SPIKE:
        return per_knee and bool(engine.pain_spikes)
    return True


def enter_word(engine: SessionEngine, word: str) -> str:
    """The footer's word for Enter: 'Start' on an exercise's intro, else ``word``."""
    return "Start" if engine.phase is Phase.INTRO else word


def pain_noted(engine: SessionEngine, side: str, *, per_knee: bool = False) -> str:
    """The one notice of a pain spike, once its score is asked: where, in which exercise, its
    score (or none), whether it paused, the key to score each knee again (when both knees
    hurt), and the exercise's first caution.

    'Pain noted (right knee) in Clamshells: 4/10. Paused. Stop the set if it pinches.'"""
    exercise = engine.exercise
    caution = exercise.cautions[0] if exercise is not None and exercise.cautions else EASE_OFF
    spike = engine.pain_spikes[-1]
    score = ", no score" if spike.score is None else f": {score_text(spike.score, spike.knees)}"
    paused = " Paused." if engine.paused else ""
    knees = " k: score each knee." if per_knee else ""
    return f"Pain noted ({side}) in {spike_exercise(engine)}{score}.{paused}{knees} {caution}"


def spike_exercise(engine: SessionEngine) -> str:
    """The name of the exercise the last pain spike was noted in."""
    spike = engine.pain_spikes[-1]
    return next((e.name for e in engine.routine.items if e.id == spike.exercise), spike.exercise)


def spike_scored(engine: SessionEngine) -> str:
    """What the last pain spike, scored again, says: 'Pain during Clamshells: L 2 / R 3.'"""
    spike = engine.pain_spikes[-1]
    return f"Pain during {spike_exercise(engine)}: {score_text(spike.score or 0, spike.knees)}."


def figure(engine: SessionEngine) -> Figure | None:
    """The figure of the exercise in hand, if it has one."""
    exercise = engine.exercise
    return exercise.figure if exercise is not None else None
