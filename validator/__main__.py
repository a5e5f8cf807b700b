"""`python -m validator` and the `mdcheck` command. A Ctrl-C or a SIGTERM while mdcheck's
modules load (the first run after an install compiles them) is held until they are loaded,
then ends the run as one during it does: exit 130 and a line, or 143, no traceback
(cli.EXIT_INTERRUPTED, cli._unwind_on_terminate)."""

import signal
import sys

_HELD = (signal.SIGINT, signal.SIGTERM)


def run() -> None:
    received: list[int] = []
    previous = {signum: signal.signal(signum, lambda signum, frame: received.append(signum)) for signum in _HELD}
    try:
        from validator.cli import main
    finally:
        for signum, handler in previous.items():
            signal.signal(signum, handler)
    if signal.SIGINT in received:
        sys.stderr.write("mdcheck: interrupted\n")
        sys.exit(130)
    if received:
        sys.exit(128 + signal.SIGTERM)
    main()


if __name__ == "__main__":
    run()
