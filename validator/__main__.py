"""`python -m validator` and the `mdcheck` command. A Ctrl-C while mdcheck's modules load
(the first run after an install compiles them) is held until they are loaded, then ends
the run as one during it does: exit 130 and a line, no traceback (cli.EXIT_INTERRUPTED)."""

import signal
import sys


def run() -> None:
    interrupted: list[int] = []
    previous = signal.signal(signal.SIGINT, lambda signum, frame: interrupted.append(signum))
    try:
        from validator.cli import main
    finally:
        signal.signal(signal.SIGINT, previous)
    if interrupted:
        sys.stderr.write("mdcheck: interrupted\n")
        sys.exit(130)
    main()


if __name__ == "__main__":
    run()
