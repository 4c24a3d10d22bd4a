"""Who a request comes from, how many requests each client may have under way, and who
hears of a refusal for overload."""

from __future__ import annotations

from dataclasses import dataclass

from bot.clock import Clock
from bot.intake.clients import InFlight, OverloadReports, Proxies
from bot.intake.parse import Refusal
from bot.services.refusals import RefusalService, RefusedRequest


@dataclass(frozen=True)
class ClientGuard:
    """Who a request comes from (behind a trusted proxy, the forwarded address), how many
    requests each client behind a proxy may have under way, and who hears of a 503."""

    proxies: Proxies
    in_flight: InFlight
    overload: OverloadReports

    @classmethod
    def of(
        cls,
        refusals: RefusalService,
        clock: Clock,
        per_client: int = 64,
        proxies: Proxies | None = None,
    ) -> ClientGuard:
        """A client refused for holding too many connections is kept as a refusal."""

        async def report(client: str) -> None:
            await refusals.record(
                RefusedRequest(Refusal.OVERLOADED.value, 503, TOO_MANY, client, "", b"")
            )

        return cls(proxies or Proxies(), InFlight(per_client), OverloadReports(clock, report))


TOO_MANY = "too many connections from this client; retry shortly"
