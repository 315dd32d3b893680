"""fkinspect: see which forsakringskassan.se cookies your browsers hold, and why."""

__version__ = "0.1.0"
