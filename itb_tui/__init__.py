"""itb-tui: a terminal coach for IT band syndrome rehab."""

__version__ = "0.1.0"
