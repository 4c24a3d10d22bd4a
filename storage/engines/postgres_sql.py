"""Our SQL, written once with SQLite's `?` and `?N` placeholders, in asyncpg's `$N`."""

from __future__ import annotations

from functools import lru_cache


@lru_cache(maxsize=4096)
def numbered(sql: str) -> str:
    """`?` becomes the next number past the highest used so far (SQLite's own rule), `?N`
    becomes `$N`; quoted text and names are left as they are."""
    out: list[str] = []
    highest = 0
    i, n = 0, len(sql)
    while i < n:
        char = sql[i]
        if char in "'\"":
            end = sql.index(char, i + 1)
            # A doubled quote is a quote inside the literal: keep scanning past it.
            while end + 1 < n and sql[end + 1] == char:
                end = sql.index(char, end + 2)
            out.append(sql[i : end + 1])
            i = end + 1
        elif char == "?":
            j = i + 1
            while j < n and sql[j].isdigit():
                j += 1
            number = int(sql[i + 1 : j]) if j > i + 1 else highest + 1
            highest = max(highest, number)
            out.append(f"${number}")
            i = j
        else:
            out.append(char)
            i += 1
    return "".join(out)
