"""Saving the settings keeps what a user wrote in the file by hand."""

from __future__ import annotations

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
