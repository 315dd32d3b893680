"""The sidebar: every browser profile found, its status, selectable to filter the table."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal, Slot
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QWidget

from fkinspect.i18n import say
from fkinspect.model import Profile, Scan, StoreResult, StoreStatus
from fkinspect.presentation import Naming, group_by_profile
from fkinspect.textsafe import printable
from fkinspect.wording import status_hint, status_label

from .icons import icon

PROFILE_ROLE = Qt.ItemDataRole.UserRole + 1


def _stores_by_profile(scan: Scan) -> dict[Profile, list[StoreResult]]:
    found: dict[Profile, list[StoreResult]] = {}
    for result in scan.stores:
        found.setdefault(result.location.profile, []).append(result)
    return found


class StoresPanel(QListWidget):
    profile_chosen = Signal(object)  # Profile | None

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("storesPanel")
        self.setWordWrap(True)
        self.setUniformItemSizes(False)
        self.setSpacing(3)  # room between profiles: each is a few lines of text
        self.setTextElideMode(Qt.TextElideMode.ElideNone)
        self._scan: Scan | None = None
        self._language = "sv"
        self.naming = Naming()  # the window shares its own: presentation mode hides names
        self.currentItemChanged.connect(self._changed)
        self.retranslate()

    def set_language(self, language: str) -> None:
        self._language = language
        self.retranslate()

    def set_scan(self, scan: Scan | None) -> None:
        self._scan = scan
        self.retranslate()

    def retranslate(self) -> None:
        chosen = self.current_profile()
        self.blockSignals(True)
        self.clear()
        scan = self._scan
        total = len(scan.cookies) if scan else 0
        every = QListWidgetItem(self.tr("All browsers (%n cookie(s))", "", total), self)
        every.setData(PROFILE_ROLE, None)
        counts = {p: len(items) for p, items in group_by_profile(scan.cookies)} if scan else {}
        current = every
        for profile, results in (_stores_by_profile(scan) if scan else {}).items():
            item = QListWidgetItem(self._profile_text(profile, results, counts.get(profile, 0)),
                                   self)
            item.setData(PROFILE_ROLE, profile)
            # Why each file could not be read, in the window's language, on hover; then
            # the technical reason (SQLite's words, in English) for support staff.
            details = [line for r in results for line in self._why(r)]
            if details:
                item.setToolTip("\n".join(details))
            item.setIcon(icon(self._status_icon(results)))
            if profile == chosen:
                current = item
        self.setCurrentItem(current)
        self.blockSignals(False)
        self.setAccessibleName(self.tr("Browsers and profiles"))
        self.setAccessibleDescription(
            self.tr("Each browser profile that was found and whether it could be read. "
                    "Choose one to show only its cookies."))

    def _why(self, result: StoreResult) -> list[str]:
        lines = [say(result.words, self._language)] if result.words else []
        if result.message:
            lines.append(self.tr("Technical detail: {detail}").format(
                detail=printable(result.message)))
        return lines

    @staticmethod
    def _status_icon(results: list[StoreResult]) -> str:
        if any(r.status is not StoreStatus.OK for r in results):
            return "error"
        return "running" if any(r.running for r in results) else "ok"

    def _profile_text(self, profile: Profile, results: list[StoreResult], count: int) -> str:
        lines = [self.naming.profile_label(profile), self.tr("%n cookie(s)", "", count)]
        for result in results:
            if result.status is StoreStatus.OK:
                continue
            reason = status_label(result.status, self._language)
            hint = status_hint(result.status, profile.family, self._language)
            lines.append(printable(f"{result.location.path.name}: {reason}. {hint}".strip()))
        if all(r.status is StoreStatus.OK for r in results):
            lines.append(status_label(StoreStatus.OK, self._language))
        if any(r.running for r in results):
            lines.append(self.tr("The browser is running"))
        return "\n".join(lines)

    def current_profile(self) -> Profile | None:
        item = self.currentItem()
        value = item.data(PROFILE_ROLE) if item is not None else None
        return value if isinstance(value, Profile) else None

    @Slot(QListWidgetItem, QListWidgetItem)
    def _changed(self, current: QListWidgetItem | None, _previous: object) -> None:
        value = current.data(PROFILE_ROLE) if current is not None else None
        self.profile_chosen.emit(value if isinstance(value, Profile) else None)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
