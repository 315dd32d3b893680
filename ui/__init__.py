"""The Qt desktop app: thin views over fkinspect's records."""

from ui.pyside_fix import make_none_immortal

make_none_immortal()
