"""A session's life in the app, from start to summary: the routine asked for, the question
about an interrupted session, the session screen, its end, its save and the summary."""

from __future__ import annotations

from collections.abc import Mapping
from functools import partial
from typing import TYPE_CHECKING

from itb_tui.core.store.files import DamagedFile, StoreError
from itb_tui.tui.asking import ask_in_turn
from itb_tui.tui.messages import SessionEnded, StartRoutine

if TYPE_CHECKING:  # the history, the screens and the engine are imported when first needed
    from textual.app import App

    from itb_tui.core.content.library import Routine
    from itb_tui.core.history.records import SessionRecord
    from itb_tui.core.session.engine import SessionEngine
    from itb_tui.core.session.progress_file import Interrupted
    from itb_tui.tui.app import ItbApp
    from itb_tui.tui.program_flow import ProgramFlow
    from itb_tui.tui.safekeeping import Safekeeping
    from itb_tui.tui.screens.session import SessionScreen


def session_on_screen(app: App[None]) -> SessionScreen | None:
    """The session screen in ``app``'s stack, if one is open."""
    from itb_tui.tui.screens.session import SessionScreen

    for screen in app.screen_stack:
        if isinstance(screen, SessionScreen):
            return screen
    return None


class SessionFlow:
    """Starts sessions one at a time, offers an interrupted one back, saves the ended one."""

    def __init__(self, app: ItbApp, program_flow: ProgramFlow, safekeeping: Safekeeping) -> None:
        self.app = app
        self.context = app.context
        self.program_flow = program_flow
        self.safekeeping = safekeeping

    def start_routine(self, routine_id: str, minutes: int = 0) -> None:
        """Start ``routine_id``; with ``minutes``, cut to fit them (the caller checked it fits)."""
        routine = self.without_held(self.context.library.routines[routine_id])
        if minutes:
            from itb_tui.core.session.short_session import short_session

            routine = short_session(routine, minutes)
        self.begin(routine, self.context.settings.weaker_side or None)

    def without_held(self, routine: Routine) -> Routine:
        """``routine`` without the exercises the rules hold today, saying so."""
        from itb_tui.core.plan.referee import guided_session

        kept, why = guided_session(routine, self.program_flow.todays_overview())
        if why:
            self.app.notify(
                f"{why} Left out of this session, which is not counted as one in full.",
                title="Held today",
                timeout=10,
            )
        return kept

    def offer_short(self) -> None:
        """Short of time: ask how many minutes, then start today's strength routine cut to fit."""
        from itb_tui.core.plan.referee import guided_session
        from itb_tui.core.session.short_session import (
            OFFERED_MINUTES,
            TooShort,
            describe,
            short_session,
        )
        from itb_tui.tui.screens.choice import Choice, ChoiceScreen

        routine = self.strength_routine()
        if routine is None:
            self.app.notify("There is no strength routine to shorten.", severity="warning")
            return
        today = self.program_flow.todays_overview()
        routine, _why = guided_session(routine, today)  # the choices say what runs
        choices = []
        for number, minutes in enumerate(OFFERED_MINUTES, 1):
            try:
                names = describe(short_session(routine, minutes), routine)
            except TooShort:
                continue
            choices.append(Choice(str(minutes), str(number), f"{minutes} min: {names}"))
        text = (
            f"{routine.name} in full takes about {routine.estimated_minutes()} minutes. A short "
            "session keeps the exercises that matter most, both legs, with fewer sets. It counts "
            "as part of a session: not as one of your 3 a week, nor for running."
        )

        def answered(choice: str | None) -> None:
            if choice and choice != "no":
                self.start_routine(routine.id, int(choice))

        screen = ChoiceScreen("How many minutes do you have?", text, choices, "no")
        self.app.push_screen(screen, answered)

    def strength_routine(self) -> Routine | None:
        """Today's strength routine, else the first strength routine there is."""
        library = self.context.library
        overview = self.program_flow.overview
        ids = [item.routine_id for item in overview.items] if overview is not None else []
        strength = [r for r in library.routines.values() if r.category == "strength"]
        today = [r for r in strength if r.id in ids]
        return next(iter(today or strength), None)

    def asked(self, message: StartRoutine) -> None:
        """A routine asked for from Home, the palette or the summary (which gives way to it)."""
        if message.replace:
            self.app.pop_screen()
        self.start_routine(message.routine_id, message.minutes)

    def begin(self, routine: Routine, weaker_side: str | None = None, override: str = "") -> None:
        """Open a new session, one at a time: at once when nothing needs asking first, else
        once the session on screen has stopped and an interrupted one has been decided on.

        ``override``: the question a run on a rest or held day was started after, kept with it.
        """
        app = self.app
        if self.safekeeping.refuse_read_only():
            return
        running = self.on_screen()
        if running is not None and running is not app.screen:
            app.notify(
                "A session is already running: stop it first (q), then start another.",
                title="One session at a time",
                severity="warning",
                timeout=10,
            )
            return
        waiting = self.interrupted() if running is None else True
        if waiting is False:
            return
        if running is None and waiting is True:
            self.start(routine, weaker_side, override)
            return

        async def questions() -> None:
            if running is not None:  # ask to stop it first
                ending = await running.ask_to_stop(routine.name)
                if ending is None or not await self.stopped(ending):
                    return
            if await self.settle_interrupted(None if running is not None else waiting):
                self.start(routine, weaker_side, override)

        ask_in_turn(app, "begin", questions)

    def start(self, routine: Routine, weaker_side: str | None, override: str) -> None:
        """The session screen, over a new engine (made now, so its start time is right)."""
        from itb_tui.core.session.engine import SessionEngine

        settings = self.context.settings
        engine = SessionEngine(
            routine,
            self.context.clock,
            weaker_side,
            paced=settings.pacer,
            new_id=self.context.store.free_session_id,
        )
        engine.override = override  # kept in its progress file, so a resume keeps it too
        self.push(engine)

    def push(self, engine: SessionEngine) -> None:
        from itb_tui.tui.screens.session import SessionScreen

        context = self.context
        self.app.push_screen(
            SessionScreen(
                engine,
                context.store,
                context.settings,
                speaker=self.app.speaker,
                auto_tick=self.app.auto_tick,
            )
        )

    def on_screen(self) -> SessionScreen | None:
        """The session screen in the app's stack, if one is open."""
        return session_on_screen(self.app)

    def ended(self, ending: SessionEnded, *, summary: bool = True) -> bool:
        """Discard the session, or save it and show its summary (without ``summary``: say
        where it was saved, as another routine opens next); True once it is closed."""
        app = self.app
        if not ending.keep:
            if not self.keep_pain(ending.engine.record()):
                return False  # the session stays on screen and in its progress file
            self.context.store.progress.clear(ending.engine.session_id)
            app.pop_screen()
            return True
        record = ending.engine.record()
        app.pop_screen()  # the session; a save problem is asked about over home
        saved_to = self.save(record)
        if saved_to is None:
            return False  # nothing new opens while the question about it is open
        if not summary:
            app.notify(f"{record.routine_name} saved to {saved_to}.")
            return True
        from itb_tui.core.plan.referee import readiness_result
        from itb_tui.tui.screens.summary import SummaryScreen

        result = readiness_result(self.context.program, record)
        app.push_screen(SummaryScreen(record, saved_to, ending.engine.missing(), result))
        if record.pain_after is not None:
            self.program_flow.ask_red_flags_after(record.pain_after, record.swelling)
        return True

    async def stopped(self, ending: SessionEnded) -> bool:
        """A session stopped for what comes next (another routine, quitting): closed as
        ``ended`` says, without its summary; a rating kept with it that brings up the
        red-flag questions asks them, as after a summary, before anything goes on."""
        if not self.ended(ending, summary=False):
            return False
        if ending.keep:
            rating = ending.engine.rating
            if rating.pain_after is not None:
                await self.program_flow.red_flags_answered(rating.pain_after, rating.swelling)
        return True

    def keep_pain(self, record: SessionRecord) -> bool:
        """Before a session is discarded: keep the pain recorded in it as pain logs, and say
        so; False (and why) when they could not be saved, so nothing is discarded."""
        from itb_tui.core.plan.kept_pain import kept_pain_logs

        logs = kept_pain_logs(record)
        try:
            for log in logs:
                self.context.store.add_pain_log(log)
        except StoreError as err:
            self.app.notify(
                f"The pain noted in the session could not be kept, so it is not discarded: {err}",
                severity="error",
                timeout=15,
            )
            return False
        if logs:
            self.program_flow.refresh_home()
            self.app.notify(
                f"Session discarded; the pain you noted is kept in your pain logs ({len(logs)}).",
                timeout=10,
            )
        else:
            self.app.notify("Session discarded.")
        return True

    def save(self, record: SessionRecord, *, from_file: bool = False) -> str | None:
        """Save a session to the history and forget the progress file; None on failure.

        ``from_file``: the record is the progress file's, which keeps it if saving fails.
        """
        from itb_tui.core.dates import month_key

        store = self.context.store
        try:
            store.save_session(record)
        except StoreError as err:
            retry = partial(self.save, record, from_file=from_file)
            self.safekeeping.offer_save_elsewhere(record, err, retry, from_file=from_file)
            return None
        self.safekeeping.unsaved.pop(record.id, None)
        store.progress.clear(record.id)
        self.program_flow.refresh_home()
        self.program_flow.reshow_readiness()  # a readiness test's line, under the summary
        return str(store.month_path(month_key(record.started_at)))

    def interrupted(self) -> Interrupted | bool:
        """The interrupted session to ask about; else True when there is none (what was asked
        for may go on), False when its file could not be read or moved aside (nothing may
        start, so it is never overwritten). A damaged or newer file is moved aside first."""
        from itb_tui.core.session.progress_file import NewerProgress, read_back

        context = self.context
        try:
            found = read_back(context.store.progress, self.resumable, context.clock)
        except DamagedFile as err:
            cause = err.__cause__  # what the parser said, without the file's name again
            return self.set_progress_aside(
                "damaged", f"is damaged ({cause})" if cause else "is damaged"
            )
        except NewerProgress:
            return self.set_progress_aside(
                "newer", "was written by a newer itb-tui; rename it back for that version"
            )
        except StoreError as err:
            self.app.notify(str(err), severity="error", timeout=15)
            return False
        return True if found is None else found

    def resumable(self, record: SessionRecord) -> Mapping[str, Routine]:
        """The routines ``record``, interrupted, may be taken up again as today, as the rules
        would start them now, after the same answer if it was a run anyway
        (referee.resumable_routines)."""
        from itb_tui.core.plan.referee import resumable_routines

        flow, context = self.program_flow, self.context
        if not flow.ready():  # the program's rules are broken: the app is closing
            return context.library.routines
        verdict = flow.verdict or flow.work_out_today()[2]
        return resumable_routines(verdict, context.program, context.library, record.override)

    async def settle_interrupted(self, waiting: Interrupted | bool | None = None) -> bool:
        """Ask what to do with an interrupted session (``waiting``, else read now); True once
        it is kept or discarded, or when there is none, so what was asked for may go on; False
        after a resume or "later"."""
        found = self.interrupted() if waiting is None else waiting
        if isinstance(found, bool):
            return found
        from itb_tui.tui.screens.resume import confirm_discard_screen, resume_screen

        app, record, engine = self.app, found.record, found.engine
        choice = await app.push_screen_wait(resume_screen(record, engine is not None))
        if choice == "resume" and engine is not None:
            engine.restart_step()  # the full lead-in, however long the question was open
            self.push(engine)
            return False
        if choice == "discard":
            if await app.push_screen_wait(confirm_discard_screen(record)) == "discard":
                if not self.keep_pain(record):
                    return False
                self.context.store.progress.clear(record.id)
                return True
            choice = "keep"  # not discarded after all
        if choice == "keep":
            record.completed = False
            return self.save(record, from_file=True) is not None
        return False

    def set_progress_aside(self, why: str, what: str) -> bool:
        """Keep an unusable progress file under another name and say where; True once it is
        out of the way, False when it could not be moved (so no session may start)."""
        path = self.context.paths.in_progress
        try:
            aside = self.context.store.progress.set_aside(why, self.safekeeping.stamp())
        except StoreError as err:
            self.app.notify(f"{path} {what}. {err}", severity="error", timeout=20)
            return False
        self.app.notify(
            f"The unfinished-session file {path} {what}. It is kept, unchanged, as {aside}.",
            severity="error",
            timeout=20,
        )
        return True
