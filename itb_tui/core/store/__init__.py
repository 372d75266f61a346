"""Files on disk: atomic private writes and locks (``files``), settings, the one-copy lock
(``instance``) and where folders are (``paths``). The lowest of the core's packages: it imports
none of the others (the history's own files are kept by the history package).
"""
