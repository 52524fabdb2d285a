"""A complete MIME message for `sendmail -t`: plain text and HTML alternatives,
UTF-8 throughout, built with the standard library's `email`. It is handed both
bodies already drawn (render.out draws them), so it draws nothing itself."""

from __future__ import annotations


def mime_message(plain: str, html: str, headers: dict[str, str]) -> str:
    """A mail of `plain` and its `html` alternative with `headers` (To, Subject,
    and optionally From and Date). The bodies are base64, so the message is
    plain ASCII and passes any mail transfer agent; non-ASCII headers are RFC
    2047 encoded-words. Message-ID, and From or Date when not given, are left to
    sendmail, which adds them."""
    from email.message import EmailMessage
    from email.policy import default

    message = EmailMessage(policy=default)
    for name, value in headers.items():
        if value:
            message[name] = value
    message.set_content(plain, subtype="plain", charset="utf-8", cte="base64")
    message.add_alternative(html, subtype="html", charset="utf-8", cte="base64")
    return message.as_string()
