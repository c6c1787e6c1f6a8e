"""The progress bar: drawn on a terminal, silent otherwise."""
from __future__ import annotations

import io
import os
import select
import subprocess
import sys

import pytest

from zhclaims.commands.progress import progress

CODE = ("import sys, time\nfrom zhclaims.commands.progress import progress\n"
        "for x in progress(range(3), 'extract'):\n    time.sleep(0.6)\nprint('done', file=sys.stderr)\n")


def test_silent_when_not_a_terminal():
    err = io.StringIO()
    assert list(progress(range(5), stream=err)) == [0, 1, 2, 3, 4]
    assert err.getvalue() == ""


@pytest.mark.skipif(not hasattr(os, "openpty"), reason="needs a pseudo-terminal (POSIX)")
def test_drawn_on_a_terminal():
    import fcntl
    import struct
    import termios

    master, slave = os.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 100, 0, 0))
    p = subprocess.Popen([sys.executable, "-c", CODE], stderr=slave, stdout=subprocess.DEVNULL)
    os.close(slave)
    out = b""
    while True:
        ready, _, _ = select.select([master], [], [], 60)
        if not ready:
            break
        try:
            chunk = os.read(master, 4096)
        except OSError:  # the child closed the terminal
            break
        if not chunk:
            break
        out += chunk
    p.wait(timeout=60)
    os.close(master)
    text = out.decode(errors="replace")
    assert "extract:" in text and "article/s" in text and "\r" in text
    assert text.rstrip().endswith("done")
