"""Questions asked in turn, written as straight code: a worker awaits each dialog's answer
(``push_screen_wait``) and goes on from there, top to bottom.

One chain of a kind at a time: a key pressed twice in one burst finds the first chain still
asking and starts nothing (``exclusive`` would cancel the first chain and leave its dialog open
with nobody to hear the answer). Quitting while a chain waits cancels it quietly.
"""

from __future__ import annotations

from collections.abc import Callable, Coroutine
from typing import Any

from textual.dom import DOMNode

from itb_tui.tui.messages import HomeShown

QUESTIONS = "questions"  # the name of every worker that asks


def asking(node: DOMNode, group: str = "") -> bool:
    """True while a chain of questions (of ``group``, if given) is running in ``node``'s app."""
    return any(
        worker.name == QUESTIONS and group in ("", worker.group) and not worker.is_finished
        for worker in node.app.workers
    )


def ask_in_turn(
    node: DOMNode, group: str, questions: Callable[[], Coroutine[Any, Any, None]]
) -> bool:
    """Run ``questions`` as a worker of ``node`` unless a chain of ``group`` is still running;
    True when it started. Home on top once they are answered is said, as when a dialog closes
    (a question that waited for Home is asked then)."""
    if asking(node, group):
        return False

    async def in_turn() -> None:
        await questions()
        if len(node.app.screen_stack) == 1:
            node.app.post_message(HomeShown())

    node.run_worker(in_turn(), name=QUESTIONS, group=group)
    return True
