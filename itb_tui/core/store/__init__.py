"""Files on disk: atomic private writes and locks (``files``), the monthly history files and
the session in progress (``history_store``), settings, the one-copy lock and where folders are.
"""
