"""Screens that answer once: a key repeated before the screen has closed does nothing (a second
answer would pop the screen beneath it)."""

from __future__ import annotations

from typing import TypeVar

from textual.await_complete import AwaitComplete
from textual.screen import ModalScreen, Screen

ResultT = TypeVar("ResultT")


class AnswersOnce(Screen[ResultT]):
    """A screen whose first answer is its only one."""

    answered = False

    def dismiss(self, result: ResultT | None = None) -> AwaitComplete:
        if self.answered:
            done: AwaitComplete = AwaitComplete.nothing()  # type: ignore[no-untyped-call]
            return done
        self.answered = True
        return super().dismiss(result)


class Dialog(ModalScreen[ResultT], AnswersOnce[ResultT]):
    """A modal question or form over the current screen, answered once."""
