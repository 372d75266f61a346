"""Calendar helpers shared by the plan, the history and the reports: weeks run Monday to
Sunday (ISO), and each month of history is one file named by its key, '2026-11'."""

from __future__ import annotations

from datetime import date, datetime, timedelta


def local_date(moment: datetime) -> date:
    """The calendar date in the moment's own UTC offset."""
    return moment.date()


def week_monday(day: date) -> date:
    """The Monday that starts ``day``'s ISO week (Monday to Sunday)."""
    return day - timedelta(days=day.weekday())


def week_sunday(day: date) -> date:
    """The Sunday that ends ``day``'s ISO week."""
    return week_monday(day) + timedelta(days=6)


def days_back(today: date, count: int) -> date:
    """The first day of the ``count`` days that end with ``today``."""
    return today - timedelta(days=count - 1)


def day_text(day: date) -> str:
    """'Mon 23 Nov'."""
    return day.strftime("%a %d %b")


def month_key(day: date) -> str:
    """The key of the month file that holds ``day`` (a date or a moment): '2026-11'."""
    return f"{day.year:04d}-{day.month:02d}"


def month_keys_since(start: date, today: date) -> list[str]:
    """The keys of every month from ``start``'s to ``today``'s, oldest first."""
    keys, year, month = [], start.year, start.month
    while (year, month) <= (today.year, today.month):
        keys.append(f"{year:04d}-{month:02d}")
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return keys


WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def weekday_name(day: date) -> str:
    """'Monday' (in English whatever the locale, as the rest of the app)."""
    return WEEKDAYS[day.weekday()]
