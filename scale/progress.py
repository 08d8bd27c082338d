"""A progress bar on stderr: redrawn in place on a terminal, a line every few seconds
otherwise (a log keeps what a terminal shows)."""

import sys
import time


class Bar:
    WIDTH = 30

    def __init__(self, total: int, label: str, stream=None):
        self.total = max(total, 1)
        self.label = label
        self.stream = stream or sys.stderr
        self.done = 0
        self.started = time.monotonic()
        self.shown = 0.0
        self.terminal = self.stream.isatty()
        self.what = ""

    def at(self, what: str) -> None:
        self.what = what
        self.draw(force=True)

    def advance(self, rows: int) -> None:
        self.done += rows
        self.draw()

    def draw(self, force: bool = False) -> None:
        now = time.monotonic()
        if not force and now - self.shown < (0.2 if self.terminal else 5):
            return
        self.shown = now
        share = min(self.done / self.total, 1)
        filled = int(share * self.WIDTH)
        elapsed = int(now - self.started)
        line = (
            f"{self.label} [{'#' * filled}{'.' * (self.WIDTH - filled)}] {share:4.0%} "
            f"{self.done:,}/{self.total:,} rows {elapsed // 60}:{elapsed % 60:02d} {self.what:<22}"
        )
        self.stream.write(("\r" + line) if self.terminal else line + "\n")
        self.stream.flush()

    def close(self) -> None:
        self.draw(force=True)
        if self.terminal:
            self.stream.write("\n")
