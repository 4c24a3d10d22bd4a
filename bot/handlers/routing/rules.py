"""The rules chain: /rule add|del|move, /rules, /alias, and the /route dry run (heads)."""

from __future__ import annotations

from aiogram import Router
from aiogram.filters import Command, CommandObject
from aiogram.types import Message

from bot.handlers.common import heads_only, person_of, say
from bot.handlers.filters import IsHead
from bot.handlers.routing.rule_views import aliases_text, dry_run_text, rules_text
from bot.i18n import Translator
from bot.services.reply import Reply
from bot.services.route_check import RouteCheck
from bot.services.rules import RuleService


async def on_rule(
    message: Message, command: CommandObject, rules: RuleService, tr: Translator
) -> None:
    assert message.from_user is not None
    actor = person_of(message.from_user)
    action, _, rest = (command.args or "").strip().partition(" ")
    words = rest.split()
    match action.casefold(), len(words):
        case "add", n if n > 0:
            reply = await rules.add_rule(actor, rest)
        case (("del" | "delete"), 1):
            reply = await rules.delete_rule(actor, words[0])
        case "move", 2:
            reply = await rules.move_rule(actor, words[0], words[1])
        case _:
            reply = Reply("rule.usage")
    await message.answer(say(reply, tr))


async def on_rules(message: Message, rules: RuleService, tr: Translator) -> None:
    situation = await rules.situation()
    if situation is None:
        await message.answer(tr("team.none"))
        return
    await message.answer(rules_text(situation, tr))


async def on_alias(
    message: Message, command: CommandObject, rules: RuleService, tr: Translator
) -> None:
    assert message.from_user is not None
    actor = person_of(message.from_user)
    args = (command.args or "").strip()
    first, _, rest = args.partition(" ")
    if not args:
        await message.answer(aliases_text(await rules.aliases(), tr))
        return
    if first.casefold() in {"del", "delete"}:
        reply = await rules.delete_alias(actor, rest)
    else:
        reply = await rules.add_alias(actor, args)
    await message.answer(say(reply, tr))


async def on_route(
    message: Message, command: CommandObject, routes: RouteCheck, tr: Translator
) -> None:
    run = await routes.dry_run(command.args or "")
    if isinstance(run, Reply):
        await message.answer(say(run, tr))
        return
    await message.answer(dry_run_text(run, tr))


def make_router() -> Router:
    router = Router(name=__name__)
    for name, handler in (
        ("rule", on_rule),
        ("rules", on_rules),
        ("alias", on_alias),
        ("route", on_route),
    ):
        router.message.register(handler, Command(name), IsHead())
        router.message.register(heads_only(), Command(name))
    return router
