"""A session while it runs: the engine (engine.py, a state machine over a routine's steps from
steps.py, timed by timer.py, recording sets in record.py), the rep pacer, the coach that decides
what to announce, spoken cues, when a finished session counts as complete, what the session
screen says (view.py), the screen's actions as the core names them (actions.py), and when the
session in progress is saved and how it is taken up again (progress_file.py; the file itself is
history/in_progress.py).
"""
