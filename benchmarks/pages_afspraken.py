"""Server-side run time of Kompas, the afspraken list and an afspraak detail on the demo data.

Runs each page under AppTest (the script run Streamlit does per visit, without the browser):
cold is the first run of the page in this process, warm the median of the runs after it. A
trivial page (one st.write) is measured the same way in the same run, so the ratio says how
much our own work adds, whatever this machine's speed. Target: under 300 ms warm.

    python benchmarks/pages_afspraken.py [--runs 10]
"""
from __future__ import annotations

import argparse

from harness import logged_in_app, measure, prepare_demo, trivial


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=10)
    args = parser.parse_args()
    db = prepare_demo("bench-afspraken-")
    from dashboard import afspraken

    with db.make_session() as session:
        detail_id = str(afspraken.overview(session).set_index("nummer").loc["5.1", "id"])

    def page(script: str | None, params: dict[str, str] | None = None):
        at = logged_in_app(db)  # every visit starts at app.py; the page is switched to below
        if params:
            at.query_params.update(params)
        return at.run if script is None else lambda: at.switch_page(script).run()

    rows = [
        ("triviale pagina (st.write)", measure(trivial(), args.runs)),
        ("Kompas", measure(page(None), args.runs)),
        ("Afspraken (lijst)", measure(page("pages/afspraken.py"), args.runs)),
        ("Afspraak 5.1 (detail)", measure(page("pages/afspraken.py", {"afspraak": detail_id}), args.runs)),
    ]
    base_warm = rows[0][1][1]
    print(f"{'pagina':30} {'koud ms':>9} {'warm ms':>9} {'warm / triviaal':>16}")
    for name, (cold, warm, _) in rows:
        print(f"{name:30} {cold:9.0f} {warm:9.0f} {warm / base_warm:15.1f}x")
    print(f"(warm = mediaan van {args.runs} runs; doel: onder 300 ms warm)")


if __name__ == "__main__":
    main()
