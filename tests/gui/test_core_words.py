"""The core's words in the app come in the window's language (the core's catalog)."""

from __future__ import annotations

from ui.main_window import MainWindow


def test_why_a_value_cannot_be_read_is_said_in_swedish(demo_window: MainWindow, qtbot) -> None:
    details = demo_window.body.details
    index = demo_window.body.select_cookie("SMSESSION")
    assert index.isValid()
    store = details._item.cookie.store.path if details._item else None
    assert store is not None and store.exists()
    store.unlink()  # gone since the scan: the core says why in its own words
    details.show_value()
    qtbot.waitUntil(details.value_problem.isVisible, timeout=20_000)
    assert details.value_problem.text() == (
        "Värdet kunde inte läsas: Kakfilen finns inte längre; läs in igen.")
    assert not details.value_field.isVisible()
