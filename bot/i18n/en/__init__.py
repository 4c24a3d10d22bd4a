"""English catalog, for users whose Telegram language is English."""

from bot.i18n.en.cards import CARDS
from bot.i18n.en.contact import CONTACT
from bot.i18n.en.help import HELP
from bot.i18n.en.lists import LISTS
from bot.i18n.en.notices import NOTICES
from bot.i18n.en.offers import OFFERS
from bot.i18n.en.people import PEOPLE
from bot.i18n.en.reports import REPORTS
from bot.i18n.en.rules import RULES
from bot.i18n.en.settings import SETTINGS
from bot.i18n.en.sources import SOURCES
from bot.i18n.en.state import STATE
from bot.i18n.en.team import TEAM
from bot.i18n.en.time import TIME

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
