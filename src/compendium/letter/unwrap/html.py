"""HTML: a fragment of a web page, or a scraped page with tags and entities left in it.

Read with the standard library's HTML parser: block elements end a paragraph, <br> ends a
line, a list item is a bullet (numbered in an ordered list), a table's rows are lines of one
block and its cells are set apart as columns (the table step reads them), entities are
characters, scripts and styles are dropped.
Text outside any block element keeps its own line breaks, so a page with only a few tags
left in it keeps its lines."""

from __future__ import annotations

import html as html_lib
import re
from html.parser import HTMLParser

from .lines import Builder, Lines, Result

_TAG = re.compile(r"</?(?:p|br|div|span|li|ul|ol|h[1-6]|strong|em|b|i|u|a|table|tr|td|th|tbody|thead|blockquote|"
                  r"section|article|header|footer|nav|font|center|small|sup|sub)\b[^>]*>", re.I)
_BLOCKS = {"p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "table", "tr", "blockquote", "section",
           "article", "header", "footer", "nav", "main", "aside", "dl", "dt", "dd", "pre", "hr", "address",
           "figure", "figcaption", "form", "center"}
_DOCUMENT = re.compile(r"<(?:p|br|div|li|h[1-6]|tr|td)\b[^>]*>", re.I)
_ENTITY = re.compile(r"&(?:[a-zA-Z]{2,8}|#\d{2,6}|#x[0-9a-fA-F]{2,5});")
# Cells of a row, apart as columns are in plain text: the table step reads them under a
# header row, the structure step reads signatures side by side.
_CELL = "\x00"
_SPACE = re.compile(r"[ \t\r\n\f]+")


class _Reader(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.out = Builder()
        self.line: list[str] = []
        self.line_origin = 0
        self.open_blocks = 0
        self.skip = 0
        self.lists: list[list] = []  # [ordered, counter]
        self.cells = 0

    def _end_line(self) -> None:
        joined = "".join(self.line)
        indent = re.match(r"[\s\u00a0]*", joined).group(0).count("\u00a0")  # &nbsp; runs: an indent
        text = re.sub(r" {2,}", " ", joined.replace("\u00a0", " ")).strip()
        if text:
            self.out.add(" " * indent + re.sub(rf" ?{_CELL} ?", "    ", text), self.line_origin)
        self.line = []

    def _end_block(self) -> None:
        self._end_line()
        self.out.blank(self.getpos()[0] - 1)

    def handle_starttag(self, tag, attrs):
        tag = tag.lower()
        if tag in ("script", "style", "noscript"):
            self.skip += 1
        elif tag == "br":
            self._end_line()
        elif tag == "li":
            self._end_line()
            if self.lists and self.lists[-1][0]:
                self.lists[-1][1] += 1
                self._text(f"{self.lists[-1][1]}. ")
            else:
                self._text("• ")
        elif tag in ("td", "th"):
            if self.cells:
                self.line.append(_CELL)
            self.cells += 1
        elif tag == "tr":  # a table's rows are lines of one block, as in a plain-text table
            self._end_line()
            self.cells = 0
        elif tag in _BLOCKS:
            self._end_block()
            self.open_blocks += 1
            if tag in ("ul", "ol"):
                self.lists.append([tag == "ol", 0])

    def handle_startendtag(self, tag, attrs):
        if tag.lower() == "br":
            self._end_line()
        elif tag.lower() in ("hr",):
            self._end_block()

    def handle_endtag(self, tag):
        tag = tag.lower()
        if tag in ("script", "style", "noscript"):
            self.skip = max(0, self.skip - 1)
        elif tag == "li":
            self._end_line()
        elif tag == "tr":
            self._end_line()
        elif tag in _BLOCKS:
            if tag in ("ul", "ol") and self.lists:
                self.lists.pop()
            self._end_block()
            self.open_blocks = max(0, self.open_blocks - 1)

    def _text(self, s: str) -> None:
        if not "".join(self.line).strip():
            self.line_origin = self.getpos()[0] - 1
        self.line.append(s)

    def handle_data(self, data):
        if self.skip:
            return
        if self.open_blocks:
            lead = data[: len(data) - len(data.lstrip())].count("\n")  # the text starts lines below
            data = _SPACE.sub(" ", data)
            if data.strip() or self.line:
                if not "".join(self.line).strip():
                    data = data.lstrip(" \t\r\n\f")  # not &nbsp;: an indent
                if data:
                    start = self.getpos()[0] - 1 + lead
                    if not "".join(self.line).strip():
                        self.line_origin = start
                    self.line.append(data)
            return
        # Outside any block: the text's own line breaks are lines.
        row = self.getpos()[0] - 1
        for k, piece in enumerate(data.split("\n")):
            if k:
                self._end_line()
                if not piece.strip() and k < data.count("\n"):
                    self.out.blank(row + k)
            if piece.strip():
                if not "".join(self.line).strip():
                    self.line_origin = row + k
                self.line.append(piece if self.line else piece.strip())


def is_html(text: str) -> bool:
    return len(_DOCUMENT.findall(text)) >= 2


def unwrap(lines: Lines) -> Result | None:
    text = "\n".join(lines.text)
    if is_html(text):
        r = _Reader()
        r.feed(text)
        r.close()
        r._end_line()
        res = r.out.result()
        res.lines.origin = [lines.origin[min(o, len(lines.origin) - 1)] for o in res.lines.origin]
        return res
    if not (_TAG.search(text) or _ENTITY.search(text)):
        return None
    # A few tags or entities left in a page of plain lines: each line read on its own.
    out = [html_lib.unescape(_TAG.sub("", ln)).replace("\u00a0", " ").rstrip() for ln in lines.text]
    if out == lines.text:
        return None
    return Result(Lines(out, list(lines.origin)))
