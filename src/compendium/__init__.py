"""Research compendium around joint advocacy letters: clean, annotate, report."""

__version__ = "0.1.0"
