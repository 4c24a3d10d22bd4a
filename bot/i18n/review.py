"""Print a catalog grouped by screen, to read every text as a whole.

    python -m bot.i18n.review [ru|en]

A screen is what the keys share before their first dot (`setup`, `card`, `vacation`…);
placeholders stay as they are, so a text reads as its template.
"""

from __future__ import annotations

import sys
from itertools import groupby

from bot.i18n import CATALOGS, language_for


def review(language: str) -> str:
    catalog = CATALOGS[language_for(language)]
    out: list[str] = []
    keys = sorted(catalog, key=lambda k: (k.split(".")[0], k))
    for screen, group in groupby(keys, key=lambda k: k.split(".")[0]):
        out.append(f"== {screen} ==")
        for key in group:
            text = catalog[key].replace("\n", "\n    ")
            out.append(f"  {key}: {text}")
        out.append("")
    return "\n".join(out)


if __name__ == "__main__":
    print(review(sys.argv[1] if len(sys.argv) > 1 else "ru"))
