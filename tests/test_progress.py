"""What a build says while it runs: one progress bar on a terminal, plain lines otherwise."""

from __future__ import annotations

import io

from compendium.progress import Progress


def test_not_a_terminal_gives_plain_lines():
    out = io.StringIO()
    p = Progress(2, stream=out)
    p.detail("[start] a/timeline")
    p.report("a/timeline")
    p.line("[warning] a/timeline: something")
    p.close()
    assert out.getvalue() == "[start] a/timeline\n[warning] a/timeline: something\n"


def test_a_terminal_gets_one_bar_with_phase_counts_and_time_left():
    out = io.StringIO()
    p = Progress(3, stream=out, tty=True)
    p.letter(1, 2, "a")
    p.detail("[start] a/timeline")  # the bar says it: not printed
    p.report("a/timeline")
    p.line("[warning] a/timeline: something")  # printed above the bar
    p.report("a/coalition")
    p.report("corpus")
    p.close()
    text = out.getvalue()
    assert "[start]" not in text and "[warning] a/timeline: something\n" in text
    assert "processing letters 1/2" in text
    last = text.rstrip("\n").split("\r")[-1]
    assert "reports: 100%" in last and "3/3 reports" in last and "left], corpus" in last
