"""A complete MIME message for `sendmail -t`: plain text and HTML alternatives,
UTF-8 throughout, built with the standard library's `email`. It is handed both
bodies already drawn (render.out draws them), so it draws nothing itself; the
HTML has its styles inlined into every element first, as mail needs."""

from __future__ import annotations


def mail_html(html: str) -> str:
    """The page with its stylesheet written into each element's `style`
    attribute (css-inline): webmail and desktop clients drop or ignore a
    <style> block, and then show the page as a browser does only if every
    element carries its own style. What only some screens need (a phone's
    layout, printing) stays behind in a <style> block as @media rules, for
    the clients that honour them. Nothing is fetched from anywhere."""
    import css_inline

    inliner = css_inline.CSSInliner(keep_at_rules=True, load_remote_stylesheets=False)
    return inliner.inline(html)


def mime_message(plain: str, html: str, headers: dict[str, str]) -> str:
    """A mail of `plain` and its `html` alternative (its styles inlined) with
    `headers` (To, Subject, and optionally From and Date). The bodies are
    base64, so the message is plain ASCII and passes any mail transfer agent;
    non-ASCII headers are RFC 2047 encoded-words. A Message-ID is made here
    (a client threads and deduplicates by it; a relay that adds its own may
    not), in the sender's domain when there is a From."""
    from email.headerregistry import Address
    from email.message import EmailMessage
    from email.policy import default
    from email.utils import formatdate, make_msgid

    message = EmailMessage(policy=default)
    for name, value in headers.items():
        if value:
            message[name] = value
    if not message["Date"]:
        message["Date"] = formatdate(localtime=True)
    domain = None
    if message["From"]:
        addresses: tuple[Address, ...] = message["From"].addresses
        domain = addresses[0].domain if addresses and addresses[0].domain else None
    message["Message-ID"] = make_msgid(idstring="tracker", domain=domain or "tracker.invalid")
    message.set_content(plain, subtype="plain", charset="utf-8", cte="base64")
    message.add_alternative(mail_html(html), subtype="html", charset="utf-8", cte="base64")
    return message.as_string()
