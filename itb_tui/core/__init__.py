"""The UI-free core: content, session engine, history, storage and plan rules.

Nothing below this package imports Textual.
"""
