"""Speed of the stuurgroep deck on the demo data: the next-slide run and the PPTX and PDF exports.

    python benchmarks/presentatie.py [--runs N]

Next slide: the server-side run Streamlit does when the presenter presses Right (AppTest clicks the
"Volgende" button; at the last slide "Eerste" starts the round again), warm = the median over the
runs after the deck was built once; a trivial page is measured the same way, in the same run.
Target: under 150 ms warm. Export: the demo's past meeting as the CLI writes it (`render`, charts
drawn in Chromium by kaleido included), and the parts apart. Not a test: it never fails on time.
"""
from __future__ import annotations

import argparse
import statistics
import sys
import time

from harness import logged_in_app, measure, prepare_demo, trivial


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=20)
    args = parser.parse_args()
    db = prepare_demo("bench-presentatie-")
    from dashboard import config
    from dashboard.vergadering import agenda, deck, export

    with db.make_session() as session:
        past = next(m.id for m in agenda.list_vergaderingen(session) if m.besluiten)
    app = logged_in_app(db)
    app.query_params["vergadering"] = str(past)
    app.switch_page("pages/presentatie.py").run()
    if app.exception:
        sys.exit(f"presentatie failed: {app.exception[0].message}")

    def next_slide():
        button = app.button(key="dia_right")
        (app.button(key="dia_home") if button.disabled else button).click().run()

    cold, warm_ms, warm = measure(next_slide, args.runs)
    base_cold, base_ms, _ = measure(trivial(), args.runs)
    print(f"next slide      first {cold:7.1f} ms   warm median {warm_ms:7.1f} ms "
          f"(min {min(warm):.1f}, max {max(warm):.1f}, n={len(warm)})")
    print(f"trivial page    first {base_cold:7.1f} ms   warm median {base_ms:7.1f} ms")
    print(f"ratio next slide/trivial (warm): {warm_ms / base_ms:.1f}x; target < 150 ms -> "
          f"{'ok' if warm_ms < 150 else 'MISSED'}")

    media_dir = config.load().media_dir
    with db.make_session() as session:
        start = time.perf_counter()
        built = deck.build(session, past)
        build_ms = (time.perf_counter() - start) * 1000
    if export.missing():
        sys.exit(export.missing())
    timings = {}
    for fmt in export.FORMATS:
        runs = []
        for _ in range(2):
            start = time.perf_counter()
            export.render(built, fmt, media_dir)
            runs.append(time.perf_counter() - start)
        timings[fmt] = statistics.median(runs)
    start = time.perf_counter()
    images = export.chart_images(built)
    charts_s = time.perf_counter() - start
    parts = {}
    for fmt, write in (("pptx", export.pptx_bytes), ("pdf", export.pdf_bytes)):
        start = time.perf_counter()
        write(built, media_dir, images)
        parts[fmt] = (time.perf_counter() - start) * 1000
    print(f"deck of the past meeting: {len(built.dias)} slides, {len(images)} chart(s), built in {build_ms:.0f} ms")
    print(f"export PPTX {timings['pptx']:.1f} s, PDF {timings['pdf']:.1f} s (median of 2, charts included)")
    print(f"  of which: charts in Chromium {charts_s:.1f} s; writing PPTX {parts['pptx']:.0f} ms, PDF {parts['pdf']:.0f} ms")


if __name__ == "__main__":
    main()
