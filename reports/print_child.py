"""The report's printing child (reports/printing.py starts it): `python -m reports.print_child
NICE PARENT_PID` lowers its own CPU priority to NICE (never raises it), reads the HTML on
stdin, prints it with reports.render.print_pdf (the project's own files only) and writes one
JSON line (its niceness, seconds and peak memory, or "error") and then the PDF bytes on
stdout. It exits when its parent dies, so a killed worker leaves no printing behind."""

import json
import logging
import os
import resource
import sys
import threading
import time

ORPHAN_CHECK_SECONDS = 1


def _exit_when_orphaned(parent: int) -> None:
    """The parent died (its worker killed): stop printing for no one."""
    while True:
        if os.getppid() != parent:
            os._exit(75)
        time.sleep(ORPHAN_CHECK_SECONDS)


def main(argv: list[str]) -> int:
    nice, parent = int(argv[0]), int(argv[1])
    current = os.getpriority(os.PRIO_PROCESS, 0)
    os.setpriority(os.PRIO_PROCESS, 0, max(nice, current))  # never raise the priority
    threading.Thread(target=_exit_when_orphaned, args=(parent,), daemon=True).start()
    # WeasyPrint's warnings (a refused URL ...) on stderr: the parent logs them.
    logging.basicConfig(level=logging.WARNING, format="%(name)s: %(message)s", stream=sys.stderr)
    html = sys.stdin.buffer.read().decode("utf-8")
    started = time.monotonic()
    status = {"nice": os.getpriority(os.PRIO_PROCESS, 0)}
    pdf = b""
    try:
        from reports.render import print_pdf  # after lowering the priority: WeasyPrint loads a lot

        pdf = print_pdf(html)
    except Exception as error:  # any failure goes back to the parent as its message
        status["error"] = f"{type(error).__name__}: {error}"[:2000]
    status["seconds"] = round(time.monotonic() - started, 2)
    status["peak_mb"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)
    out = sys.stdout.buffer
    out.write(json.dumps(status).encode() + b"\n" + pdf)
    out.flush()
    return 1 if "error" in status else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
