"""Shell verbs that must be fast or run from cron: ``itb today`` (with its kept answer) and
``itb remind``.
"""
