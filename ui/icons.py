"""SVG icons from resources/icons, rendered by Qt at any scale."""

from __future__ import annotations

from functools import cache

from PySide6.QtGui import QIcon

from fkinspect.model import Category
from fkinspect.resources import resource_path


@cache
def icon(name: str) -> QIcon:
    """An icon by file stem ("analytics", "fkinspect" ...); empty if the file is missing."""
    path = resource_path("icons", f"{name}.svg")
    return QIcon(str(path)) if path.is_file() else QIcon()


def category_icon(category: Category) -> QIcon:
    return icon(str(category))


def app_icon() -> QIcon:
    return icon("fkinspect")
