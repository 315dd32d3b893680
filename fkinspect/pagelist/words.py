"""The comparison, the list in use and its age in words, for the CLI, the report and
the app alike (one place for each sentence; Swedish from the gettext catalog)."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from fkinspect.i18n import N_, catalog, text
from fkinspect.lifetime import Lifetime, describe
from fkinspect.model import Category
from fkinspect.pagelist.compare import Change, Comparison
from fkinspect.pagelist.reader import Unusable
from fkinspect.policy import Policy
from fkinspect.wording import AGENCY, category_label

if TYPE_CHECKING:  # the report needs these words, not the storing of lists
    from fkinspect.pagelist.stored import InUse


def _(language: str, msgid: str) -> str:
    return catalog(language).gettext(msgid)


def outdated(policy: Policy, today: date) -> bool:
    """More than 12 months older than today (on the calendar)."""
    updated = policy.source.updated
    try:
        year_later = updated.replace(year=updated.year + 1)
    except ValueError:  # 29 February
        year_later = date(updated.year + 1, 3, 1)
    return today > year_later


def list_in_use(policy: Policy, language: str) -> str:
    """Which list is in use, with its date."""
    source = policy.source
    if source.imported:
        return _(language, "The list in use: adopted from the saved page {file}, "
                           "updated {date}.").format(file=source.text_file,
                                                     date=source.updated.isoformat())
    return _(language, "The list in use: the built-in list, updated {date}.").format(
        date=source.updated.isoformat())


def in_use_words(policy: Policy, today: date, language: str) -> str:
    """Which list is in use, and the line on its age when it is old (the report's words)."""
    old = outdated_line(policy, today, language)
    return list_in_use(policy, language) + (f" {old}" if old else "")


def outdated_line(policy: Policy, today: date, language: str, *,
                  in_app: bool = False) -> str | None:
    """One quiet line when the list is more than a year old; None otherwise."""
    if not outdated(policy, today):
        return None
    if in_app:
        return _(language, "The list is over a year old: see Help → Compare with a saved "
                           "page…")
    return _(language, "The list is more than a year old. To check it: save the "
                       "cookie page from forsakringskassan.se in your browser and "
                       "compare it (fkinspect policy --compare PAGE).")


def problem_line(in_use: InUse, language: str) -> str | None:
    """The warning when an adopted list was ignored."""
    if in_use.problem is None:
        return None
    reason = (_(language, "it is damaged") if in_use.problem == "damaged"
              else _(language, "it was not written by fkinspect for this user"))
    return _(language, "The adopted cookie list is not used ({reason}: {detail}); "
                       "the built-in list is used instead.").format(reason=reason,
                                                                   detail=in_use.detail)


def not_the_page(reason: Unusable, language: str) -> str:
    msgid = {
        Unusable.UNREADABLE: N_("The file is empty or not a web page."),
        Unusable.OTHER_SITE: N_("The file is not {agency}'s cookie page (its title does not "
                                "name {agency})."),
        Unusable.NO_LIST: N_("The file is not {agency}'s cookie page (it has none of the "
                             "list's sections)."),
        Unusable.NO_DATE: N_("The file is not {agency}'s cookie page (it has no “Senast "
                             "uppdaterad” date)."),
    }[reason]
    return text(language, msgid, agency=AGENCY)


def comparison_lines(comparison: Comparison, language: str) -> list[str]:
    """The comparison in plain words, one line each, the safety notes last."""
    c = comparison
    lines = [_(language, "The page was updated {page}; the list in use {policy}.").format(
        page=c.page_date.isoformat(), policy=c.policy_date.isoformat())]
    if c.same:
        lines.append(_(language, "The page and the list in use say the same."))
        return lines
    if not (c.added or c.removed or c.changed or c.unplaced):
        lines.append(_(language, "Only the date differs: the cookies are the same."))
    lines += [_(language, "New on the page: {name} ({category}).").format(
        name=a.name, category=category_label(a.category, language)) for a in c.added]
    lines += [_(language, "No longer on the page: {name} ({category}).").format(
        name=r.name, category=category_label(r.category, language)) for r in c.removed]
    lines += [_change(change, language) for change in c.changed]
    lines += [_(language, "Could not be read, left out: “{text}”.").format(text=u)
              for u in c.unplaced]
    return lines + safety_lines(c, language)


def safety_lines(comparison: Comparison, language: str) -> list[str]:
    """What adopting the list changes for the next clean (adopting deletes nothing)."""
    out = [*(c.name for c in comparison.category_changes(Category.ANALYTICS, leaving=True)),
           *(r.name for r in comparison.removed if r.category is Category.ANALYTICS)]
    into = [*(c.name for c in comparison.category_changes(Category.ANALYTICS, leaving=False)),
            *(a.name for a in comparison.added if a.category is Category.ANALYTICS)]
    lines = [_(language, "{name} is no longer an analytics cookie: after you adopt this list, "
                         "cleaning no longer removes it.").format(name=n) for n in out]
    lines += [_(language, "{name} is now an analytics cookie: after you adopt this list, "
                          "cleaning offers to remove it.").format(name=n) for n in into]
    return lines


def _change(change: Change, language: str) -> str:
    was, now = change.was, change.now
    if change.field == "category":
        was, now = (_category_words(v, language) for v in (was, now))
        template = _(language, "{name} has moved: {was} → {now}.")
    elif change.field == "lifetime":
        was, now = (describe(Lifetime.parse(v), language) for v in (was, now))
        template = _(language, "The lifetime of {name} has changed: {was} → {now}.")
    elif change.field == "name":
        template = _(language, "{was} is now written {now}.")
    else:
        template = _(language, "The page's sentence on {name} has changed: “{now}”.")
    name = change.name
    if name == Category.THIRD_PARTY.value:  # the sentence naming the other sites
        name = category_label(Category.THIRD_PARTY, language)
    return template.format(name=name, was=was, now=now)


def _category_words(value: str, language: str) -> str:
    return category_label(Category(value), language)

