from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from bot.handlers.commands import GROUP, HEAD_PRIVATE, PRIVATE
from bot.i18n import CATALOGS, Html, Translator, language_for, placeholders

BOT = Path(__file__).resolve().parents[2] / "bot"
KEY_IN_CODE = re.compile(r"""\btr\(\s*["']([a-z_]+\.[a-z_.]+)["']""")
PREFIX_IN_CODE = re.compile(r"""\btr\(\s*["']([a-z_]+\.)["']\s*\+""")


def test_both_catalogs_have_the_same_keys() -> None:
    assert set(CATALOGS["ru"]) == set(CATALOGS["en"])


@pytest.mark.parametrize("key", sorted(CATALOGS["ru"]))
def test_both_catalogs_take_the_same_parameters(key: str) -> None:
    assert placeholders(CATALOGS["ru"][key]) == placeholders(CATALOGS["en"][key])


def test_every_key_the_code_uses_exists() -> None:
    used = set()
    for path in BOT.rglob("*.py"):
        used |= set(KEY_IN_CODE.findall(path.read_text("utf-8")))
    assert used, "the scan found no keys: the pattern is stale"
    assert sorted(used - set(CATALOGS["ru"])) == []


def test_every_key_built_from_a_prefix_exists() -> None:
    prefixes = set()
    for path in BOT.rglob("*.py"):
        prefixes |= set(PREFIX_IN_CODE.findall(path.read_text("utf-8")))
    assert prefixes >= {"field.", "source.", "cmd."}
    from storage.work.lead_records import KNOWN_FIELDS, LeadSource

    for field in KNOWN_FIELDS:
        assert "field." + field in CATALOGS["ru"]
    for source in LeadSource:
        assert "source." + source.value in CATALOGS["ru"]


@pytest.mark.parametrize(
    ("code", "language"),
    [
        ("en", "en"),
        ("en-GB", "en"),
        ("EN-us", "en"),
        ("ru", "ru"),
        ("uk", "ru"),
        ("de", "ru"),
        (None, "ru"),
    ],
)
def test_english_users_get_english_and_everyone_else_russian(
    code: str | None, language: str
) -> None:
    assert language_for(code) == language


def test_parameters_are_escaped_unless_already_html() -> None:
    tr = Translator("en")
    assert tr("claim.taken_by", name="<i>&</i>") == "Already taken by &lt;i&gt;&amp;&lt;/i&gt;."
    assert tr("claim.taken_by", name=Html("<i>x</i>")) == "Already taken by <i>x</i>."


def code_outside_the_catalogs() -> str:
    paths = [p for p in BOT.rglob("*.py") if (BOT / "i18n") not in p.parents]
    return "\n".join(path.read_text("utf-8") for path in paths)


def test_no_text_in_the_catalog_is_dead() -> None:
    source = code_outside_the_catalogs()
    literal = set(re.findall(r"""["']([a-z_]+\.[a-z_.]+)["']""", source))
    prefixes = set(PREFIX_IN_CODE.findall(source))
    dead = [
        key
        for key in CATALOGS["ru"]
        if key not in literal and not any(key.startswith(prefix) for prefix in prefixes)
    ]
    assert dead == []


@pytest.mark.parametrize("language", ["ru", "en"])
def test_no_part_of_a_catalog_silently_overrides_another(language: str) -> None:
    """The catalog is merged from several files; a key written twice would lose one text."""
    folder = Path(__file__).parents[2] / "bot" / "i18n"
    seen: dict[str, str] = {}
    for path in sorted((folder / language).glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Dict):
                continue
            for key in node.keys:
                if isinstance(key, ast.Constant) and isinstance(key.value, str):
                    assert key.value not in seen, (key.value, seen[key.value], path.name)
                    seen[key.value] = path.name
    assert len(seen) == len(CATALOGS[language])  # type: ignore[index]


def test_every_command_in_a_menu_has_its_description_in_both_languages() -> None:
    # A missing one would stop the bot at start: the menu is built before polling.
    names = set(PRIVATE) | set(GROUP) | set(HEAD_PRIVATE)
    for language in ("ru", "en"):
        assert sorted(n for n in names if f"cmd.{n}" not in CATALOGS[language]) == []
