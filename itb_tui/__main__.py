"""Allow ``python -m itb_tui``."""

from itb_tui.cli import main

raise SystemExit(main())
