"""The calendars a lead's deadlines run on: the team's working time, a manager's own."""

from __future__ import annotations

from bot.routing.hours import Calendar, Span
from bot.team_settings import TIMEZONE, WORK_DAYS, WORK_HOURS, TeamSettings
from storage import MemberRecord


def team_calendar(settings: TeamSettings) -> Calendar:
    return Calendar(settings[TIMEZONE], settings[WORK_DAYS], settings[WORK_HOURS])


def member_calendar(team: Calendar, member: MemberRecord) -> Calendar:
    """The team's days, with the manager's own hours when a head set them (`/hours`)."""
    own = Span.parse(member.work_hours) if member.work_hours else None
    return team if own is None else Calendar(team.zone, team.days, own)
