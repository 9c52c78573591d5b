"""claimlint: a compliance linter for health content written in Markdown."""

__version__ = "0.1.0"
