"""Russian that reads right for everyone: Telegram never tells us a person's gender.

A template may not use a word form that agrees with a person in one gender only (a past
tense verb, a short adjective, a pronoun), and may not mix up "команда" the team with
"команда" the command. The list below is the forms to avoid; add to it when a new text
needs a word that has them.
"""

from __future__ import annotations

import re

import pytest

from bot.i18n import Translator
from bot.i18n import ru as ru_catalog

# Past tense and short forms that show a gender, and personal pronouns for a third person.
GENDERED = frozenset(
    {
        "взял", "взяла", "забрал", "забрала", "ушёл", "ушла", "вернул", "вернула", "вернулся",
        "вернулась", "удалил", "удалила", "заблокировал", "заблокировала", "открыл", "открыла",
        "нажал", "нажала", "вступил", "вступила", "назначил", "назначила", "отказался",
        "отказалась",
        "связался", "связалась", "позвонил", "позвонила",
        "принял", "приняла", "передал", "передала", "нашёл", "нашла", "смог", "смогла", "понял",
        "поняла", "убрал", "убрала", "добавил", "добавила", "отправил", "отправила", "написал",
        "написала", "недоступен", "недоступна", "доступен", "доступна", "готов", "готова",
        "должен", "должна", "согласен", "согласна", "уверен", "уверена", "рад", "рада", "убран",
        "убрана", "сам", "сама", "первым", "первой", "последним", "последней", "он", "она",
        "его", "её", "ему", "ей", "него", "неё", "ним", "ней", "нему",
    }
)  # fmt: skip
HEDGES = re.compile(r"\((?:а|ла|ась|ая)\)")
WORD = re.compile(r"[а-яё]+", re.IGNORECASE)


def words(template: str) -> set[str]:
    plain = re.sub(r"<[^>]+>|\{[a-z_]+\}", " ", template)
    return {word.casefold() for word in WORD.findall(plain)}


@pytest.mark.parametrize("key", sorted(ru_catalog.MESSAGES))
def test_no_russian_text_guesses_a_persons_gender(key: str) -> None:
    template = ru_catalog.MESSAGES[key]
    assert not HEDGES.search(template), f"{key}: (а)-style hedge"
    assert words(template) & GENDERED == set(), key


def test_the_gendered_list_catches_what_it_is_meant_to() -> None:
    assert words("Уже забрал(а) {name}.") & GENDERED == {"забрал"}
    assert HEDGES.search("Уже забрал(а) {name}.")
    assert words("{name} недоступен, лиды остаются за ним") & GENDERED == {"недоступен", "ним"}


def test_the_team_chat_is_never_called_the_chat_of_the_command() -> None:
    for key, template in ru_catalog.MESSAGES.items():
        assert "чат команды" not in template and "чате команды" not in template, key


def test_the_start_button_is_called_as_russian_telegram_calls_it() -> None:
    texts = "\n".join(ru_catalog.MESSAGES.values())
    assert "«Старт»" not in texts and "«Запустить»" in texts


@pytest.mark.parametrize(
    ("key", "params", "expected"),
    [
        ("claim.taken_by", {"name": "Ольга Смирнова"}, "Лид уже взят: Ольга Смирнова."),
        (
            "card.taken",
            {"name": "Иван Петров", "waited": "через 12 с"},
            "✅ В работе у: <b>Иван Петров</b>, взят через 12 с",
        ),
    ],
)
def test_names_stand_in_the_nominative(key: str, params: dict[str, str], expected: str) -> None:
    assert Translator("ru")(key, **params) == expected


# The English words the bot itself uses as setting values, mode names and field keys. A
# Russian text may show them only inside a command or an example (`<code>`, or a /command
# with its arguments); elsewhere it says them in Russian.
OUR_ENGLISH = frozenset(
    {
        "first_come", "round_robin", "head_decides", "roundrobin", "today", "tomorrow",
        "federal", "hold", "duty", "entity", "brand", "operating", "registered", "on", "off",
        "daily", "mon", "tue", "wed", "thu", "fri", "sat", "sun", "team", "region", "channel",
        "industry", "product", "registered_region", "utm_source", "utm_medium", "utm_campaign",
        "medical", "pharma", "group", "member",
        "none", "wait", "queue",
    }
)  # fmt: skip
EXAMPLES = re.compile(r"<code>.*?</code>|/[a-z_]+(?:[^—;:\n.()«»]|\.\d)*", re.DOTALL)
LATIN = re.compile(r"[a-z_]+", re.IGNORECASE)


def english_outside_examples(template: str) -> set[str]:
    plain = EXAMPLES.sub(" ", re.sub(r"\{[a-z_]+\}", " ", template))
    plain = re.sub(r"<[^>]+>", " ", plain)
    return {w.casefold() for w in LATIN.findall(plain)} & OUR_ENGLISH


@pytest.mark.parametrize("key", sorted(ru_catalog.MESSAGES))
def test_a_russian_text_says_our_values_in_russian_outside_examples(key: str) -> None:
    assert english_outside_examples(ru_catalog.MESSAGES[key]) == set(), key


def test_the_english_check_catches_what_it_is_meant_to() -> None:
    assert english_outside_examples("Дата — 2026-12-01 или today.") == {"today"}
    assert english_outside_examples("регион = federal") == {"federal"}
    assert english_outside_examples("/group mode gov roundrobin — по очереди") == set()
    assert english_outside_examples("(или first_come — кто успел)") == {"first_come"}
    assert english_outside_examples("Пример: <code>/set mode round_robin</code>.") == set()


PREPOSITIONS = (
    "через|в|во|на|с|со|о|об|по|до|для|к|ко|у|из|от|за|под|при|без|каждые|каждый|каждую|после"
)
# "5 с" is five seconds, not a preposition.
CUT_SHORT = re.compile(
    rf"(?<![а-яё\d}}])(?<!\d )(?<!}} )(?:{PREPOSITIONS})\s*[.:;]?\s*$", re.IGNORECASE
)


@pytest.mark.parametrize("key", sorted(ru_catalog.MESSAGES))
def test_no_russian_text_or_label_ends_with_a_preposition(key: str) -> None:
    for sentence in re.split(r"(?<=[.!?])\s|\n", ru_catalog.MESSAGES[key]):
        assert not CUT_SHORT.search(sentence.strip()), f"{key}: {sentence!r}"
