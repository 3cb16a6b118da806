"""What ``flask jobs worker`` runs: Dramatiq's own supervisor, its lines in the application's log format.

``python -m backoffice.jobs.supervise FORMAT LEVEL <dramatiq arguments>``. Dramatiq's command would set
up logging itself (a text format of its own, in the supervisor and in each worker process); with
``--skip-logging`` the records of the supervisor and of its forked worker processes go through the
application's one handler instead (``backoffice.ops.logs``: one JSON object a line in production), so
that a log collector reads every line of a worker node the same way as the web nodes'.
"""

from __future__ import annotations

import logging
import sys

from dramatiq import cli

from backoffice.ops import logs


def main(argv: list[str]) -> int:
    kind, level, *rest = argv
    logs.configure(kind, level)
    # Dramatiq's start-up, process and shutdown lines are INFO: an operator wants them.
    logging.getLogger("dramatiq").setLevel(logging.getLevelName(level.upper()))
    sys.argv = ["dramatiq", "--skip-logging", *rest]
    return cli.main()


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
