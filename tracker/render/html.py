"""HTML pages from Jinja2 templates with autoescaping: user text never becomes markup."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

from jinja2 import Environment, FileSystemBytecodeCache, FileSystemLoader, StrictUndefined
from markupsafe import Markup

from tracker import __version__, user_cache_folder

TEMPLATES = Path(__file__).parent / "templates"
_OPTIONS = {"autoescape": True, "trim_blocks": True, "lstrip_blocks": True}


class _CompiledTemplates(FileSystemBytecodeCache):
    """Each template compiled once, not at every page: the bulletin's takes
    25 ms to compile and milliseconds to load. Kept in the user's own cache
    folder (beside the key that seals log caches, and as private), one file
    per template, known by the template's text and everything else that
    shapes the code compiled from it. A cache file that is missing, torn or
    from another version is compiled again; one that cannot be written is
    not kept. Never a page the less."""

    def __init__(self, folder: Path):
        super().__init__(str(folder), "%s.jinja")
        self._shape = repr((sorted(_OPTIONS.items()), __version__)).encode()

    def get_source_checksum(self, source: str) -> str:
        return hashlib.sha1(self._shape + source.encode("utf-8"), usedforsecurity=False).hexdigest()

    def load_bytecode(self, bucket) -> None:
        try:
            super().load_bytecode(bucket)
        except Exception:  # torn or foreign (pickle and marshal raise what they like)
            bucket.reset()

    def dump_bytecode(self, bucket) -> None:
        try:
            os.makedirs(self.directory, mode=0o700, exist_ok=True)
            super().dump_bytecode(bucket)
        except OSError:  # a read-only or full disk, no home folder: compiled next time
            pass


def render_html(template: str, context: dict) -> str:
    from tracker.render.svg import svg_chart
    from tracker.render.text import inert

    env = Environment(
        loader=FileSystemLoader(TEMPLATES),
        undefined=StrictUndefined,
        bytecode_cache=_CompiledTemplates(user_cache_folder() / "templates"),
        **_OPTIONS,
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
