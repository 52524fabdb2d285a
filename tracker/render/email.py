"""A report as a complete MIME message for `sendmail -t`: plain text and HTML
alternatives, UTF-8 throughout, built with the standard library's `email`."""

from __future__ import annotations

from tracker.views.report import Report


def render_email(report: Report, headers: dict[str, str]) -> str:
    """`report` as a mail message with `headers` (To, Subject, and optionally
    From and Date). The bodies are base64, so the message is plain ASCII and
    passes any mail transfer agent; non-ASCII headers are RFC 2047 encoded-words.
    Message-ID, and From or Date when not given, are left to sendmail, which adds
    them."""
    from email.message import EmailMessage
    from email.policy import default

    from tracker.render.out import render

    message = EmailMessage(policy=default)
    for name, value in headers.items():
        if value:
            message[name] = value
    plain = render(report, "text") or ""
    message.set_content(plain, subtype="plain", charset="utf-8", cte="base64")
    html = render(report, "html") or ""
    message.add_alternative(html, subtype="html", charset="utf-8", cte="base64")
    return message.as_string()
