"""The home screen's list: Textual's OptionList that does not draw itself twice at start-up."""

from __future__ import annotations

from textual import events
from textual.geometry import Region
from textual.strip import Strip
from textual.widgets import OptionList


class RoutineList(OptionList):
    """An OptionList that keeps its drawn options when a resize leaves its width alone.

    OptionList forgets every drawn option on each Resize event. The first Resize arrives just
    after the first frame was drawn at that very size, so the whole list was drawn twice before
    the app settled. Here the drawings are kept when every one of them was made at the width
    the list has now; any other resize clears them as before.
    """

    _drawn_width: int | None = None  # the width of everything drawn since the last clearing

    def render_lines(self, crop: Region) -> list[Strip]:
        width = self.scrollable_content_region.width
        if self._drawn_width is None or self._drawn_width == width:
            self._drawn_width = width
        else:
            self._drawn_width = -1  # drawn at two widths: the next resize must clear
        return super().render_lines(crop)

    def _on_resize(self, event: events.Resize | None = None) -> None:
        if event is not None and self._drawn_width == self.scrollable_content_region.width:
            event.prevent_default()  # keep what is drawn: OptionList would throw it away
        else:
            self._drawn_width = None  # OptionList's own handler clears what was drawn
