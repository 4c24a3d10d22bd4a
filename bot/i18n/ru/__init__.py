"""Russian catalog (the default). Templates are Telegram HTML; parameters arrive escaped.

Telegram never tells us a person's gender, so no template makes a verb or an adjective agree
with a person: "Лид уже взят: {name}", never a past tense verb after the name with a
hedged ending. Names stand in the nominative, after a colon or a dash. "Команда" also
means "command": the group is "чат отдела".
`tests/unit/test_russian.py` checks this.
"""

from bot.i18n.ru.cards import CARDS
from bot.i18n.ru.contact import CONTACT
from bot.i18n.ru.help import HELP
from bot.i18n.ru.lists import LISTS
from bot.i18n.ru.notices import NOTICES
from bot.i18n.ru.offers import OFFERS
from bot.i18n.ru.people import PEOPLE
from bot.i18n.ru.reports import REPORTS
from bot.i18n.ru.rules import RULES
from bot.i18n.ru.settings import SETTINGS
from bot.i18n.ru.sources import SOURCES
from bot.i18n.ru.state import STATE
from bot.i18n.ru.team import TEAM
from bot.i18n.ru.time import TIME

MESSAGES: dict[str, str] = {
    **CARDS,
    **CONTACT,
    **HELP,
    **LISTS,
    **NOTICES,
    **OFFERS,
    **PEOPLE,
    **REPORTS,
    **RULES,
    **SETTINGS,
    **SOURCES,
    **STATE,
    **TEAM,
    **TIME,
}
