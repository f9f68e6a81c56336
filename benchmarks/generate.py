"""Generated letters for benchmarks: templates filled with varied names,
organizations and dates, reproducibly (a seeded generator).

Never touches data/raw: it writes into the folder it is given.
"""

from __future__ import annotations

import datetime as dt
import random
from pathlib import Path

GIVEN = ["Amara", "Boris", "Chen", "Dalia", "Emil", "Farah", "Goran", "Hana", "Ivo", "Jae", "Kofi", "Lena",
         "Mateo", "Nadia", "Omar", "Priya", "Quinn", "Rosa", "Sven", "Tara", "Umar", "Vera", "Wen", "Yusuf"]
FAMILY = ["Abara", "Berg", "Castillo", "Demir", "Eklund", "Fofana", "Garcia", "Haddad", "Ito", "Jansen", "Kim",
          "Lindqvist", "Moreau", "Novak", "Okafor", "Petrov", "Quispe", "Rahman", "Sato", "Tanaka", "Usman",
          "Varga", "Wojcik", "Yilmaz"]
TITLES = ["Executive Director", "Director", "Senior Fellow", "Professor", "President", "Program Officer",
          "Senior Adviser", "Research Director"]
ORGS = ["Human Rights Watch", "Freedom House", "Human Rights First", "Georgetown University",
        "Center for Strategic and International Studies", "Open Society Foundations", "Liberty in North Korea",
        "The Century Foundation", "The Committee for Human Rights in North Korea",
        "Harbor Rights Collective", "Institute for Example Studies", "Northern Light Foundation",
        "Coalition for Accountability Now", "Riverside University"]
SUBJECTS = ["Accountability for crimes against humanity", "Support for the field-based office",
            "The coming General Assembly resolution", "Access for humanitarian monitors"]
BODY = [
    "We write to urge you to raise this matter at the Security Council later this month.",
    "In {month}, the Human Rights Council adopted a strong resolution, and we appreciate your support.",
    "The Commission of Inquiry presented its report earlier this year, documenting torture and forced starvation.",
    "We recommend that the United States co-sponsor the draft resolution in September.",
    "As President Barack Obama said, this is “a matter of the utmost seriousness.”",
    "We also request that you meet with survivors before the end of {later}.",
]


def letter(rng: random.Random, index: int) -> tuple[str, str]:
    day = dt.date(2013, 1, 1) + dt.timedelta(days=rng.randrange(0, 3 * 365))
    month = dt.date(2000, rng.randrange(1, 13), 1).strftime("%B")
    later = dt.date(2000, rng.randrange(1, 13), 1).strftime("%B")
    paras = [p.format(month=month, later=later) for p in rng.sample(BODY, k=rng.randrange(3, len(BODY) + 1))]
    sigs = []
    for _ in range(rng.randrange(5, 16)):
        name = f"{rng.choice(GIVEN)} {rng.choice(FAMILY)}"
        org = rng.choice(ORGS)
        if rng.random() < 0.2:
            sigs.append(f"{name}\n\n{rng.choice(TITLES)}, {org}\n\n{rng.choice(TITLES)}, {rng.choice(ORGS)}")
        else:
            sigs.append(f"{name}\n\n{rng.choice(TITLES)}\n\n{org}")
    subject = rng.choice(SUBJECTS)
    text = (f"Skip to main content\n\n{day.strftime('%B')} {day.day}, {day.year}\n\n"
            f"Secretary of State John F. Kerry\n\nThe State Department\n\nRe: {subject}\n\n"
            f"Dear Secretary Kerry,\n\n" + "\n\n".join(paras) + "\n\nSincerely,\n\n\u00a0\n\n"
            + "\n\n\u00a0\n\n".join(sigs) + "\n\n\u00a0\n\nRegion / Country\n")
    letter_id = f"{day.isoformat()}-generated-{index:04d}"
    return letter_id, text


def write_corpus(folder: Path, n: int, seed: int = 2014) -> list[Path]:
    """n generated letters as UTF-8 files named <letter id>.txt in `folder`."""
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    out = []
    for i in range(n):
        letter_id, text = letter(rng, i)
        path = folder / f"{letter_id}.txt"
        path.write_text(text, encoding="utf-8")
        out.append(path)
    return out
