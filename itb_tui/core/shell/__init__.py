"""Shell verbs that must be fast or run from cron: ``itb today`` (with its kept answer) and
``itb remind``; and the ones around the app: ``itb paths`` (``paths_info``) and ``itb
completion`` (``completion``).
"""
