"""The table's columns fit its width: no horizontal scrolling, headers never cut.

The most important columns are whole where they fit; every column gets at least its
header's width and a short floor for its content (longer text is elided, and the full text
comes as a tooltip); what is left goes to the columns in order of priority, up to the width
of their content. Where even that does not fit, the least important columns are hidden:
the details pane shows every field of the chosen cookie.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import (
    QAbstractItemModel,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Slot,
)
from PySide6.QtGui import QHelpEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionHeader,
    QStyleOptionViewItem,
    QTableView,
    QToolTip,
)

CONTENT_FLOOR = 90  # px: below this a column's text is mostly "…"
CONTENT_CAP = 340  # px: a long note is elided rather than pushing other columns out
WHOLE = 3  # the most important columns (name, category, expiry): whole where they fit


class ElidedTextTips(QStyledItemDelegate):
    """A cell whose text does not fit shows all of it as a tooltip (unless the model
    has a tooltip of its own for the cell)."""

    def helpEvent(self, event: QHelpEvent, view: QAbstractItemView,
                  option: QStyleOptionViewItem,
                  index: QModelIndex | QPersistentModelIndex) -> bool:
        own_tip = index.isValid() and index.data(Qt.ItemDataRole.ToolTipRole)
        if event.type() == QEvent.Type.ToolTip and index.isValid() and not own_tip:
            text = index.data(Qt.ItemDataRole.DisplayRole)
            cut = self.sizeHint(option, index).width() > option.rect.width()
            if isinstance(text, str) and text and cut:
                QToolTip.showText(event.globalPos(), text, view)
                return True
        return super().helpEvent(event, view, option, index)


class ColumnFitter(QObject):
    """Keeps `table`'s columns inside its viewport; `priorities` lists the columns, most
    important first (the others stay hidden)."""

    def __init__(self, table: QTableView, priorities: Sequence[int]) -> None:
        super().__init__(table)
        self.table = table
        self.priorities = tuple(priorities)
        self.fitting = False
        table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        table.setTextElideMode(Qt.TextElideMode.ElideRight)
        table.setItemDelegate(ElidedTextTips(table))
        header = table.horizontalHeader()
        header.setStretchLastSection(False)
        header.setTextElideMode(Qt.TextElideMode.ElideRight)
        table.viewport().installEventFilter(self)
        self._later = QTimer(self)  # one fit after a burst of model signals
        self._later.setSingleShot(True)
        self._later.setInterval(0)
        self._later.timeout.connect(self.fit)
        model = table.model()
        if isinstance(model, QAbstractItemModel):
            for signal in (model.modelReset, model.layoutChanged, model.rowsInserted,
                           model.rowsRemoved, model.headerDataChanged, model.dataChanged):
                signal.connect(self.fit_later)

    @Slot()
    def fit_later(self) -> None:
        self._later.start()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize and watched is self.table.viewport():
            self._later.start()
        return False

    def header_width(self, column: int) -> int:
        """The width the header needs to show its whole title and the sort arrow."""
        header = self.table.horizontalHeader()
        option = QStyleOptionHeader()
        option.initFrom(header)
        option.section = column
        title = self.table.model().headerData(column, Qt.Orientation.Horizontal)
        option.text = str(title or "")
        option.sortIndicator = QStyleOptionHeader.SortIndicator.SortDown
        size = header.style().sizeFromContents(QStyle.ContentsType.CT_HeaderSection, option,
                                               header.fontMetrics().size(0, option.text),
                                               header)
        arrow = header.style().pixelMetric(QStyle.PixelMetric.PM_HeaderMarkSize, option, header)
        return size.width() + arrow + 4

    def content_width(self, column: int) -> int:
        return min(self.table.sizeHintForColumn(column), CONTENT_CAP)

    def fit(self) -> None:
        if self.fitting:
            return
        self.fitting = True
        try:
            self._fit(self.table.viewport().width())
        finally:
            self.fitting = False

    def _fit(self, room: int) -> None:
        header = self.table.horizontalHeader()
        heads = {c: self.header_width(c) for c in self.priorities}
        full = {c: max(heads[c], self.content_width(c)) for c in self.priorities}
        least = {c: max(heads[c], min(full[c], CONTENT_FLOOR)) for c in self.priorities}
        # The first WHOLE columns whole where they fit, every column else at its least
        # (elided); a column that does not fit even so is hidden, and a less important
        # one may still fit.
        widths: dict[int, int] = {}
        for rank, column in enumerate(self.priorities):
            left = room - sum(widths.values())
            if rank < WHOLE and full[column] <= left:
                widths[column] = full[column]
            elif least[column] <= left or not widths:
                widths[column] = least[column]
        spare = room - sum(widths.values())
        for column in widths:  # an elided column gets back what is left, most important first
            more = min(full[column] - widths[column], spare)
            if more > 0:
                widths[column] += more
                spare -= more
        shown = [c for c in range(header.count()) if c in widths]
        if spare > 0 and shown:  # the rest to the last column, as a stretched one would
            widths[shown[-1]] += spare
        for column in range(header.count()):
            self.table.setColumnHidden(column, column not in widths)
            if column in widths:
                header.resizeSection(column, widths[column])

    def visible_width(self) -> int:
        header = self.table.horizontalHeader()
        return sum(header.sectionSize(c) for c in range(header.count())
                   if not header.isSectionHidden(c))
