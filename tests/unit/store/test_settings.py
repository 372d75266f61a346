"""Saving the settings keeps what a user wrote in the file by hand."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from itb_tui.core.store.settings import load_settings, save_settings

HAND_WRITTEN = """\
# my settings, edited by hand
cue_style = "off"   # quiet at work
onboarded = true

# the rest
schema_version = 1
program_start = 2026-11-02

[progressions]
# one step so far
clamshell = 1
"""


def test_a_hand_edited_file_keeps_its_comments_and_order(tmp_path: Path) -> None:
    path = tmp_path / "settings.toml"
    path.write_text(HAND_WRITTEN)
    settings = load_settings(path)
    settings.pacer = True
    settings.progressions["clamshell"] = 2
    save_settings(path, settings)
    text = path.read_text()
    assert text.startswith('# my settings, edited by hand\ncue_style = "off"   # quiet at work\n')
    assert "# the rest\nschema_version = 1\nprogram_start = 2026-11-02\n" in text
    assert "# one step so far\nclamshell = 2\n" in text
    assert "pacer = true" in text
    assert load_settings(path) == settings
    assert path.with_name("settings.toml.bak").read_text() == HAND_WRITTEN


def test_a_value_back_at_its_default_leaves_the_file(tmp_path: Path) -> None:
    path = tmp_path / "settings.toml"
    path.write_text(HAND_WRITTEN)
    settings = load_settings(path)
    settings.cue_style = "bell"
    settings.progressions = {}
    save_settings(path, settings)
    assert load_settings(path) == settings
    assert "bell" in path.read_text()


def test_keys_it_does_not_write_are_kept(tmp_path: Path) -> None:
    from itb_tui.core.store.settings import Settings, settings_text

    old = b'# mine\nfuture_key = "x"\nonboarded = true\n'
    text = settings_text(old, Settings(onboarded=True, pacer=True))
    assert text.startswith('# mine\nfuture_key = "x"\nonboarded = true\n')


def test_a_hand_edit_made_while_the_app_is_open_survives_its_next_write(tmp_path: Path) -> None:
    from itb_tui.core.context import AppContext
    from itb_tui.core.store.paths import Paths

    paths = Paths(tmp_path / "data", tmp_path / "config")
    paths.config.mkdir()
    paths.settings.write_text(HAND_WRITTEN)
    context = AppContext(paths)
    assert context.settings.cue_style == "off"
    # meanwhile, in an editor: the cue, a progression and a new comment
    edited = HAND_WRITTEN.replace('cue_style = "off"', 'cue_style = "voice"')
    edited = edited.replace("clamshell = 1", "clamshell = 1\nside-plank = 2") + "# edited\n"
    paths.settings.write_text(edited)
    context.settings.checkin_skipped = date(2026, 11, 23)  # Escape on the check-in
    context.settings.progressions["clamshell"] = 2
    context.save_settings()
    saved = load_settings(paths.settings)
    assert saved.cue_style == "voice"
    assert saved.progressions == {"clamshell": 2, "side-plank": 2}
    assert saved.checkin_skipped == date(2026, 11, 23)
    assert paths.settings.read_text().count("# edited\n") == 1
    # a key this run changed wins over the hand; the next write again changes only its own
    context.settings.cue_style = "bell"
    context.save_settings()
    assert load_settings(paths.settings).cue_style == "bell"
    paths.settings.write_text(paths.settings.read_text().replace("onboarded = true", ""))
    context.settings.pacer = True
    context.save_settings()
    saved = load_settings(paths.settings)
    assert (saved.onboarded, saved.pacer, saved.cue_style) == (False, True, "bell")


def test_settings_the_run_was_given_are_written_whole(tmp_path: Path) -> None:
    from itb_tui.core.context import AppContext
    from itb_tui.core.store.paths import Paths
    from itb_tui.core.store.settings import Settings

    context = AppContext(Paths(tmp_path / "data", tmp_path / "config"))
    context.settings = Settings(onboarded=True, pacer=True)
    context.save_settings()
    assert load_settings(context.paths.settings) == Settings(onboarded=True, pacer=True)


def test_a_program_start_in_year_one_is_a_problem(tmp_path: Path) -> None:
    import pytest

    from itb_tui.core.store.settings import SettingsError

    path = tmp_path / "settings.toml"
    path.write_text("program_start = 0001-01-01\n")
    with pytest.raises(SettingsError, match="a date from 1970 to 2200"):
        load_settings(path)
