"""fkinspect: see which forsakringskassan.se cookies your browsers hold, and why."""

__version__ = "0.1.0"

# Reverse-DNS application id: the desktop entry's file name, and what Wayland and docks
# match the window to.
APP_ID = "se.fkinspect.FkInspect"
