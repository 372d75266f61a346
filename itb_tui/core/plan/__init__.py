"""The program rules: program weeks and phases, return to running, warning signs, progress,
red flags, the morning check-in, today's plan and the home overview built from them.

Each rule cites the source article it comes from by number (docs/sources.md is the index).
"""
