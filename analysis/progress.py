"""Progress a person can read: a bar with articles/s and time left on a terminal, plain lines otherwise.

On a terminal the bar is redrawn in place (at most a few times a second). When the stream is not a
terminal (cron, a log file) it writes a plain line at most every ``interval`` seconds, and always
the last one. Quiet writes nothing. Rates count only the articles analysed in this run.
"""
from __future__ import annotations

import sys
import time
from typing import TextIO

BAR = 24
TTY_INTERVAL = 0.2      # seconds between redraws of the bar
LOG_INTERVAL = 30.0     # seconds between plain lines


def duration(seconds: float) -> str:
    """``1h02m``, ``4m05s`` or ``12s``."""
    s = int(round(seconds))
    if s >= 3600:
        return f"{s // 3600}h{s % 3600 // 60:02d}m"
    if s >= 60:
        return f"{s // 60}m{s % 60:02d}s"
    return f"{s}s"


class Progress:
    """Counts finished items towards ``total`` and shows it on ``stream`` (stderr by default)."""

    def __init__(self, total: int, *, label: str = "articles", stream: TextIO | None = None, quiet: bool = False,
                 interval: float | None = None, clock=time.monotonic) -> None:
        self.stream = None if quiet else (stream if stream is not None else sys.stderr)
        self.tty = bool(self.stream is not None and getattr(self.stream, "isatty", lambda: False)())
        self.total, self.label, self.done = max(0, total), label, 0
        self.interval = interval if interval is not None else (TTY_INTERVAL if self.tty else LOG_INTERVAL)
        self._clock = clock
        self._start = clock()
        self._last: float | None = None

    def rate(self) -> float:
        elapsed = self._clock() - self._start
        return self.done / elapsed if elapsed > 0 else 0.0

    def line(self) -> str:
        """The text shown: count, rate and time left (and the bar on a terminal)."""
        rate = self.rate()
        left = (self.total - self.done) / rate if rate > 0 else None
        text = f"{self.done:,}/{self.total:,} {self.label}  {rate:.1f}/s"
        text += f"  {duration(left)} left" if left is not None and self.done < self.total else \
            f"  in {duration(self._clock() - self._start)}" if self.done >= self.total else ""
        if self.tty:
            filled = int(BAR * self.done / self.total) if self.total else BAR
            text = f"[{'#' * filled}{'.' * (BAR - filled)}] " + text
        return text

    def update(self, n: int = 1) -> None:
        self.done += n
        now = self._clock()
        if self.stream is None:
            return
        if self._last is not None and now - self._last < self.interval and self.done < self.total:
            return
        self._last = now
        self.stream.write(("\r" + self.line() + "\x1b[K") if self.tty else self.line() + "\n")
        self.stream.flush()

    def close(self) -> None:
        """End the bar's line on a terminal."""
        if self.stream is not None and self.tty and self._last is not None:
            self.stream.write("\n")
            self.stream.flush()


class Messages:
    """Progress lines on a stream (stderr), or nothing when quiet; ``force=False`` lines at most once
    a second."""

    def __init__(self, stream: TextIO | None, *, quiet: bool) -> None:
        self.stream = None if quiet else (stream or sys.stderr)
        self._last = 0.0

    def __call__(self, message: str, *, force: bool = True) -> None:
        now = time.monotonic()
        if self.stream is None or (not force and now - self._last < 1.0):
            return
        self._last = now
        self.stream.write(message + "\n")
        self.stream.flush()
