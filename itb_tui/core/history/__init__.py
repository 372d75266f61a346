"""What happened: session records and pain logs with their TOML form (``records``), the
monthly history files (``history_store``) and the session in progress on disk
(``in_progress``), edits to one entry and lazy reading newest month first (``edit``), and
figures drawn from them (``stats``).
"""
