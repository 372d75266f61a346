"""A session while it runs: the engine (a state machine over a routine's steps, driven by an
injected clock), the rep pacer, the coach that decides what to announce, spoken cues, and when a
finished session counts as complete.
"""
