from __future__ import annotations

from collections.abc import Sequence
from datetime import timedelta

from aiogram.types import InlineKeyboardButton, InlineKeyboardMarkup, WebAppInfo
from aiogram.utils.keyboard import InlineKeyboardBuilder

from bot.durations import dump_duration, duration_text, parse_duration
from bot.i18n import Translator
from bot.presentation.callbacks import (
    GiveCb,
    JoinCb,
    LeadRef,
    LeaveCb,
    LeaveChoice,
    LostCb,
    LostWhy,
    ModeCb,
    OpenCb,
    RejoinCb,
    ReturnCb,
    ReturnWhy,
    SetCb,
    WeekCb,
    WorkWeek,
)
from bot.routing import Mode
from bot.routing.hours import OffHours
from bot.team_settings import (
    ACCEPT_TIMEOUT,
    ANNOUNCE,
    HANDBACK,
    KNOWN_CLIENT,
    MODE,
    OFF_HOURS,
    TeamSettings,
)

ACCEPT_CHOICES = (timedelta(minutes=5), timedelta(minutes=10), timedelta(minutes=30))


def join_keyboard(team_id: int, tr: Translator) -> InlineKeyboardMarkup:
    button = InlineKeyboardButton(
        text=tr("button.join"), callback_data=JoinCb(team_id=team_id).pack()
    )
    return InlineKeyboardMarkup(inline_keyboard=[[button]])


def open_private_keyboard(url: str, tr: Translator) -> InlineKeyboardMarkup:
    button = InlineKeyboardButton(text=tr("button.open_private"), url=url)
    return InlineKeyboardMarkup(inline_keyboard=[[button]])


def join_deep_link(bot_username: str, team_id: int) -> str:
    """Opens the bot's private chat and sends `/start join-<team>`, which completes the join."""
    return f"https://t.me/{bot_username}?start=join-{team_id:d}"


def rejoin_keyboard(member_id: int, tr: Translator) -> InlineKeyboardMarkup:
    builder = InlineKeyboardBuilder()
    builder.button(text=tr("button.allow_rejoin"), callback_data=RejoinCb(member_id=member_id))
    return builder.as_markup()


def console_row(url: str, tr: Translator) -> list[InlineKeyboardButton]:
    """The head's console (a Mini App): in private chats only, as Telegram allows."""
    return [InlineKeyboardButton(text=tr("button.console"), web_app=WebAppInfo(url=url))]


def leave_keyboard(member_id: int, tr: Translator) -> InlineKeyboardMarkup:
    """Under /remove's answer while the one removed has leads in work: what becomes of
    them, and (as always) letting them back."""
    builder = InlineKeyboardBuilder()
    for choice, key in (
        (LeaveChoice.ROUTE, "button.leave_route"),
        (LeaveChoice.PICK, "button.leave_pick"),
        (LeaveChoice.KEEP, "button.leave_keep"),
    ):
        builder.button(text=tr(key), callback_data=LeaveCb(member_id=member_id, choice=choice))
    builder.button(text=tr("button.allow_rejoin"), callback_data=RejoinCb(member_id=member_id))
    builder.adjust(1)
    return builder.as_markup()


def leave_pick_keyboard(
    member_id: int, people: Sequence[tuple[int, str]], tr: Translator
) -> InlineKeyboardMarkup:
    """One button per member who could take the leads, two to a row, and Back."""
    builder = InlineKeyboardBuilder()
    for to, name in people:
        data = LeaveCb(member_id=member_id, choice=LeaveChoice.GIVE, to=to)
        builder.button(text=name, callback_data=data)
    builder.button(
        text=tr("button.back"), callback_data=LeaveCb(member_id=member_id, choice=LeaveChoice.BACK)
    )
    builder.adjust(*([2] * (len(people) // 2)), *([1] * (len(people) % 2)), 1)
    return builder.as_markup()


def return_reasons_keyboard(lead: LeadRef, tr: Translator) -> InlineKeyboardMarkup:
    """Shown in place of Accept and Return after a tap on Return: one tap gives the reason."""
    builder = InlineKeyboardBuilder()
    for why in ReturnWhy:
        builder.button(
            text=tr("return_why." + why.value),
            callback_data=ReturnCb(lead_id=lead.id, why=why, stamp=lead.stamp),
        )
    builder.button(
        text=tr("button.back"), callback_data=ReturnCb(lead_id=lead.id, stamp=lead.stamp)
    )
    builder.adjust(1)
    return builder.as_markup()


def lost_reasons_keyboard(lead: LeadRef, tr: Translator) -> InlineKeyboardMarkup:
    builder = InlineKeyboardBuilder()
    for why in LostWhy:
        builder.button(
            text=tr("lost_why." + why.value),
            callback_data=LostCb(lead_id=lead.id, why=why, stamp=lead.stamp),
        )
    builder.button(text=tr("button.back"), callback_data=LostCb(lead_id=lead.id, stamp=lead.stamp))
    builder.adjust(2)
    return builder.as_markup()


def mode_keyboard(current: Mode, tr: Translator) -> InlineKeyboardMarkup:
    builder = InlineKeyboardBuilder()
    for mode in Mode:
        mark = "● " if mode is current else ""
        builder.button(text=mark + tr("mode." + mode.value), callback_data=ModeCb(mode=mode))
    builder.adjust(1)
    return builder.as_markup()


def settings_keyboard(settings: TeamSettings, tr: Translator) -> InlineKeyboardMarkup:
    """The common changes under /settings; the current choice is marked."""
    builder = InlineKeyboardBuilder()
    sizes: list[int] = []

    def row(choices: list[tuple[str, str, bool]]) -> None:
        for name, value, current in choices:
            text = ("● " if current else "") + _choice_label(name, value, tr)
            builder.button(text=text, callback_data=SetCb(name=name, value=value))
        sizes.append(len(choices))

    row([(MODE.name, m.value, settings[MODE] is m) for m in Mode])
    row([(OFF_HOURS.name, o.value, settings[OFF_HOURS] is o) for o in OffHours])
    timeout = settings[ACCEPT_TIMEOUT]
    row([(ACCEPT_TIMEOUT.name, dump_duration(t), timeout == t) for t in ACCEPT_CHOICES])
    for switch in (ANNOUNCE, KNOWN_CLIENT, HANDBACK):
        on = settings[switch]
        row([(switch.name, "off" if on else "on", False)])
    builder.adjust(*sizes)
    return builder.as_markup()


def _choice_label(name: str, value: str, tr: Translator) -> str:
    if name == MODE.name:
        return tr("mode." + value)
    if name == OFF_HOURS.name:
        return tr("off_hours." + value)
    if name == ACCEPT_TIMEOUT.name:
        wait = parse_duration(value)
        return tr("settings.button_accept", wait=duration_text(wait, tr) if wait else value)
    # A switch: the button turns it to `value`.
    key = "settings.button_on" if value == "on" else "settings.button_off"
    return tr(key, label=tr("setting." + name))


def work_week_keyboard(tr: Translator) -> InlineKeyboardMarkup:
    """/setup's question: how the team works (what happens to leads at night follows)."""
    builder = InlineKeyboardBuilder()
    for choice in WorkWeek:
        builder.button(text=tr("week." + choice.value), callback_data=WeekCb(choice=choice))
    builder.adjust(1)
    return builder.as_markup()


MAX_OPEN_BUTTONS = 50


def open_work_keyboard(leads: Sequence[LeadRef]) -> InlineKeyboardMarkup:
    """/open: a button per lead, oldest first, to hand it to someone."""
    builder = InlineKeyboardBuilder()
    for lead in leads[:MAX_OPEN_BUTTONS]:
        builder.button(
            text=f"➡️ №{lead.id}", callback_data=OpenCb(lead_id=lead.id, stamp=lead.stamp)
        )
    builder.adjust(5)
    return builder.as_markup()


def give_keyboard(lead: LeadRef, members: Sequence[tuple[int, str]]) -> InlineKeyboardMarkup:
    """A button per active manager: (member id, name)."""
    builder = InlineKeyboardBuilder()
    for member_id, name in members:
        given = GiveCb(lead_id=lead.id, member_id=member_id, stamp=lead.stamp)
        builder.button(text=name[:40], callback_data=given)
    builder.adjust(2)
    return builder.as_markup()
