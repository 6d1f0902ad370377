"""How parse_text's time grows with the length of a page full of chrome lines.

    .venv/bin/python benchmarks/parse_long.py

Builds the page of ``tests/test_parse_text.py::test_long_input_with_pathological_chrome_lines…``
(paragraphs of prose, share-button lines, a line of 31 open parentheses and a 5,000-character
word) at 1x, 2x and 4x its length, parses each three times and prints the best time and the
ratio to the 1x time. Linear growth gives ratios near 2 and 4; quadratic near 4 and 16.
Needs no evaluation data.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from newslab import parse_text  # noqa: E402

PARA = ("The committee heard evidence from {} officials, residents and experts over three "
        "days of hearings, and will publish its report in the spring.\n\n")
CHROME = "Share\nFacebook\nTwitter\n(((((((((((((((((((((((((((((((\n" + "a" * 5000 + "\n"


def page(units: int) -> str:
    """A page of ``units`` runs of 20 paragraphs, each run followed by chrome lines."""
    return "Long report\n\n" + "".join(
        "".join(PARA.format(i * 20 + j) for j in range(20)) + CHROME for i in range(units))


def best_time(text: str, repeat: int = 3) -> float:
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        parse_text(text)
        times.append(time.perf_counter() - t0)
    return min(times)


def main() -> None:
    base = None
    print(f"{'units':>6} {'chars':>10} {'seconds':>8} {'ratio':>6}")
    for units in (300, 600, 1200):
        text = page(units)
        t = best_time(text)
        base = base or t
        print(f"{units:>6} {len(text):>10,} {t:>8.2f} {t / base:>6.2f}")


if __name__ == "__main__":
    main()
