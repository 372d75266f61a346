"""What happened: session records and pain logs with their TOML form (``records``), edits to
one entry and lazy reading newest month first (``edit``), and figures drawn from them (``stats``).
"""
