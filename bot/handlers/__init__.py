"""Thin routers: parse the update, call one service, answer. One router per module."""

from aiogram import Router

from bot.handlers import errors, help
from bot.handlers.leads import assign, claim, intake, offers
from bot.handlers.reports import stats as reports
from bot.handlers.routing import groups, modes, rules, sources
from bot.handlers.team import chats, heads, hours, managers, membership, setup, vacations
from bot.handlers.team import members as team


def get_routers() -> list[Router]:
    # help goes last: its private-chat fallback must not shadow anything else.
    # Forwards go first: a forwarded text is never a command, whatever it starts with.
    return [
        intake.make_forward_router(),
        chats.make_router(),
        setup.make_router(),
        membership.make_router(),
        team.make_router(),
        heads.make_router(),
        claim.make_router(),
        offers.make_router(),
        assign.make_router(),
        modes.make_router(),
        managers.make_router(),
        reports.make_router(),
        groups.make_router(),
        rules.make_router(),
        vacations.make_router(),
        hours.make_router(),
        sources.make_router(),
        intake.make_router(),
        help.make_router(),
        claim.make_fallback_router(),
        errors.make_router(),
    ]
