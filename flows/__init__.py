"""Prefect flows (installed as tipdiff.flows): wiring only.

`PREFECT_DEFAULTS` are the quiet, offline settings every tipdiff process gives Prefect's
embedded server (the CLI, the tests and the benchmarks use this one table). They must be in
the environment before prefect is imported; each can be overridden from the environment.
"""

from __future__ import annotations

import os

PREFECT_DEFAULTS = {
    "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
    "DO_NOT_TRACK": "1",
    "PREFECT_LOGGING_LEVEL": "WARNING",
    "PREFECT_SERVER_REGISTER_BLOCKS_ON_START": "false",
    "PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS": "120",
    "PREFECT_SERVER_SERVICES_TASK_RUN_RECORDER_ENABLED": "false",
    "PREFECT_SERVER_SERVICES_EVENT_PERSISTER_ENABLED": "false",
}


def prefect_environment(env: dict | None = None) -> dict:
    """Fill in PREFECT_DEFAULTS where `env` (default: os.environ) does not set them."""
    env = os.environ if env is None else env
    for key, value in PREFECT_DEFAULTS.items():
        env.setdefault(key, value)
    return env
