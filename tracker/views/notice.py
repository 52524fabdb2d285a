"""`tracker notice`: a 督办通知单 per late item — the paper a supervision office
sends an office about one thing it is late on: the matter and the report's
sentence it comes from, the offices and the leader in charge, how late and
short against what, the problem it last reported, the 督办 level reached, by
when to put it right and report back, the issuer and date, and a line for
the office to sign for it. One A4 page each, as HTML (printed by a browser)
and as Word (.docx), which offices pass around; text and JSON too.

Built from the digest's own late items (views/digest.py), so a notice says
exactly what the bulletin says of the same item."""

from __future__ import annotations

from typing import NamedTuple

from tracker.views.bulletin import (
    behind_sentence,
    date_text,
    days_after,
    escalation_text,
    gap_sentence,
    label,
    leaders_text,
    next_step_sentence,
    problem_sentence,
    value_sentence,
)
from tracker.views.common import title_of
from tracker.views.digest import Digest
from tracker.views.model import Table
from tracker.views.report import Report
from tracker.words import say

SCHEMA = "tracker.notice/1"


class Notice(NamedTuple):
    """One 督办通知单, in words (for the page, the text and Word) and as a record."""

    title: str
    number: str
    to: str  # the addressee: the lead office
    intro: str
    fields: tuple[tuple[str, str], ...]  # (label, text), in the order printed
    request: str  # by when and how to report back
    issuer: str
    date: str
    receipt: tuple[str, ...]  # the lines an office signs for it on
    level: str  # its light, for the page's colour: red, yellow, blue
    level_text: str  # the level in words, as its field says it
    record: dict


def notices(digest: Digest) -> tuple[Notice, ...]:
    """A notice for each of the digest's late items, most serious first."""
    summary, lang = digest.summary, digest.lang
    settings = summary.settings
    issuer = settings.issuer or say("bulletin.issuer_default", lang)
    reply_by = days_after(summary.until, settings.reply_within)
    out = []
    for i, (attention, row) in enumerate(zip(summary.attention, digest.attention.rows), 1):
        status = attention.status
        goal = status.goal
        latest = attention.latest
        level = escalation_text(attention.escalation, lang)
        fields = [
            (say("notice.matter", lang), title_of(goal, lang)),
            (say("notice.source", lang), goal.source),
            (say("late.lead", lang), goal.owner),
            (say("late.shared", lang), say("list.names", lang).join(goal.co_owners)),
            (say("late.leader", lang), leaders_text(summary.plan, goal.owners, lang)),
            (say("late.behind", lang), behind_sentence(attention, lang)),
            (say("late.gap", lang), gap_sentence(status, lang)),
            (say("late.value", lang), value_sentence(status, lang)),
            (say("late.problem", lang), problem_sentence(latest, lang)
             or say("bulletin.no_report", lang)),
            (say("late.next", lang), next_step_sentence(latest, summary.until, lang)),
            (say("late.level", lang), level),
            (say("notice.deadline", lang), say("notice.by", lang, date=date_text(reply_by, lang))),
        ]  # fmt: skip
        out.append(
            Notice(
                title=say("notice.title", lang),
                number=say("notice.number", lang, number=digest.masthead.number, n=i),
                to=label(goal.owner, "", lang),
                intro=say(
                    "notice.intro",
                    lang,
                    level=say(f"escalation.{attention.escalation.value}", lang),
                ),
                fields=tuple((k, v) for k, v in fields if v),
                request=say("notice.request", lang, date=date_text(reply_by, lang), issuer=issuer),
                issuer=issuer,
                date=date_text(summary.until, lang),
                receipt=(say("notice.receipt", lang),),
                level=row.record["light"],
                level_text=level,
                record=dict(
                    row.record,
                    number=say("notice.number", lang, number=digest.masthead.number, n=i),
                    reply_by=reply_by.isoformat(),
                    issuer=settings.issuer,
                    source=goal.source,
                ),
            )  # fmt: skip
        )
    return tuple(out)


def notice_report(digest: Digest) -> Report:
    """Every notice in each form: one page each."""
    from functools import cache

    made = cache(lambda: notices(digest))
    lang = digest.lang
    return Report(
        SCHEMA,
        digest.summary.until,
        lambda: {
            "office": digest.summary.office,
            "issuer": digest.summary.settings.issuer,
            "number": digest.masthead.number,
            "notices": [n.record for n in made()],
        },
        tables=lambda: (
            tuple(notice_table(n, lang) for n in made())
            or (Table((), title=say("notice.none", lang)),)
        ),
        template="notice.html.j2",
        page=lambda: {
            "title": say("notice.title", lang),
            "notices": made(),
            "none": say("notice.none", lang),
            "html_lang": say("html.lang", lang),
        },
        papers=made,
    )


def notice_table(notice: Notice, lang: str) -> Table:
    """A notice as text: its head, its fields as labelled lines, the request,
    who issues it and when, the receipt."""
    lines = (
        notice.number,
        "",
        notice.to,
        notice.intro,
        *(label(k, v, lang) for k, v in notice.fields),
        notice.request,
        "",
        notice.issuer,
        notice.date,
        "",
        *notice.receipt,
    )
    return Table((), title=notice.title, header_lines=lines)
