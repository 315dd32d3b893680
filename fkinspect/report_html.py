"""The report as one self-contained HTML page: inline CSS, no scripts, no network.

Every text is escaped: cookie names, hosts and profile names come from the machine
and could hold markup or control characters. Categories are shown as words (colour
only repeats them).
"""

from __future__ import annotations

from html import escape as _html_escape
from typing import TYPE_CHECKING

from fkinspect import __version__, i18n
from fkinspect.i18n import N_
from fkinspect.model import Category
from fkinspect.presentation import CATEGORY_ORDER
from fkinspect.textsafe import printable
from fkinspect.wording import AGENCY, category_label

if TYPE_CHECKING:  # report.py imports this module to render html; the records are types here
    from fkinspect.report import ProfileGroup, Report, ReportCookie, ReportStore

# The report's own words (English msgids; the Swedish is in the core's catalog).
_WORDS = {
    "title": N_("Report: {agency}'s cookies in the browsers"),
    "generated": N_("Generated"),
    "scanned": N_("Read"),
    "policy": N_("{agency}'s list"),
    "summary": N_("Summary"),
    "stores": N_("Cookie files"),
    "cookies": N_("Cookies"),
    "none_found": N_("None of {agency}'s cookies were found here."),
    "no_stores": N_("No browsers with cookie files were found."),
    "file": N_("File"),
    "format": N_("Format"),
    "status": N_("Status"),
    "count": N_("Cookies"),
    "running": N_("the browser was running"),
    "name": N_("Name"),
    "host": N_("Site"),
    "category": N_("Category"),
    "expires": N_("Expires"),
    "session": N_("until the browser closes"),
    "explanation": N_("{agency}'s explanation"),
    "documented": N_("Documented lifetime"),
    "findings": N_("Notes"),
    "partition": N_("Stored under"),
    "container": N_("Container"),
    "no_text": N_("The page does not explain this cookie."),
    "privacy": N_("The report never contains the cookies' values. The home folder is written ~."),
    "total": N_("Total"),
}

_CSS = """
html { color-scheme: light; }
body { font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", sans-serif;
  color: #1b1b1b; background: #fff; margin: 2rem auto; max-width: 72rem; padding: 0 1.5rem; }
h1 { font-size: 1.6rem; margin: 0 0 .4rem; }
h2 { font-size: 1.25rem; margin: 2rem 0 .5rem; border-bottom: 2px solid #d5d9de;
  padding-bottom: .2rem; }
h3 { font-size: 1.05rem; margin: 1.2rem 0 .4rem; }
.meta { color: #444; margin: 0; display: grid; grid-template-columns: max-content 1fr;
  gap: .15rem 1.5rem; }
.meta dt { font-weight: 600; }
.meta dd { margin: 0; }
table { border-collapse: collapse; width: 100%; margin: .4rem 0 1rem; }
th, td { text-align: left; vertical-align: top; padding: .35rem .5rem;
  border-bottom: 1px solid #e3e6ea; }
th { background: #f3f5f7; font-weight: 600; }
.num { text-align: right; font-variant-numeric: tabular-nums; }
code { font: .92em ui-monospace, "DejaVu Sans Mono", monospace; overflow-wrap: anywhere; }
.cat { display: inline-block; padding: 0 .45rem; border-radius: .3rem; border: 1px solid;
  font-size: .9em; white-space: nowrap; }
.cat-necessary { border-color: #2e7d32; background: #e8f5e9; }
.cat-webmeeting { border-color: #1565c0; background: #e3f2fd; }
.cat-analytics { border-color: #ef6c00; background: #fff3e0; }
.cat-third_party { border-color: #6a1b9a; background: #f3e5f5; }
.cat-undocumented { border-color: #b71c1c; background: #ffebee; }
.status-bad { font-weight: 600; }
.findings { margin: .2rem 0 0; padding-left: 1.1rem; }
.small { color: #555; font-size: .9em; }
.privacy { margin-top: 2rem; color: #444; font-size: .9em; }
@media print {
  @page { size: A4 landscape; margin: 12mm; }
  body { margin: 0; max-width: none; padding: 0; font-size: 10pt; }
  h2 { break-after: avoid; }
  tr, .cat { break-inside: avoid; }
  thead { display: table-header-group; }
  .cat, th { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
"""


def escape(text: str) -> str:
    """HTML-escaped, with control characters written out (the file may meet `cat`)."""
    return _html_escape(printable(text))


def _w(key: str, language: str) -> str:
    return i18n.text(language, _WORDS[key], agency=AGENCY)


def report_html(report: Report) -> str:
    lang = report.language
    parts = [
        "<!DOCTYPE html>",
        f'<html lang="{lang}">',
        "<head>",
        '<meta charset="utf-8">',
        f'<meta name="generator" content="fkinspect {__version__}">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        # No network, no scripts: a report opened anywhere stays a document.
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
        "style-src 'unsafe-inline'\">",
        f"<title>{escape(_w('title', lang))}</title>",
        f"<style>{_CSS}</style>",
        "</head>",
        "<body>",
        f"<h1>{escape(_w('title', lang))}</h1>",
        _meta(report),
        _summary(report),
    ]
    groups = report.groups
    if not groups:
        parts.append(f"<p>{escape(_w('no_stores', lang))}</p>")
    parts += [_group(g, lang) for g in groups]
    parts.append(f'<p class="privacy">{escape(_w("privacy", lang))}</p>')
    parts += ["</body>", "</html>", ""]
    return "\n".join(parts)


def _meta(report: Report) -> str:
    lang = report.language
    rows = [
        (_w("policy", lang), f"{report.policy.title} — {report.policy.updated_text} "
                             f"({report.policy.updated.isoformat()})"),
        (_w("policy", lang), report.policy.in_use),
        (_w("scanned", lang), _when(report.scanned.isoformat())),
        (_w("generated", lang), _when(report.generated.isoformat())),
    ]
    items = "".join(f"<dt>{escape(k)}</dt><dd>{escape(v)}</dd>" for k, v in rows)
    return f'<dl class="meta">{items}</dl>'


def _when(iso: str) -> str:
    return iso[:16].replace("T", " ") + " UTC"


def _summary(report: Report) -> str:
    lang = report.language
    rows = "".join(
        f"<tr><td>{_category(c, lang)}</td><td class=\"num\">{report.count(c)}</td></tr>"
        for c in CATEGORY_ORDER)
    total = (f"<tr><th>{escape(_w('total', lang))}</th>"
             f"<th class=\"num\">{len(report.cookies)}</th></tr>")
    head = (f"<thead><tr><th>{escape(_w('category', lang))}</th>"
            f"<th class=\"num\">{escape(_w('count', lang))}</th></tr></thead>")
    return (f"<h2>{escape(_w('summary', lang))}</h2>"
            f'<table class="summary" style="width:auto">{head}<tbody>{rows}{total}</tbody>'
            "</table>")


def _category(category: Category, lang: str) -> str:
    return (f'<span class="cat cat-{escape(str(category))}">'
            f"{escape(category_label(category, lang))}</span>")


def _group(group: ProfileGroup, lang: str) -> str:
    title = f"{group.browser_name} — {group.profile}"
    parts = [f"<section><h2>{escape(title)}</h2>",
             f"<h3>{escape(_w('stores', lang))}</h3>", _stores(group.stores, lang),
             f"<h3>{escape(_w('cookies', lang))} ({len(group.cookies)})</h3>"]
    if group.cookies:
        parts.append(_cookies(group.cookies, lang))
    else:
        parts.append(f"<p>{escape(_w('none_found', lang))}</p>")
    parts.append("</section>")
    return "\n".join(parts)


def _stores(stores: tuple[ReportStore, ...], lang: str) -> str:
    head = "".join(f"<th>{escape(_w(k, lang))}</th>" for k in ("file", "format", "status"))
    head += f'<th class="num">{escape(_w("count", lang))}</th>'
    rows = []
    for s in stores:
        status = escape(s.status_label)
        if s.status != "ok":
            status = f'<span class="status-bad">{status}</span>'
        if s.message:
            status += f'<br><span class="small">{escape(s.message)}</span>'
        if s.running:
            status += f'<br><span class="small">({escape(_w("running", lang))})</span>'
        rows.append(f"<tr><td><code>{escape(s.path)}</code></td><td>{escape(s.format)}"
                    f"{' · ' + escape(s.schema) if s.schema else ''}</td><td>{status}</td>"
                    f'<td class="num">{s.cookies}</td></tr>')
    return f"<table><thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table>"


def _cookies(cookies: tuple[ReportCookie, ...], lang: str) -> str:
    keys = ("name", "category", "expires", "explanation")
    head = "".join(f"<th>{escape(_w(k, lang))}</th>" for k in keys)
    rows = [_cookie_row(c, lang) for c in cookies]
    return f"<table><thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table>"


def _cookie_row(c: ReportCookie, lang: str) -> str:
    where = [f'<span class="small">{escape(c.host)}{escape(c.path)}</span>']
    if c.partition:
        where.append(f'<span class="small">{escape(_w("partition", lang))}: '
                     f"{escape(c.partition)}</span>")
    if c.container:
        where.append(f'<span class="small">{escape(_w("container", lang))}: '
                     f"{escape(c.container)}</span>")
    name = f"<code>{escape(c.name)}</code><br>" + "<br>".join(where)
    expires = escape(_w("session", lang)) if c.session else escape((c.expires or "")[:10])
    text = (escape(c.explanation) if c.explanation
            else f'<span class="small">{escape(_w("no_text", lang))}</span>')
    if c.documented_lifetime:
        text += (f'<br><span class="small">{escape(_w("documented", lang))}: '
                 f"{escape(c.documented_lifetime)}</span>")
    if c.findings:
        items = "".join(f"<li>{escape(f.text)}</li>" for f in c.findings)
        text += (f'<div class="small"><strong>{escape(_w("findings", lang))}:</strong>'
                 f'<ul class="findings">{items}</ul></div>')
    return (f"<tr><td>{name}</td><td>{_category(c.category, lang)}</td><td>{expires}</td>"
            f"<td>{text}</td></tr>")
