"""itb log-run and itb import-run: kept as runs, bad input exits 2 with nothing written."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from itb_tui import cli
from tests import run_files as make


def itb(tmp_path: Path, *extra: str) -> int:
    args = ["--data-dir", str(tmp_path / "data"), "--config-dir", str(tmp_path / "config")]
    return cli.main([*args, *extra])


def sessions(tmp_path: Path) -> list[dict[str, object]]:
    found: list[dict[str, object]] = []
    for month in sorted((tmp_path / "data" / "history").glob("*.toml")):
        found += tomllib.loads(month.read_text())["sessions"]
    return found


def test_a_logged_run_is_a_run_with_its_source_and_pain(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = itb(
        tmp_path,
        "log-run",
        "22",
        "--at",
        "2026-11-20T07:30",
        "--distance",
        "4.1",
        "--pain-began",
        "12",
        "--pain-score",
        "3",
        "--pain-after",
        "1",
        "--stopped",
        "--walk-breaks",
        "2",
        "--note",
        "hill",
    )
    assert code == 0
    (run,) = sessions(tmp_path)
    assert (run["routine"], run["source"], run["completed"], run["pain_after"]) == (
        "run",
        "logged",
        False,
        1,
    )
    assert run["outdoor"] == {"distance_km": 4.1, "walk_breaks": 2}
    (spike,) = run["pain_spikes"]  # type: ignore[misc]
    assert spike["score"] == 3 and spike["at"].strftime("%H:%M") == "07:42"
    out = capsys.readouterr().out
    assert "22 min on Fri 20 Nov at 07:30, 4.1 km" in out and "pain from minute 12 (3/10)" in out


def test_swelling_after_a_run_is_kept_and_asks_for_the_red_flags(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """As the question after a guided run asks it: swelling holds running and weight-bearing
    work (001), and the red-flag questions come next."""
    assert itb(tmp_path, "log-run", "20", "--at", "2026-11-20T07:30", "--swelling", "yes") == 0
    (run,) = sessions(tmp_path)
    assert run["swelling"] is True
    out = capsys.readouterr().out
    assert "the knee swollen" in out and "Check the red flags" in out


@pytest.mark.parametrize(
    ("extra", "problem"),
    [
        (["0"], "1 to 480 minutes"),
        (["600"], "1 to 480 minutes"),
        (["20", "--at", "2099-01-01T07:00"], "in the future"),
        (["20", "--at", "2026-11-20T07:00", "--pain-began", "25"], "after the run's end"),
        (["20", "--pain-score", "3"], "minute the pain began"),
        (["20", "--at", "soon"], "not a time"),
        (["20", "--pain-left", "2"], "both knees hurt"),
        (["20", "--pain-after-right", "2"], "both knees hurt"),
    ],
)
def test_bad_input_exits_2_and_writes_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], extra: list[str], problem: str
) -> None:
    with pytest.raises(SystemExit) as stop:
        itb(tmp_path, "log-run", *extra)
    assert stop.value.code == 2
    assert problem in capsys.readouterr().err
    assert not (tmp_path / "data" / "history").exists() or sessions(tmp_path) == []


def test_files_and_a_folder_import_each_once(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "watch"
    folder.mkdir()
    hours = {".gpx": 6, ".tcx": 9, ".fit": 12}
    makers = {".gpx": make.gpx, ".tcx": make.tcx, ".fit": make.fit}
    for suffix, maker in makers.items():
        start = make.START.replace(hour=hours[suffix])
        (folder / f"run{suffix}").write_bytes(maker(start=start, every_s=10))
    assert itb(tmp_path, "import-run", str(folder)) == 0
    assert [s["source"] for s in sessions(tmp_path)] == ["imported"] * 3
    assert itb(tmp_path, "import-run", str(folder / "run.gpx")) == 0  # the same file again
    assert len(sessions(tmp_path)) == 3
    assert "already in the history" in capsys.readouterr().out


def test_pain_given_with_a_file_imported_already_is_added_to_its_run(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "a.gpx").write_bytes(make.gpx(every_s=10))
    assert itb(tmp_path, "import-run", str(tmp_path / "a.gpx")) == 0
    assert itb(tmp_path, "import-run", str(tmp_path / "a.gpx"), "--pain-after", "2") == 0
    assert "the run was kept already; its pain was added" in capsys.readouterr().out
    (run,) = sessions(tmp_path)
    assert run["pain_after"] == 2
    assert itb(tmp_path, "import-run", str(tmp_path / "a.gpx"), "--swelling", "yes") == 0
    (run,) = sessions(tmp_path)
    assert (run["pain_after"], run["swelling"]) == (2, True)


def test_a_damaged_file_is_named_and_the_others_imported(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "bad.tcx").write_bytes(make.tcx(every_s=10)[:500])
    (tmp_path / "good.gpx").write_bytes(make.gpx(every_s=10))
    assert itb(tmp_path, "import-run", str(tmp_path / "bad.tcx"), str(tmp_path / "good.gpx")) == 1
    assert "bad.tcx: a damaged TCX file" in capsys.readouterr().err
    assert len(sessions(tmp_path)) == 1


def test_pain_options_go_with_one_imported_run(tmp_path: Path) -> None:
    (tmp_path / "a.gpx").write_bytes(make.gpx(every_s=10))
    assert itb(tmp_path, "import-run", str(tmp_path / "a.gpx"), "--pain-after", "2") == 0
    assert sessions(tmp_path)[0]["pain_after"] == 2
    (tmp_path / "b.gpx").write_bytes(make.gpx(every_s=10, start=make.START.replace(hour=12)))
    with pytest.raises(SystemExit) as stop:
        itb(tmp_path, "import-run", str(tmp_path), "--pain-after", "2")
    assert stop.value.code == 2


def test_pain_options_that_do_not_fit_the_file_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "a.fit").write_bytes(make.fit(minutes=20))
    with pytest.raises(SystemExit) as stop:
        itb(tmp_path, "import-run", str(tmp_path / "a.fit"), "--pain-began", "25")
    assert stop.value.code == 2
    assert "after the run's end (20 min)" in capsys.readouterr().err
    assert not (tmp_path / "data" / "history").exists()


def test_the_pain_after_a_run_takes_a_score_per_knee(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Both knees hurt: --pain-after-left/--pain-after-right, as the dialog asks each knee;
    the score after is the worse knee's, and 7/10 or more prints the red-flag line."""
    from itb_tui.core.store.settings import Settings, save_settings

    save_settings(tmp_path / "config" / "settings.toml", Settings(painful_knee="both"))
    code = itb(tmp_path, "log-run", "20", "--pain-after-left", "1", "--pain-after-right", "7")
    assert code == 0
    (run,) = sessions(tmp_path)
    assert (run["pain_after"], run["pain_after_left"], run["pain_after_right"]) == (7, 1, 7)
    out = capsys.readouterr().out
    assert "pain after L 1 / R 7" in out and "Check the red flags" in out
    with pytest.raises(SystemExit) as stop:
        itb(tmp_path, "log-run", "20", "--pain-after", "2", "--pain-after-right", "5")
    assert stop.value.code == 2
    assert "the worse knee's: 5" in capsys.readouterr().err
