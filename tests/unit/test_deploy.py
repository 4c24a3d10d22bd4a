"""The systemd unit in deploy/: systemd itself finds nothing wrong with it but the missing
install path, and it keeps the promises the README makes (its own user, one writable
folder, restarted on a crash and not on a refused configuration, stopped with SIGTERM)."""

from __future__ import annotations

import configparser
import shutil
import subprocess
from pathlib import Path

import pytest

UNIT = Path(__file__).resolve().parents[2] / "deploy" / "leadbot.service"


def service() -> dict[str, str]:
    parser = configparser.ConfigParser(strict=False, interpolation=None)
    parser.optionxform = str  # type: ignore[assignment,method-assign]
    parser.read(UNIT, encoding="utf-8")
    return dict(parser["Service"])


ANALYZE = shutil.which("systemd-analyze")


@pytest.mark.skipif(ANALYZE is None, reason="no systemd-analyze on this machine")
def test_systemd_finds_nothing_wrong_but_the_missing_install() -> None:
    assert ANALYZE is not None
    # S603: the arguments are this repository's own file, not input.
    done = subprocess.run(  # noqa: S603
        [ANALYZE, "verify", str(UNIT)], capture_output=True, text=True, check=False
    )
    complaints = [line for line in (done.stdout + done.stderr).splitlines() if line.strip()]
    assert complaints == [
        "leadbot.service: Command /opt/leadbot/.venv/bin/python is not executable: "
        "No such file or directory"
    ]


def test_the_unit_runs_as_its_own_user_and_writes_only_its_data_folder() -> None:
    unit = service()
    assert (unit["User"], unit["Group"]) == ("leadbot", "leadbot")
    assert unit["ExecStart"] == "/opt/leadbot/.venv/bin/python -m bot"
    assert unit["EnvironmentFile"] == "/etc/leadbot.env"
    assert unit["ProtectSystem"] == "strict" and unit["ReadWritePaths"] == "/var/lib/leadbot"
    assert unit["StateDirectory"] == "leadbot" and unit["StateDirectoryMode"] == "0700"
    for switch in ("NoNewPrivileges", "PrivateTmp", "ProtectHome", "PrivateDevices"):
        assert unit[switch] == "yes", switch
    assert unit["CapabilityBoundingSet"] == ""


def test_the_unit_restarts_a_crash_but_not_a_refused_configuration() -> None:
    unit = service()
    assert unit["Restart"] == "on-failure"
    assert unit["RestartPreventExitStatus"] == "2"  # what `python -m bot` exits with then
    assert unit["KillSignal"] == "SIGTERM"
    # The outbox finishes the message in flight (a request times out after 20 s) first.
    assert int(unit["TimeoutStopSec"]) > 25


def test_the_template_for_several_processes_differs_only_in_its_port() -> None:
    """deploy/leadbot@.service keeps every promise of the single unit; each instance
    listens on its own port, the one deploy/Caddyfile.several sends to."""
    parser = configparser.ConfigParser(strict=False, interpolation=None)
    parser.optionxform = str  # type: ignore[assignment,method-assign]
    parser.read(UNIT.with_name("leadbot@.service"), encoding="utf-8")
    several = dict(parser["Service"])
    assert several.pop("Environment") == "INTAKE_PORT=808%i"
    assert several == service()
    caddyfile = UNIT.with_name("Caddyfile.several").read_text(encoding="utf-8")
    assert "127.0.0.1:8081" in caddyfile and "127.0.0.1:8082" in caddyfile
