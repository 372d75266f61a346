"""The Textual user interface: screens and widgets that render core state and forward keys."""
