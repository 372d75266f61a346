"""Every key, once: the bindings, footer labels, palette entries, help and README table."""

from __future__ import annotations

from collections.abc import Mapping

from textual.binding import Binding, BindingType

from itb_tui.core.records import record
from itb_tui.core.session.actions import SessionAction


@record
class Key:
    """One key on one screen.

    keys/action/label/id/show/tooltip/priority make the Binding (label is the footer's word);
    shown and does make the help and README row (no row when does is empty); palette, when
    set, is the command palette's title for it.
    """

    keys: str
    action: str
    label: str
    shown: str = ""
    does: str = ""
    id: str | None = None
    show: bool = True
    tooltip: str = ""
    palette: str = ""
    priority: bool = False

    def binding(self) -> Binding:
        return Binding(
            self.keys,
            str(self.action),
            self.label,
            show=self.show,
            id=self.id,
            tooltip=self.tooltip,
            priority=self.priority,
        )


@record
class Row:
    """A key handled inside a widget (no screen binding), described in help and README."""

    shown: str
    does: str


# Answers given with one key each: the pain log's context, a morning check-in's "compared
# with yesterday" (the edit dialog's too), and a yes or no (is the knee swollen? cleared?).
CONTEXT_KEYS = {
    "r": "rest",
    "d": "daily",
    "u": "during-run",
    "a": "after-run",
    "e": "exercise",
    "m": "morning",
}
COMPARED_KEYS = {"b": "better", "s": "same", "w": "worse"}
KNEE_KEY = "k"  # on a pain scale when both knees hurt: the left knee, then the other
YES_NO_KEYS = {"y": True, "n": False}


def answer_keys(action: str, answers: Mapping[str, object]) -> tuple[Key, ...]:
    """One hidden key per answer, each calling ``action`` with its answer: compared('better')."""
    return tuple(Key(k, f"{action}({v!r})", "", show=False) for k, v in answers.items())


RED_FLAGS_TIP = "When to see a professional"
BACK_TO_HISTORY = Key("escape", "app.pop_screen", "Back", id="back", tooltip="Back to the history")

KEYS: dict[str, tuple[Key | Row, ...]] = {
    "everywhere": (
        Key(
            "question_mark",
            "help",
            "Help",
            "`?`",
            "help: keys, data folders, the notice",
            id="help",
            tooltip="Keys and where data lives",
            palette="Help",
        ),
        Key("q", "quit", "Quit", id="quit"),
        Row("`ctrl+p`", "command palette: start any routine, log pain"),
    ),
    "home": (
        Key(
            "enter",
            "start",
            "Start",
            "`up`/`down`, `enter`",
            "pick a routine, start it",
            id="start",
            tooltip="Start it",
            priority=True,
        ),
        Key(
            "m",
            "app.short_session",
            "Short",
            "`m`",
            "short of time: a strength session of 10-30 minutes, the key exercises first",
            id="short",
            show=False,
            tooltip="A strength session that fits the time you have",
            palette="Short strength session",
        ),
        Key(
            "l",
            "app.log_pain",
            "Pain",
            "`l`",
            "quick pain log: a digit, a context letter, `enter`",
            id="log-pain",
            tooltip="Quick pain log",
            palette="Log pain",
        ),
        Key(
            "c",
            "app.check_in",
            "Check-in",
            "`c`",
            "morning check-in: a digit, `b`/`s`/`w`, `y`/`n`, `enter` (`escape` skips it today)",
            id="check-in",
            show=False,
            tooltip="Pain this morning, compared with yesterday",
            palette="Morning check-in",
        ),
        Key(
            "o",
            "app.log_run",
            "Run outdoors",
            "`o`",
            "log a run done outdoors, or import it from a GPX, TCX or FIT file",
            id="log-run",
            show=False,
            tooltip="Log a run done outdoors",
            palette="Log a run done outdoors",
        ),
        Key(
            "h",
            "app.history",
            "History",
            "`h`",
            "history: sessions and pain logs",
            id="history",
            tooltip="Sessions, pain, export",
            palette="History",
        ),
        Key(
            "r",
            "app.readiness",
            "Running",
            "`r`",
            "return to running: readiness checklist, run stage, guided run",
            id="readiness",
            tooltip="Return to running",
            palette="Return to running",
        ),
        Key(
            "f",
            "app.red_flags",
            "Red flags",
            "`f`",
            "red-flag checklist",
            id="red-flags",
            tooltip=RED_FLAGS_TIP,
            palette="Red flags",
        ),
        Key(
            "s",
            "app.settings",
            "Settings",
            "`s`",
            "settings: cues, pacer, weaker side, painful knee, running",
            id="settings",
            tooltip="Cues, pacer, weaker side",
            palette="Settings",
        ),
    ),
    "history": (
        Key(
            "enter",
            "open",
            "Open",
            "`enter`",
            "details of the entry",
            id="open",
            tooltip="Show it in full",
            priority=True,
        ),
        Key("a", "filter('all')", "All", "`a`", "show all entries", id="all", show=False),
        Key(
            "s", "filter('sessions')", "Sessions", "`s`", "sessions only", id="sessions", show=False
        ),
        Key("p", "filter('pain')", "Pain", "`p`", "pain logs only", id="pain-only", show=False),
        Key("m", "filter('30d')", "30 days", "`m`", "the last 30 days", id="30-days", show=False),
        Key("c", "chart", "Chart", "`c`", "pain chart", id="chart", tooltip="Daily pain over time"),
        Key(
            "d",
            "calendar",
            "Calendar",
            "`d`",
            "calendar and left/right",
            id="calendar",
            tooltip="Adherence and sides",
        ),
        Key(
            "f",
            "function",
            "Function",
            "`f`",
            "function score: each activity you rated, first against now",
            id="function",
            show=False,
            tooltip="What your knee lets you do, 0-10",
        ),
        Key(
            "x",
            "export",
            "Export",
            "`x`",
            "export: CSV, JSON, Markdown or PDF",
            id="export",
            tooltip="CSV, JSON, Markdown or PDF",
        ),
        Key(
            "escape",
            "back",
            "Back",
            "`escape`",
            "back to the routines",
            id="back",
            tooltip="Back to the routines",
        ),
    ),
    "detail": (
        Key(
            "e",
            "edit",
            "Edit",
            "`e`",
            "edit the pain score (each knee's), a check-in's compared, swelling and the note",
            id="edit",
            tooltip="Change the pain score and note",
        ),
        Key(
            "delete,D",
            "delete",
            "Delete",
            "`delete`",
            "delete the entry (asks first)",
            id="delete",
            tooltip="Remove it (asks first)",
        ),
        Key("escape", "back", "Back", id="back", tooltip="Back to the history"),
    ),
    "pain chart": (
        Key(
            "plus,equals_sign",
            "zoom(1)",
            "Longer",
            "`+` / `-`",
            "more or fewer weeks",
            id="longer",
            tooltip="Show more weeks",
        ),
        Key("minus", "zoom(-1)", "Shorter", id="shorter", tooltip="Show fewer weeks"),
        BACK_TO_HISTORY,
    ),
    "calendar": (BACK_TO_HISTORY,),
    "function score": (BACK_TO_HISTORY,),
    "readiness": (
        Key(
            "r",
            "start_run",
            "Run",
            "`r`",
            "start a guided run (on a rest or held day it asks first, naming why)",
            id="start-run",
            tooltip="Start a guided run",
        ),
        Key(
            "t",
            "start_test",
            "Test",
            "`t`",
            "start the next readiness test as a guided session",
            id="start-test",
            tooltip="Start the next readiness test",
        ),
        Key(
            "f",
            "red_flags",
            "Red flags",
            "`f`",
            "red-flag checklist",
            id="red-flags",
            tooltip=RED_FLAGS_TIP,
        ),
        Key(
            "w",
            "run_week",
            "Set week",
            "`w`",
            "set the run week by hand, pause or resume running (with a note; asks once)",
            id="run-week",
            tooltip="Set the run week, pause or resume",
        ),
        Key(
            "o",
            "app.log_run",
            "Log run",
            "`o`",
            "log a run done outdoors, or import its file",
            id="log-run",
            tooltip="Log a run done outdoors",
        ),
        Key("escape", "app.pop_screen", "Back", id="back"),
    ),
    "session": (
        Key(
            "enter",
            SessionAction.DONE,
            "Done",
            "`enter`",
            "start, finish the hold or set now, skip a rest",
            id="done",
            tooltip="Start, finish the set, go on",
        ),
        Key(
            "space",
            SessionAction.PAUSE,
            "Pause",
            "`space`",
            "pause / resume a countdown or the pacer",
            id="pause",
            tooltip="Pause or resume the countdown",
        ),
        Key(
            "s",
            SessionAction.SKIP,
            "Skip",
            "`s`",
            "skip this set (on an exercise's intro: the whole exercise)",
            id="skip",
            tooltip="Skip this set, rest or lead-in",
        ),
        Key(
            "n",
            SessionAction.SKIP_EXERCISE,
            "Next exercise",
            "`n`",
            "skip the rest of this exercise",
            id="skip-exercise",
            show=False,
        ),
        Key(
            "b",
            SessionAction.BACK,
            "Back",
            "`b`",
            "back to the previous set (what was recorded from there is forgotten)",
            id="back",
            tooltip="Back to the previous set",
        ),
        Key(
            "plus,equals_sign",
            f"{SessionAction.ADJUST}(1)",
            "+/- time",
            "`+` / `-`",
            "10 s more or less on a countdown; one rep more or fewer on a set (0 to twice the"
            " target; a set of 0 reps counts as skipped)",
            id="more",
            tooltip="10 s or 1 rep more",
        ),
        Key(
            "minus",
            f"{SessionAction.ADJUST}(-1)",
            "Less",
            id="less",
            show=False,
            tooltip="10 s or 1 rep less",
        ),
        Key(
            "p",
            SessionAction.PAIN_SPIKE,
            "Pain",
            "`p`",
            "note pain now and how bad (one digit; each knee when both hurt): shows the"
            " exercise's caution and pauses a countdown",
            id="pain",
            tooltip="Note pain now (pauses a timer)",
        ),
        Key(
            "k",
            SessionAction.SCORE_SPIKE,
            "Each knee",
            "`k`",
            "when both knees hurt: each knee's pain at the pain just noted with `p`, again",
            id="spike-knees",
            show=False,
        ),
        Key(
            "q,escape",
            SessionAction.QUIT_SESSION,
            "Quit",
            "`q` / `escape`",
            "stop: keep what you did (incomplete session, then a pain rating you may skip),"
            " discard it (the pain noted is kept; finished sets ask once more), or go back",
            id="quit",
            tooltip="Stop the session",
        ),
    ),
    "summary": (
        Key(
            "enter,escape,q", "app.pop_screen", "Home", "`enter` / `escape`", "back home", id="home"
        ),
        Key(
            "i",
            "ice",
            "Ice timer",
            "`i`",
            "ice timer: 15-20 min of ice after a run",
            id="ice",
            tooltip="15-20 min of ice after a run",
        ),
        Key(
            "s",
            "stretch",
            "Stretch",
            "`s`",
            "after foam rolling: the daily stretch, while the muscles are warm",
            id="stretch",
            tooltip="The daily stretch, while warm",
        ),
    ),
    "pain scale": (
        Key("enter", "confirm", "Save", id="save", priority=True),
        Key("escape", "cancel", "Back", id="cancel"),
        Key("tab", "app.focus_next", "Note", show=False),
        *answer_keys("context", CONTEXT_KEYS),
        Key("up", "cycle_context(-1)", "", show=False),
        Key("down", "cycle_context(1)", "", show=False),
        *answer_keys("swelling", YES_NO_KEYS),
        Row("`0`-`9`, `left`/`right`, `enter`", "pick a score (arrows reach 10), save"),
        Row(
            "`escape`",
            "at the end of a session: back to it with every set kept; `enter` asks again",
        ),
        Row("`y` / `n`", "is the outside of the knee swollen? yes / no"),
        Row(
            "`k`", "when both knees hurt: score each knee (left, then right; `k` again: the other)"
        ),
    ),
    "log run": (
        Key("enter", "save", "Keep", id="keep", priority=True),
        Key("escape", "cancel", "Change nothing", id="cancel"),
        Row("`tab`, `enter`", "the next field; keep the run (checked as `itb log-run` checks it)"),
        Row("`escape`", "close without keeping anything"),
    ),
    "function score dialog": (
        Key("enter", "save", "Keep", id="keep", priority=True),
        Key("escape", "cancel", "Change nothing", id="cancel"),
        Row("`tab`, `enter`", "the next field; keep the ratings (checked as `itb psfs` does)"),
        Row("`escape`", "close without keeping anything"),
    ),
    "help": (Key("escape,q,question_mark", "app.pop_screen", "Close", id="close"),),
    "settings": (
        Key("escape", "app.pop_screen", "Back", id="back"),
        Key(
            "p",
            "take_back",
            "Take back",
            "`p`",
            "take back a progression one step (listed when one was taken)",
            id="take_back",
            tooltip="Take back a progression",
            priority=True,
        ),
    ),
    "red flags": (Key("escape", "dismiss", "Back", id="back"),),
    "spike score": (
        Key("enter", "confirm", "Save", id="save", priority=True),
        Key("escape", "cancel", "No score", id="cancel"),
    ),
    "check-in": (
        Key("enter", "confirm", "Save", id="save"),
        Key("escape", "skip", "Skip today", id="skip"),
        *answer_keys("compared", COMPARED_KEYS),
        *answer_keys("swelling", YES_NO_KEYS),
    ),
    "edit": (
        Key("enter", "save", "Save", id="save", tooltip="Save the score and note", priority=True),
        Key("escape", "cancel", "Cancel", id="cancel", tooltip="Leave it as it was"),
        Key("tab", "app.focus_next", "Note", id="note", tooltip="Move to the note"),
        *answer_keys("swelling", YES_NO_KEYS),
        *answer_keys("compared", COMPARED_KEYS),
    ),
    "onboarding": (
        Key("ctrl+s", "save", "Start", id="save", tooltip="Save and start", priority=True),
        Key("escape", "cancel", "Not now", id="cancel", tooltip="Ask again next time"),
    ),
    "run week": (
        Key("enter", "confirm", "Next", id="next", priority=True),
        Key("escape", "cancel", "Change nothing", id="cancel"),
        Key("p", "choose('pause')", "", show=False),
        Key("u", "choose('resume')", "", show=False),
        *(Key(str(n), f"choose('week', {n})", "", show=False) for n in range(1, 10)),
        *answer_keys("cleared", YES_NO_KEYS),
    ),
    "choice": (Key("escape", "cancel", "Back", id="back"),),
    # Widgets: their keys work while they have the focus.
    "scale": (
        Key("left", "move(-1)", "Less", show=False),
        Key("right", "move(1)", "More", show=False),
        *(Key(str(n), f"pick({n})", "", show=False) for n in range(10)),
    ),
    "knee scale": (Key(KNEE_KEY, "next_knee", "Each knee", show=False),),
    "pick list": (
        Key("down", "move(1)", "Down", show=False),
        Key("up", "move(-1)", "Up", show=False),
        Key("pagedown", "page(1)", "Page down", show=False),
        Key("pageup", "page(-1)", "Page up", show=False),
        Key("home", "edge(0)", "First", show=False),
        Key("end", "edge(-1)", "Last", show=False),
        Key("enter", "select", "Select", show=False),
    ),
    "history table": (
        Key("home", "newest", "Newest", show=False),
        Key("end", "oldest", "Oldest", show=False),
    ),
}

# The class that takes each place's keys, by name (the screens import this module). The
# registry's test walks every screen and widget: none binds a key of its own, and each class
# named here exists.
OWNERS: dict[str, tuple[str, ...]] = {
    "everywhere": ("ItbApp",),
    "home": ("HomeScreen",),
    "history": ("HistoryScreen",),
    "detail": ("SessionDetailScreen", "PainLogDetailScreen"),
    "pain chart": ("PainChartScreen",),
    "calendar": ("CalendarScreen",),
    "function score": ("FunctionScoreScreen",),
    "readiness": ("ReadinessScreen",),
    "session": ("SessionScreen",),
    "summary": ("SummaryScreen",),
    "pain scale": ("PainRatingScreen",),
    "log run": ("LogRunDialog",),
    "function score dialog": ("FunctionScoreDialog",),
    "help": ("HelpScreen",),
    "settings": ("SettingsScreen",),
    "red flags": ("RedFlagsScreen",),
    "spike score": ("SpikeScoreScreen",),
    "check-in": ("CheckInScreen",),
    "edit": ("EditPainScreen",),
    "onboarding": ("OnboardingScreen",),
    "run week": ("RunWeekDialog",),
    "choice": ("ChoiceScreen",),
    "scale": ("PainScale",),
    "knee scale": ("KneeScale",),
    "pick list": ("PickList",),
    "history table": ("HistoryTable",),
}


def bindings(screen: str) -> list[BindingType]:
    """The Bindings of one screen, in registry order."""
    return [entry.binding() for entry in KEYS[screen] if isinstance(entry, Key)]


def palette_keys() -> list[Key]:
    """The keys offered in the command palette too."""
    return [e for keys in KEYS.values() for e in keys if isinstance(e, Key) and e.palette]


def key_rows() -> list[tuple[str, str, str]]:
    """(where, key, does) for every described key."""
    return [
        (where, entry.shown, entry.does)
        for where, entries in KEYS.items()
        for entry in entries
        if entry.does
    ]


def key_table() -> str:
    """The help and README key table, in Markdown."""
    lines = ["| where | key | does |", "|---|---|---|"]
    lines += [f"| {where} | {shown} | {does} |" for where, shown, does in key_rows()]
    return "\n".join(lines) + "\n"
