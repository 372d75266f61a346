"""Content: exercises, routines and the program as data, loaded from TOML and validated.

``library`` holds exercises and routines, ``program`` the phases, run weeks, signs and red flags,
``validate`` the typed reading with file/entry/field errors, ``parse_cache`` parsed files kept
between runs, ``check`` the ``itb check`` report.
"""
