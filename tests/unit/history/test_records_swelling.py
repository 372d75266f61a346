"""The yes/no swelling answer on pain logs and session ratings: stored, and optional."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from itb_tui.core.history.records import MonthHistory, PainLog, SessionRecord

AT = datetime(2026, 11, 23, 20, 0, tzinfo=timezone(timedelta(hours=1)))


def read(data: dict[str, object]) -> tuple[MonthHistory, list[str]]:
    problems: list[str] = []
    return MonthHistory.from_dict(data, "test", problems), problems


def test_old_history_without_the_answer_still_reads() -> None:
    month, problems = read(
        {
            "schema_version": 1,
            "pain_logs": [{"at": AT, "score": 2, "context": "daily", "note": "puffy"}],
            "sessions": [
                {
                    "id": "s",
                    "routine": "ice",
                    "routine_name": "Ice",
                    "started_at": AT,
                    "ended_at": AT,
                    "completed": True,
                }
            ],
        }
    )
    assert problems == []
    assert month.pain_logs[0].swelling is None and month.sessions[0].swelling is None


def test_the_answer_round_trips_and_is_left_out_when_not_asked() -> None:
    asked = PainLog(AT, 2, "daily", "", swelling=True)
    assert asked.to_dict()["swelling"] is True
    assert "swelling" not in PainLog(AT, 2, "daily").to_dict()
    session = SessionRecord("s", "ice", "Ice", AT, AT, True, swelling=False)
    month, problems = read(MonthHistory([session], [asked]).to_dict())
    assert problems == []
    assert month.pain_logs[0].swelling is True and month.sessions[0].swelling is False


def test_a_wrong_answer_type_is_a_problem_not_a_crash() -> None:
    _month, problems = read(
        {
            "schema_version": 1,
            "pain_logs": [{"at": AT, "score": 2, "context": "daily", "swelling": "yes"}],
        }
    )
    assert problems == ["test: pain log 1: field 'swelling': expected true or false, got 'yes'"]
