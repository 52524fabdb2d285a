"""Printable papers as a Word document (.docx), through python-docx: offices
pass Word files around, edit them and file them. One paper a page (A4), its
title centred, its fields as labelled paragraphs, the issuer and date set
right, a line to sign for it. python-docx is imported only here, only when a
document is made, and is optional (the `word` extra): the command asks for
it first and says how to install it (cli/notice.py)."""

from __future__ import annotations

import io

from tracker.render.text import inert

FONT = "SimSun"  # 宋体: what a Chinese office's Word has, and what 公文 are set in
HEADING_FONT = "SimHei"  # 黑体


def render_docx(papers: tuple) -> bytes:
    """The papers (views.notice.Notice) as the bytes of a .docx file."""
    from docx import Document
    from docx.enum.section import WD_ORIENT
    from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
    from docx.oxml.ns import qn
    from docx.shared import Mm, Pt, RGBColor

    document = Document()
    section = document.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Mm(210), Mm(297)
    for side in ("left_margin", "right_margin"):
        setattr(section, side, Mm(25))
    section.top_margin, section.bottom_margin = Mm(25), Mm(20)
    normal = document.styles["Normal"]
    normal.font.name = FONT
    normal.font.size = Pt(12)
    # East Asian text takes its own font setting in Word.
    normal.element.rPr.rFonts.set(qn("w:eastAsia"), FONT)

    def paragraph(text: str, *, size: float = 12, bold: bool = False, align=None,
                  font: str = FONT, colour=None, after: float = 4):  # fmt: skip
        made = document.add_paragraph()
        run = made.add_run(inert(text))
        run.font.size, run.font.bold, run.font.name = Pt(size), bold, font
        run.element.rPr.rFonts.set(qn("w:eastAsia"), font)
        if colour is not None:
            run.font.color.rgb = colour
        if align is not None:
            made.alignment = align
        made.paragraph_format.space_after = Pt(after)
        return made

    red = RGBColor(0xC0, 0x00, 0x00)
    for i, paper in enumerate(papers):
        if i:
            document.paragraphs[-1].runs[-1].add_break(WD_BREAK.PAGE)
        paragraph(paper.issuer, size=20, bold=True, align=WD_ALIGN_PARAGRAPH.CENTER,
                  font=HEADING_FONT, colour=red)  # fmt: skip
        paragraph(paper.title, size=18, bold=True, align=WD_ALIGN_PARAGRAPH.CENTER,
                  font=HEADING_FONT)  # fmt: skip
        paragraph(paper.number, size=11, align=WD_ALIGN_PARAGRAPH.CENTER, after=10)
        paragraph(paper.to, bold=True)
        paragraph(paper.intro, after=8).paragraph_format.first_line_indent = Pt(24)
        for label, text in paper.fields:
            made = document.add_paragraph()
            head = made.add_run(inert(label) + "：")
            head.font.bold = True
            head.font.name = HEADING_FONT
            head.element.rPr.rFonts.set(qn("w:eastAsia"), HEADING_FONT)
            made.add_run(inert(text))
            made.paragraph_format.space_after = Pt(3)
        paragraph(paper.request, after=16).paragraph_format.first_line_indent = Pt(24)
        paragraph(paper.issuer, align=WD_ALIGN_PARAGRAPH.RIGHT, after=0)
        paragraph(paper.date, align=WD_ALIGN_PARAGRAPH.RIGHT, after=24)
        for line in paper.receipt:
            paragraph(line, size=11)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()
