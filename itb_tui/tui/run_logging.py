"""A run done outdoors, from the app: the log-run dialog (``o`` on Home and on the
return-to-running screen, and the palette), then the run kept in the history like
``itb log-run`` keeps it, and Today worked out again."""

from __future__ import annotations

from typing import TYPE_CHECKING

from itb_tui.core.history.records import SessionRecord

if TYPE_CHECKING:
    from itb_tui.tui.app import ItbApp


def log_run(app: ItbApp) -> None:
    """Open the dialog (once: a second press does nothing)."""
    from itb_tui.tui.screens.log_run import LogRunDialog

    if isinstance(app.screen, LogRunDialog) or app.safekeeping.refuse_read_only():
        return
    app.push_screen(LogRunDialog(app.context.clock.wall()), lambda run: keep(app, run))


def keep(app: ItbApp, record: SessionRecord | None) -> None:
    """Add the run unless it is one already kept; say which, and refresh Today and the
    return-to-running screen."""
    from itb_tui.core.history.outdoor_run import keep_run, run_facts_text
    from itb_tui.core.store.files import StoreError

    if record is None:
        return
    try:
        outcome = keep_run(app.context.store, record)
    except StoreError as err:
        app.notify(str(err), title="Not kept", severity="error", timeout=15)
        return
    flow = app.program_flow
    flow.refresh_home()
    flow.reshow_readiness()
    kept = outcome.run
    if outcome.pain_added:
        text = f"The run was kept already; its pain was added: {run_facts_text(kept)}."
        app.notify(text, timeout=10)
    elif not outcome.added:
        app.notify(f"Already in the history: {run_facts_text(kept)}.", timeout=10)
        return
    else:
        app.notify(f"Kept: a run of {run_facts_text(kept)}.", timeout=8)
    if kept.pain_after is not None or kept.swelling is not None:
        flow.ask_red_flags_after(kept.pain_after or 0, kept.swelling)
