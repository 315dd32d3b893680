"""Reading the agency's page: the seed page, as text and as saved HTML, is the built-in list."""

from __future__ import annotations

import pytest

from fkinspect.model import Category
from fkinspect.pagelist.compare import page_policy_data
from fkinspect.pagelist.reader import NotThePage, Unusable, decode_page, read_page
from fkinspect.policy import load_policy, policy_from_data
from tests.unit.pagelist.pages import NBSP, as_html, insert_after, seed_text

AGENCY = "Försäkringskassan"
SOURCE = "source/kakor-2025-02-12.txt"

SAVED = {
    "text": lambda: seed_text().encode("utf-8"),
    "text-bom": lambda: b"\xef\xbb\xbf" + seed_text().encode("utf-8"),
    "text-windows-1252": lambda: seed_text().encode("cp1252"),
    "html-utf-8": lambda: as_html(seed_text(), "utf-8"),
    "html-windows-1252": lambda: as_html(seed_text(), "windows-1252"),
    "html-windows-1252-http-equiv": lambda: as_html(seed_text(), "windows-1252",
                                                    declare="http-equiv"),
    # As sites often write them: &nbsp; and named letters (ASCII-only bytes).
    "html-entities": lambda: as_html(seed_text(), "utf-8").decode("utf-8").replace(
        NBSP, "&nbsp;").replace("ö", "&ouml;").replace("å", "&#229;").encode("ascii",
                                                                              "xmlcharrefreplace"),
    "html-iso-8859-1-label": lambda: as_html(seed_text(), "cp1252").replace(
        b'charset="cp1252"', b'charset="iso-8859-1"'),
}


@pytest.mark.parametrize("form", sorted(SAVED))
def test_the_seed_page_reads_back_as_exactly_the_built_in_list(form: str) -> None:
    built_in = load_policy()
    page = read_page(SAVED[form](), AGENCY)
    assert page.unplaced == ()
    assert policy_from_data(page_policy_data(page, built_in, SOURCE), "page") == built_in


def test_the_page_in_its_own_words() -> None:
    page = read_page(as_html(seed_text(), "windows-1252"), AGENCY)
    by_name = {c.label: c for c in page.cookies}
    assert len(page.cookies) == 36
    assert page.title == "Kakor (Cookies) - Försäkringskassan"
    assert page.updated_text == "Senast uppdaterad 12 februari 2025"
    assert page.updated.isoformat() == "2025-02-12"
    assert by_name["_pk_id.*"].lifetime_words == f"sparas i 13{NBSP}månader"
    assert by_name["_pk_id.*"].category is Category.ANALYTICS
    assert by_name["BREADCRUMB-ID"].lifetime_words == "sätts i 12 timmar"
    assert by_name["Fk_sokfras"].lifetime_words == "sparas tillfälligt"
    assert (by_name["psB"].lifetime, by_name["psB"].lifetime_words) == ("unstated", "")
    assert by_name["vgage.vid"].category is Category.WEBMEETING  # read as written
    assert page.sites == ("YouTube", "Facebook", "Twitter")


def test_the_encoding_is_the_declared_one_then_utf8_then_windows_1252() -> None:
    html = as_html(seed_text(), "utf-8")
    assert decode_page(html)[1] is True
    assert "Försäkringskassan" in decode_page(html)[0]
    assert decode_page(seed_text().encode("cp1252")) == (seed_text(), False)


@pytest.mark.parametrize(
    ("sentence", "why"),
    [
        ("fk_vecka sparas i 2 veckor.", "a unit the reader does not know"),
        ("fk_x lagrar ditt val.", "a verb the reader does not know"),
        ("fk_a och en annan kaka används för test.", "a name that is not a name"),
        ("fk_b sparas tillfälligt och sparas i 3 dagar.", "two lifetimes"),
    ],
)
def test_what_cannot_be_placed_is_reported_not_guessed(sentence: str, why: str) -> None:
    text = insert_after(seed_text(), "cookietest används för att testa så att webbläsaren kan "
                        "spara kakor. Den sparas tillfälligt.", sentence)
    page = read_page(text.encode("utf-8"), AGENCY)
    assert page.unplaced == (sentence,), why
    assert len(page.cookies) == 36


def test_a_name_written_twice_is_reported() -> None:
    line = "DigestTracker används för cachehantering och sparas tillfälligt."
    page = read_page(insert_after(seed_text(), line, line).encode("utf-8"), AGENCY)
    assert page.unplaced == (line,)


def test_the_date_may_stand_above_the_list() -> None:
    text = seed_text().replace("\nSenast uppdaterad \n12 februari 2025", "")
    text = text.replace("Kakor på Försäkringskassan\n",
                        "Kakor på Försäkringskassan\nSenast uppdaterad 12 februari 2025\n")
    page = read_page(text.encode("utf-8"), AGENCY)
    assert page.updated.isoformat() == "2025-02-12" and len(page.cookies) == 36
    assert page.unplaced == ()


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", Unusable.UNREADABLE),
        (b"\x00\x01\x02PK\x03\x04", Unusable.UNREADABLE),
        (seed_text().replace("Försäkringskassan", "Skatteverket").encode(), Unusable.OTHER_SITE),
        (b"<html><head><title>Kakor - Skatteverket</title></head><body><h2>Kakor</h2>",
         Unusable.OTHER_SITE),
        ("Försäkringskassan\nVälkommen\n".encode(), Unusable.NO_LIST),
        (seed_text().replace("Senast uppdaterad", "Uppdaterad").encode(), Unusable.NO_DATE),
        (seed_text().replace("12 februari 2025", "31 februari 2025").encode(), Unusable.NO_DATE),
    ],
)
def test_a_file_that_is_not_the_page_says_why(data: bytes, reason: Unusable) -> None:
    with pytest.raises(NotThePage) as caught:
        read_page(data, AGENCY)
    assert caught.value.reason is reason
