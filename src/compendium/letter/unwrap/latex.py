"""LaTeX source: a letter kept as the .tex it was written in (the `letter` class, or an article).

The preamble and the lines that only open or close an environment or set the layout are the
source's own; `\\date{…}`, `\\opening{…}` and `\\closing{…}` hold the letter's date, greeting and
closing; `\\begin{letter}{…}` its addressee, one line per `\\\\`. Inline commands keep their text
(`\\textbf{Re: …}`), ties are spaces and escapes their characters. A `tabular` row becomes one
line with its cells set apart by wide gaps, as columns of signatures are laid out in text."""

from __future__ import annotations

import re

from .lines import Builder, Lines, Result

_SIGN = re.compile(r"^\s*\\(?:documentclass|begin\{document\})", re.M)
_COMMENT = re.compile(r"(?<!\\)%.*$")
# Commands whose one argument is text the letter shows.
_TEXT_ARG = re.compile(r"\\(?:date|opening|closing|title|subject|section\*?|subsection\*?|paragraph\*?|"
                       r"textbf|textit|emph|underline|textsc|texttt|textrm|textsf|mbox|url)\{([^{}]*)\}")
_HREF = re.compile(r"\\href\{[^{}]*\}\{([^{}]*)\}")
_LETTER = re.compile(r"^\s*\\begin\{letter\}\{(?P<to>.*)\}\s*$")
_ITEM = re.compile(r"^\s*\\item(?:\[[^\]]*\])?\s+")
# A line of commands only, none of them holding text: \usepackage{…}, \begin{itemize}, \vspace{1em}.
# (options before or after the arguments: \begin{itemize}[noitemsep])
_MARKUP = re.compile(r"^\s*(?:\\[A-Za-z@]+\*?(?:\[[^\]]*\]|\{(?:[^{}]|\{[^{}]*\})*\})*\s*)+$")
_ESCAPES = {r"\%": "%", r"\&": "&", r"\$": "$", r"\#": "#", r"\_": "_", r"\{": "{", r"\}": "}",
            "---": "—", "--": "–", "``": "“", "''": "”", "~": " ", r"\,": " ", r"\ ": " "}
_ROW_END = re.compile(r"\s*\\\\(?:\[[^\]]*\])?\s*$")


def is_latex(text: str) -> bool:
    return bool(_SIGN.search(text))


def _text(s: str) -> str:
    """What a reader of the typeset page sees of a line's text."""
    for _ in range(4):  # nested commands: \textbf{\emph{…}}
        s2 = _HREF.sub(r"\1", _TEXT_ARG.sub(r"\1", s))
        if s2 == s:
            break
        s = s2
    s = re.sub(r"\\(?:noindent|par|newline|linebreak|hfill|quad|qquad|smallskip|medskip|bigskip)\b\s*", " ", s)
    for k, v in _ESCAPES.items():
        s = s.replace(k, v)
    return re.sub(r"[ \t]+", " ", s).strip()


def unwrap(lines: Lines) -> Result | None:
    if not is_latex("\n".join(lines.text)):
        return None
    out = Builder()
    in_body = False
    in_table = False
    for raw, origin in zip(lines.text, lines.origin):
        line = _COMMENT.sub("", raw)
        if raw.strip() and not line.strip():
            out.drop(origin, raw, "comment")
            continue
        if re.match(r"\s*\\begin\{document\}", line):
            in_body = True
        if re.match(r"\s*\\begin\{tabular", line):
            in_table = True
        if re.match(r"\s*\\end\{tabular", line):
            in_table = False
        if m := _LETTER.match(line):
            for part in re.split(r"\\\\", m.group("to")):
                if part.strip():
                    out.add(_text(part), origin)
            out.blank(origin)
            continue
        # a text command alone on its line shows its text: \opening{…}, and in the body \textbf{Re: …}
        kept = _TEXT_ARG.search(line) and (re.match(r"\s*\\(?:date|opening|closing|title|subject|section)", line)
                                           or in_body and _TEXT_ARG.sub("", line).strip() == "")
        if not kept and (_MARKUP.match(line) or not in_body and line.strip()):
            out.drop(origin, raw, "LaTeX markup" if in_body else "LaTeX preamble")
            continue
        if not line.strip():
            out.blank(origin)
            continue
        if _ITEM.match(line):
            line = "• " + _ITEM.sub("", line)
        if in_table and re.search(r"(?<!\\)&", line):
            ends_group = bool(re.search(r"\\\\\[[^\]]*\]\s*$", line))
            cells = [_text(c) for c in re.split(r"(?<!\\)&", _ROW_END.sub("", line))]
            out.add("        ".join(cells).rstrip(), origin)
            if ends_group:
                out.blank(origin)
            continue
        out.add(_text(_ROW_END.sub("", line)), origin)
    return out.result()
