"""Line patterns shared by cleaning and structure: what a letter's parts look like."""

from __future__ import annotations

import re

CLOSING = re.compile(
    r"^(?:(?:With )?(?:Sincerely|Respectfully|Faithfully|Cordially|Gratefully)(?: yours| submitted)?"
    r"|Yours (?:sincerely|faithfully|truly|respectfully)|Very truly yours"
    r"|(?:With )?(?:Best|Kind|Warm|Warmest)? ?[Rr]egards|With respect|Thank you)[,.]?\s*$"
)
SALUTATION = re.compile(r"^(?:Dear|To|My dear)\s+.{2,80}[,:]\s*$|^(?:Your )?Excellency[,:]\s*$|^Sir[,:]\s*$")
SUBJECT = re.compile(r"^(?:Re|RE|Subject|SUBJECT|Subj\.?)\s*:\s*(?P<subject>.+?)\s*$")
CC = re.compile(r"^(?:cc|CC|Cc|c\.c\.)\s*[:.]?\s*(?P<rest>.*)$")

# Page chrome of the sites letters are scraped from; a line matching one of
# these is never letter text. The span finder (clean.py) does most of the
# cutting; this list names what it cut and catches chrome inside the span.
CHROME = [
    (re.compile(r"^skip to (?:main )?content$", re.I), "navigation link"),
    (re.compile(r"tax[- ]deductible|\bdonat(?:e|ion)\b|\bgive now\b|support our work", re.I), "donation appeal"),
    (re.compile(r"^region\s*/\s*country$", re.I), "topic navigation"),
    (re.compile(r"^most (?:viewed|read|popular)\b", re.I), "popular-pages widget"),
    (re.compile(r"^(?:share|print|email|tweet)(?: this)?(?: (?:page|article|via .*))?$", re.I), "share buttons"),
    (re.compile(r"^(?:related (?:content|content|news|reports?)|more reading|read more|see also)$", re.I), "related-content links"),
    (re.compile(r"^(?:subscribe|sign up|follow us|newsletter)\b", re.I), "subscription prompt"),
    (re.compile(r"cookie|privacy policy|terms of (?:use|service)|all rights reserved|^©|^copyright\b", re.I), "site footer"),
    (re.compile(r"^(?:menu|search|back to top|topics?|tags?:?|download (?:the )?(?:pdf|full .*))$", re.I), "navigation link"),
]


def chrome_reason(line: str) -> str | None:
    s = line.strip()
    for pattern, reason in CHROME:
        if pattern.search(s):
            return reason
    return None
