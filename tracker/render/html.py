"""HTML pages from Jinja2 templates with autoescaping: user text never becomes markup."""

from __future__ import annotations

from pathlib import Path

TEMPLATES = Path(__file__).parent / "templates"


def render_html(template: str, context: dict) -> str:
    from jinja2 import Environment, FileSystemLoader, StrictUndefined
    from markupsafe import Markup

    from tracker.render.svg import svg_chart
    from tracker.render.text import inert

    env = Environment(
        loader=FileSystemLoader(TEMPLATES),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    # Every value printed is made inert (control characters escaped) before
    # autoescaping turns <, > and & into entities; markup the template made
    # itself (a macro's output) is left as it is.
    env.finalize = lambda value: (
        inert(value) if isinstance(value, str) and not isinstance(value, Markup) else value
    )
    # Views hand over chart data; the page draws it.
    env.globals["svg_chart"] = svg_chart
    return env.get_template(template).render(**context)
