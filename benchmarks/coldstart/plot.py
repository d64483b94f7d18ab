#!/usr/bin/env python3
"""Draws cold start by flavour and JVM as an SVG bar chart from coldstart.py's coldstart-results.json.

One group of bars per subject (floor, api, api-snapstart, dispatch, ... in the harness's order), one bar per JVM
in each; the bar is the median of the trials, the whisker runs from the fastest to the slowest trial, and the
median is written above it. Several files may be given: trials of the same JVM and subject are pooled (runs of
one machine on one day; do not pool runs that were not paired against the same floor).

    python3 benchmarks/coldstart/plot.py benchmarks/target/coldstart/coldstart-results.json -o coldstart.svg
    python3 benchmarks/coldstart/plot.py --self-test

Standard library only. The SVG has its own white background and a sans-serif font, so it reads the same in
GitHub's light and dark themes when a markdown file embeds it with ![...](coldstart.svg).
"""
import argparse
import json
import math
import statistics
import sys
from xml.sax.saxutils import escape

METRICS = {
    "cold_ms": "cold start, ms (process start to first response)",
    "caller_ms": "ms until a new instance answers",
    "init_ms": "init, ms (process start to the runtime's first next)",
    "first_ms": "first request, ms",
    "warm_p50_ms": "warm p50, ms",
    "rss_kb": "RSS after the first response, MB",
}
# Subjects in the order a reader compares them: each function's plain, SnapStart and AOT flavours side by side.
ORDER = ["floor", "floor-aot", "api", "api-snapstart", "api-aot", "dispatch", "dispatch-snapstart", "dispatch-aot"]
COLOURS = ["#4e79a7", "#f28e2b", "#59a14f", "#e15759", "#76b7b2", "#b07aa1"]

LEFT, RIGHT, TOP, BOTTOM = 80, 20, 60, 84
PLOT_HEIGHT = 320
MIN_PLOT_WIDTH = 460
BAR, BAR_GAP, GROUP_GAP = 34, 6, 26


def load(paths):
    """{(jvm, subject): [trial, ...]} from one or more results files, trials of the same key pooled."""
    trials = {}
    for path in paths:
        with open(path) as f:
            for key, rows in json.load(f).items():
                jvm, _, subject = key.partition("/")
                trials.setdefault((jvm, subject), []).extend(rows)
    return trials


def subject_order(subjects):
    known = [s for s in ORDER if s in subjects]
    return known + sorted(s for s in subjects if s not in ORDER)


def nice_step(span, ticks=6):
    raw = span / ticks
    power = 10 ** math.floor(math.log10(raw))
    return next(m * power for m in (1, 2, 2.5, 5, 10) if m * power >= raw)


def value(row, metric):
    if metric == "rss_kb":
        return row[metric] / 1024
    if metric == "caller_ms":
        # A SnapStart trial's cold start includes init and priming, which Lambda runs once before the snapshot;
        # its caller waits for the restore (here only the hooks: no snapshot is loaded) and the first request.
        return row["restore_ms"] + row["first_ms"] if "restore_ms" in row else row["cold_ms"]
    return row[metric]


def render(trials, metric="cold_ms", title=None):
    jvms = sorted({jvm for jvm, _ in trials})
    subjects = subject_order({subject for _, subject in trials})
    stats = {}
    for key, rows in trials.items():
        values = [value(r, metric) for r in rows if metric == "caller_ms" or r.get(metric) is not None]
        if values:
            stats[key] = (statistics.median(values), min(values), max(values), len(values))
    top = max(s[2] for s in stats.values())
    step = nice_step(top)
    axis_max = step * math.ceil(top / step)
    if axis_max - top < step * 0.15:  # room for the value written above the tallest whisker
        axis_max += step

    group_width = len(jvms) * BAR + (len(jvms) - 1) * BAR_GAP
    # Wide enough for the title and the legend however few the bars; the groups share out the room.
    plot_width = max(MIN_PLOT_WIDTH, len(subjects) * group_width + (len(subjects) + 1) * GROUP_GAP)
    gap = (plot_width - len(subjects) * group_width) / (len(subjects) + 1)
    width = LEFT + plot_width + RIGHT
    height = TOP + PLOT_HEIGHT + BOTTOM
    base = TOP + PLOT_HEIGHT

    def y(v):
        return base - v / axis_max * PLOT_HEIGHT

    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" font-family="Helvetica, Arial, sans-serif" font-size="12">',
        f'<rect width="{width}" height="{height}" fill="#ffffff"/>',
        f'<text x="{LEFT}" y="22" font-size="15" font-weight="bold">'
        f'{escape(title or "Cold start by flavour and JVM")}</text>',
        f'<text x="{LEFT}" y="40" fill="#555">bar: median; whisker: fastest to slowest trial; n: trials</text>',
    ]
    tick = 0.0
    while tick <= axis_max + step / 2:
        ty = y(tick)
        out.append(f'<line x1="{LEFT}" x2="{LEFT + plot_width}" y1="{ty:.1f}" y2="{ty:.1f}" stroke="#e3e3e3"/>')
        out.append(f'<text x="{LEFT - 6}" y="{ty + 4:.1f}" text-anchor="end">{tick:,.0f}</text>')
        tick += step
    out.append(f'<line x1="{LEFT}" x2="{LEFT}" y1="{TOP}" y2="{base}" stroke="#333"/>')
    out.append(f'<line x1="{LEFT}" x2="{LEFT + plot_width}" y1="{base}" y2="{base}" stroke="#333"/>')
    out.append(f'<text transform="translate(18 {TOP + PLOT_HEIGHT / 2}) rotate(-90)" text-anchor="middle">'
               f'{escape(METRICS.get(metric, metric))}</text>')

    for g, subject in enumerate(subjects):
        gx = LEFT + gap + g * (group_width + gap)
        # Function on one line, flavour under it: long names of neighbouring groups must not run together.
        function, _, flavour = subject.partition("-")
        out.append(f'<text x="{gx + group_width / 2:.1f}" y="{base + 18}" text-anchor="middle" '
                   f'font-weight="bold">{escape(function)}</text>')
        out.append(f'<text x="{gx + group_width / 2:.1f}" y="{base + 32}" text-anchor="middle">'
                   f'{escape(flavour)}</text>')
        for j, jvm in enumerate(jvms):
            if (jvm, subject) not in stats:
                continue
            median, low, high, n = stats[(jvm, subject)]
            x = gx + j * (BAR + BAR_GAP)
            mid = x + BAR / 2
            colour = COLOURS[j % len(COLOURS)]
            out.append(
                f'<rect class="bar" data-jvm="{escape(jvm)}" data-subject="{escape(subject)}" '
                f'data-median="{median:.3f}" x="{x:.1f}" y="{y(median):.1f}" width="{BAR}" '
                f'height="{base - y(median):.1f}" fill="{colour}">'
                f'<title>{escape(jvm)} {escape(subject)}: median {median:,.0f}, min {low:,.0f}, '
                f'max {high:,.0f} ({n} trials)</title></rect>')
            out.append(
                f'<g class="whisker" data-jvm="{escape(jvm)}" data-subject="{escape(subject)}" stroke="#222">'
                f'<line x1="{mid:.1f}" x2="{mid:.1f}" y1="{y(high):.1f}" y2="{y(low):.1f}"/>'
                f'<line x1="{mid - 6:.1f}" x2="{mid + 6:.1f}" y1="{y(high):.1f}" y2="{y(high):.1f}"/>'
                f'<line x1="{mid - 6:.1f}" x2="{mid + 6:.1f}" y1="{y(low):.1f}" y2="{y(low):.1f}"/></g>')
            out.append(f'<text class="value" x="{mid:.1f}" y="{y(high) - 5:.1f}" text-anchor="middle" '
                       f'font-size="11">{median:,.0f}</text>')
            out.append(f'<text x="{mid:.1f}" y="{base + 47}" text-anchor="middle" font-size="10" '
                       f'fill="#555">n={n}</text>')

    lx = LEFT
    for j, jvm in enumerate(jvms):
        out.append(f'<rect x="{lx}" y="{height - 20}" width="12" height="12" '
                   f'fill="{COLOURS[j % len(COLOURS)]}"/>')
        out.append(f'<text x="{lx + 17}" y="{height - 10}">{escape(jvm)}</text>')
        lx += 30 + 8 * len(jvm)
    out.append("</svg>")
    return "\n".join(out) + "\n"


def self_test():
    """One bar per JVM and subject, heights in proportion to the medians, whiskers at min and max."""
    import xml.etree.ElementTree as ET

    def trial(ms):
        return {"cold_ms": ms, "init_ms": ms / 2, "first_ms": 10, "rss_kb": 102400, "warm_p50_ms": 5}

    trials = {
        ("java17", "floor"): [trial(1000), trial(1200), trial(1100)],
        ("java17", "api"): [trial(3000), trial(4000)],  # even count: median is the mean of the middle two
        ("java25", "floor"): [trial(900)],
        ("java25", "api"): [trial(2500), trial(2000), trial(3500)],
        ("java25", "api-aot"): [trial(1200), trial(1300), trial(1250)],
    }
    svg = render(trials)
    root = ET.fromstring(svg)
    ns = "{http://www.w3.org/2000/svg}"
    bars = {(b.get("data-jvm"), b.get("data-subject")): b for b in root.iter(ns + "rect") if b.get("class") == "bar"}
    assert set(bars) == set(trials), sorted(bars)
    expected = {("java17", "floor"): 1100, ("java17", "api"): 3500, ("java25", "floor"): 900,
                ("java25", "api"): 2500, ("java25", "api-aot"): 1250}
    bottom = {float(b.get("y")) + float(b.get("height")) for b in bars.values()}
    assert max(bottom) - min(bottom) < 0.2, bottom  # every bar stands on the axis
    per_ms = {key: float(b.get("height")) / expected[key] for key, b in bars.items()}
    assert max(per_ms.values()) - min(per_ms.values()) < 0.001, per_ms
    scale = statistics.mean(per_ms.values())
    base = bottom.pop()
    for g in root.iter(ns + "g"):
        key = (g.get("data-jvm"), g.get("data-subject"))
        ms = [v["cold_ms"] for v in trials[key]]
        stem = g.find(ns + "line")
        assert abs(float(stem.get("y1")) - (base - max(ms) * scale)) < 0.2, (key, stem.attrib)
        assert abs(float(stem.get("y2")) - (base - min(ms) * scale)) < 0.2, (key, stem.attrib)
    labels = [t.text for t in root.iter(ns + "text") if t.get("class") == "value"]
    assert sorted(labels) == sorted(f"{v:,}" for v in expected.values()), labels
    order = []
    for bar in sorted(bars.values(), key=lambda b: float(b.get("x"))):
        if bar.get("data-subject") not in order:
            order.append(bar.get("data-subject"))
    assert order == ["floor", "api", "api-aot"], order
    print("plot.py self-test: ok (5 bars, heights, whiskers, labels, order)")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("results", nargs="*", help="coldstart-results.json files (trials of a key are pooled)")
    parser.add_argument("-o", "--output", default="coldstart.svg")
    parser.add_argument("--metric", default="cold_ms", choices=sorted(METRICS))
    parser.add_argument("--title")
    parser.add_argument("--subjects", help="only these subjects, comma-separated (e.g. leave out *-baseline)")
    parser.add_argument("--self-test", action="store_true")
    args = parser.parse_args()
    if args.self_test:
        self_test()
        return
    if not args.results:
        parser.error("give at least one coldstart-results.json (or --self-test)")
    trials = load(args.results)
    if args.subjects:
        trials = {key: rows for key, rows in trials.items() if key[1] in args.subjects.split(",")}
    svg = render(trials, args.metric, args.title)
    with open(args.output, "w") as f:
        f.write(svg)
    print(f"wrote {args.output}: {len(trials)} bars", file=sys.stderr)


if __name__ == "__main__":
    main()
