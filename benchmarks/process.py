"""Running a command as a child process and measuring it: wall time, CPU time, peak memory.

os.wait4 returns the resource usage of that one child (and anything it waited for), so each
build's peak resident memory is its own, not the largest of every child so far.
"""

from __future__ import annotations

import os
import subprocess
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path


@dataclass
class Run:
    returncode: int
    wall_s: float
    cpu_s: float  # user + system: steadier than wall time on a busy machine
    peak_mb: float  # peak resident set size
    output: str


def measure(command: list[str], cwd: Path) -> Run:
    # Output goes to a file: a pipe nobody reads while we block in wait4 could fill and stall the child.
    with tempfile.TemporaryFile(mode="w+", encoding="utf-8", errors="replace") as log:
        start = time.perf_counter()
        process = subprocess.Popen(command, cwd=cwd, stdout=log, stderr=subprocess.STDOUT)
        _, status, usage = os.wait4(process.pid, 0)
        wall = time.perf_counter() - start
        process.returncode = os.waitstatus_to_exitcode(status)  # already reaped: keep Popen from waiting again
        log.seek(0)
        output = log.read()
    return Run(process.returncode, wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, output)


def stop(process: subprocess.Popen) -> None:
    """End a server started for a measurement: politely, then for good."""
    process.terminate()
    try:
        process.wait(timeout=30)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()
