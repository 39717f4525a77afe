"""How tall each report page is in a browser: headless Chromium lays every page out at 1200 px wide
and reports ``document.documentElement.scrollHeight`` in CSS pixels.

    .venv/bin/python benchmarks/page_heights.py reports/ [--limit 20000] [--chromium /usr/bin/chromium]

A small wrapper page (written to a temporary folder) loads the report pages in iframes and writes
their heights into its own DOM, which ``--dump-dom`` prints; the report pages themselves run no
script. Prints one line per page, tallest first, and exits 1 when a page is taller than ``--limit``.
"""
from __future__ import annotations

import argparse
import html
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

BATCH = 10
ROUNDS = 4
FLAGS = ["--headless", "--disable-gpu", "--disable-background-networking", "--no-first-run",
         "--allow-file-access-from-files", "--virtual-time-budget=20000", "--hide-scrollbars"]
WRAPPER = """<!DOCTYPE html><html><body><pre id="out"></pre>{frames}
<script>
var frames = document.querySelectorAll('iframe'), left = frames.length;
frames.forEach(function (f) {{ f.onload = function () {{
  var d = f.contentDocument, h = d ? d.documentElement.scrollHeight : -1;
  document.getElementById('out').textContent += 'H ' + h + ' ' + f.dataset.name + '\\n';
}}; }});
</script></body></html>"""


def chromium_flags() -> list[str]:
    flags = list(FLAGS)
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        flags.append("--no-sandbox")
    return flags


def heights(pages: list[Path], *, chromium: str) -> dict[str, int]:
    out: dict[str, int] = {}
    with tempfile.TemporaryDirectory() as tmp:
        for i in range(0, len(pages), BATCH):
            frames = "".join(f'<iframe data-name="{html.escape(str(p))}" src="{p.resolve().as_uri()}" '
                             f'style="width:1200px;height:900px"></iframe>' for p in pages[i:i + BATCH])
            wrapper = Path(tmp) / f"wrap{i}.html"
            wrapper.write_text(WRAPPER.format(frames=frames), encoding="utf-8")
            profile = tempfile.mkdtemp(dir=tmp)
            dom = subprocess.run([chromium, *chromium_flags(), f"--user-data-dir={profile}", "--dump-dom",
                                  wrapper.as_uri()], capture_output=True, text=True, timeout=300).stdout
            for h, name in re.findall(r"(?:^|<pre id=\"out\">)H (-?\d+) (.+)$", html.unescape(dom), re.M):
                out[name] = int(h)
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("folder", type=Path)
    ap.add_argument("--limit", type=int, default=20_000)
    ap.add_argument("--chromium", default=shutil.which("chromium") or "/usr/bin/chromium")
    args = ap.parse_args(argv)
    pages = [p for p in sorted(args.folder.glob("*.html")) + sorted((args.folder / "articles").glob("*.html"))
             if not p.name.startswith(".")]          # hidden files are the run's own (the kept overview)
    found: dict[str, int] = {}
    for _ in range(ROUNDS):          # a loaded machine may not lay out a whole batch in time: retry the rest
        todo = [p for p in pages if str(p) not in found]
        if not todo:
            break
        found.update(heights(todo, chromium=args.chromium))
    missing = [p for p in map(str, pages) if p not in found]
    for name, h in sorted(found.items(), key=lambda kv: -kv[1]):
        print(f"{h:>8} px  {Path(name).relative_to(args.folder)}")
    tallest = max(found.values(), default=0)
    for name in missing:
        print(f"not measured: {name}")
    print(f"{len(found)} pages measured, {len(missing)} not measured; tallest {tallest} px (limit {args.limit})")
    return 1 if tallest > args.limit or missing else 0


if __name__ == "__main__":
    sys.exit(main())
