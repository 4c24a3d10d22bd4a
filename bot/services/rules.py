"""What a head sets up for routing by lead fields: groups, the ordered rules, and aliases.

Every answer is a `Reply`: a catalog key and its values, which the handler translates.
"""

from __future__ import annotations

import logging
import shlex
from collections.abc import Sequence

from bot.lifecycle.planner import Planner, Situation
from bot.people import Person
from bot.routing import Mode, value_key
from bot.services.reply import NO_TEAM, Reply
from bot.services.team import find_member
from bot.syntax import group_target, rule_field, split_rule, split_values, valid_group_name
from bot.team_settings import MODE, SettingError
from storage import Database, MemberRecord, TeamRecord
from storage.team.groups import GroupRecord
from storage.team.rules import AliasRecord
from storage.unit import Unit

log = logging.getLogger(__name__)

MAX_RULES = 100
MAX_GROUP_MEMBERS = 50


class RuleService:
    def __init__(self, db: Database, planner: Planner) -> None:
        self._db = db
        self._planner = planner

    async def situation(self) -> Situation | None:
        """The team's rules, groups and members, for `/rules` and `/groups`."""
        async with self._db.reading() as u:
            team = await u.teams.primary()
            return await self._planner.situation(u, team, u.now) if team else None

    # Groups

    async def add_group(self, actor: Person, name: str, targets: Sequence[str]) -> Reply:
        """Create a group, or add members to one that exists."""
        async with self._db.unit() as u:
            team = await u.teams.primary()
            if team is None:
                return NO_TEAM
            if not valid_group_name(name):
                return Reply("group.bad_name")
            found = await _members(u, team, targets)
            if isinstance(found, Reply):
                return found
            key = value_key(name)
            group = await u.groups.by_key(team.id, key)
            if group is None:
                await u.groups.add(team.id, name, key, [m.id for m in found], u.now)
            elif len(group.member_ids) + len(found) > MAX_GROUP_MEMBERS:
                return Reply("group.too_big", {"max": MAX_GROUP_MEMBERS})
            else:
                await u.groups.add_members(group.id, [m.id for m in found])
        log.info("user %d set up group %r with %d members", actor.user_id, name, len(found))
        names = ", ".join(m.full_name for m in found) or "—"
        created = group is None
        return Reply(
            "group.created" if created else "group.extended", {"group": name, "names": names}
        )

    async def group_mode(self, actor: Person, name: str, mode_text: str) -> Reply:
        try:
            mode = MODE.parse(mode_text)
        except SettingError:
            mode = None
        async with self._db.unit() as u:
            found = await _group(u, name)
            if isinstance(found, Reply):
                return found
            _, group = found
            if mode is None or mode is Mode.HEAD_DECIDES:
                return Reply("group.bad_mode")
            await u.groups.set_mode(group.id, mode.value)
        log.info("user %d set group %r to %s", actor.user_id, group.name, mode.value)
        return Reply("group.mode_set", {"group": group.name, "mode": Reply("mode." + mode.value)})

    async def delete_group(self, actor: Person, name: str, targets: Sequence[str]) -> Reply:
        """Delete a group, or with members named, take them out of it."""
        async with self._db.unit() as u:
            found = await _group(u, name)
            if isinstance(found, Reply):
                return found
            team, group = found
            if targets:
                return await _leave_group(u, actor, team, group, targets)
            numbers = [r.number for r in await u.rules.all_of(team.id) if r.group_id == group.id]
            if numbers:
                return Reply(
                    "group.in_use", {"group": group.name, "rules": ", ".join(map(str, numbers))}
                )
            await u.groups.delete(group.id, u.now)
        log.info("user %d deleted group %r", actor.user_id, group.name)
        return Reply("group.deleted", {"group": group.name})

    # Rules

    async def add_rule(self, actor: Person, text: str) -> Reply:
        parsed = _parse_rule(text)
        async with self._db.unit() as u:
            team = await u.teams.primary()
            if team is None:
                return NO_TEAM
            if isinstance(parsed, Reply):
                return parsed
            rule_on, values, target_text = parsed
            target = await _target(u, team, target_text)
            if isinstance(target, Reply):
                return target
            member_id, group_id = target
            if len(await u.rules.all_of(team.id)) >= MAX_RULES:
                return Reply("rule.too_many", {"max": MAX_RULES})
            number = await u.rules.add(team.id, rule_on, values, member_id, group_id, u.now)
        log.info("user %d added rule %d on %s", actor.user_id, number, rule_on)
        return Reply("rule.added", {"number": number})

    async def delete_rule(self, actor: Person, number_text: str) -> Reply:
        async with self._db.unit() as u:
            team = await u.teams.primary()
            if team is None:
                return NO_TEAM
            rules = await u.rules.all_of(team.id)
            index = _index(number_text, len(rules))
            if index is None:
                return Reply("rule.no_such", {"number": number_text, "count": len(rules)})
            await u.rules.delete(team.id, rules[index].id, u.now)
        log.info("user %d deleted rule %d", actor.user_id, index + 1)
        return Reply("rule.deleted", {"number": index + 1})

    async def move_rule(self, actor: Person, from_text: str, to_text: str) -> Reply:
        async with self._db.unit() as u:
            team = await u.teams.primary()
            if team is None:
                return NO_TEAM
            rules = await u.rules.all_of(team.id)
            source, target = _index(from_text, len(rules)), _index(to_text, len(rules))
            if source is None or target is None:
                bad = from_text if source is None else to_text
                return Reply("rule.no_such", {"number": bad, "count": len(rules)})
            ids = [r.id for r in rules]
            ids.insert(target, ids.pop(source))
            await u.rules.reorder(team.id, ids, u.now)
        log.info("user %d moved rule %d to %d", actor.user_id, source + 1, target + 1)
        return Reply("rule.moved", {"number": source + 1, "to": target + 1})

    # Aliases

    async def aliases(self) -> list[AliasRecord]:
        async with self._db.reading() as u:
            team = await u.teams.primary()
            return await u.aliases.all_of(team.id) if team else []

    async def add_alias(self, actor: Person, text: str) -> Reply:
        async with self._db.unit() as u:
            team = await u.teams.primary()
            if team is None:
                return NO_TEAM
            words = _words(text)
            if words is None or len(words) < 3:
                return Reply("alias.usage")
            name, alias, canonical = words[0], words[1], " ".join(words[2:])
            on = rule_field(name)
            if on is None:
                return Reply("rule.bad_field", {"field": name})
            if split_values(alias) != (alias,) or split_values(canonical) != (canonical,):
                return Reply("rule.bad_values")
            if value_key(alias) == value_key(canonical):
                return Reply("alias.same")
            await u.aliases.put(team.id, on, value_key(alias), alias, canonical)
        log.info("user %d added an alias on %s", actor.user_id, on)
        return Reply("alias.added", {"alias": alias, "canonical": canonical})

    async def delete_alias(self, actor: Person, text: str) -> Reply:
        async with self._db.unit() as u:
            team = await u.teams.primary()
            if team is None:
                return NO_TEAM
            words = _words(text)
            if words is None or len(words) != 2 or (on := rule_field(words[0])) is None:
                return Reply("alias.usage")
            deleted = await u.aliases.delete(team.id, on, value_key(words[1]))
        if not deleted:
            return Reply("alias.not_found", {"alias": words[1]})
        log.info("user %d deleted an alias on %s", actor.user_id, on)
        return Reply("alias.deleted", {"alias": words[1]})


async def _group(u: Unit, name: str) -> tuple[TeamRecord, GroupRecord] | Reply:
    team = await u.teams.primary()
    if team is None:
        return NO_TEAM
    group = await u.groups.by_key(team.id, value_key(name))
    if group is None:
        return Reply("group.not_found", {"group": name})
    return team, group


async def _leave_group(
    u: Unit, actor: Person, team: TeamRecord, group: GroupRecord, targets: Sequence[str]
) -> Reply:
    found = await _members(u, team, targets, active_only=False)
    if isinstance(found, Reply):
        return found
    await u.groups.remove_members(group.id, [m.id for m in found])
    log.info("user %d took %d members out of group %r", actor.user_id, len(found), group.name)
    names = ", ".join(m.full_name for m in found)
    return Reply("group.left", {"group": group.name, "names": names})


async def _members(
    u: Unit, team: TeamRecord, targets: Sequence[str], active_only: bool = True
) -> list[MemberRecord] | Reply:
    if len(targets) > MAX_GROUP_MEMBERS:
        return Reply("group.too_big", {"max": MAX_GROUP_MEMBERS})
    found: list[MemberRecord] = []
    for target in targets:
        member = await find_member(u, team, target)
        if member is None or (active_only and not member.active):
            return Reply("rule.unknown_member", {"who": target})
        if member not in found:
            found.append(member)
    return found


async def _target(u: Unit, team: TeamRecord, text: str) -> tuple[int | None, int | None] | Reply:
    """(member, None) or (None, group) for `@user`, a member's number or `group:name`."""
    group_name = group_target(text)
    if group_name is not None:
        group = await u.groups.by_key(team.id, value_key(group_name))
        if group is None:
            return Reply("group.not_found", {"group": group_name})
        return None, group.id
    member = await find_member(u, team, text)
    if member is None or not member.active:
        return Reply("rule.unknown_member", {"who": text})
    return member.id, None


def _parse_rule(text: str) -> tuple[str, tuple[str, ...], str] | Reply:
    """ "industry=medical,pharma -> @olga" → ("industry", ("medical", "pharma"), "@olga")."""
    parts = split_rule(text)
    if parts is None:
        return Reply("rule.usage")
    name, values_text, target_text = parts
    rule_on = rule_field(name)
    if rule_on is None:
        return Reply("rule.bad_field", {"field": name})
    values = split_values(values_text)
    if values is None:
        return Reply("rule.bad_values")
    return rule_on, values, target_text


def _index(text: str, count: int) -> int | None:
    text = text.strip()
    if not (text.isdecimal() and text.isascii() and len(text) <= 4):
        return None
    number = int(text)
    return number - 1 if 1 <= number <= count else None


def _words(text: str) -> list[str] | None:
    """Words, with "quoted phrases" as one; None for an unclosed quote."""
    try:
        return shlex.split(text.replace("«", '"').replace("»", '"'))
    except ValueError:
        return None
