"""Command line: `python -m dashboard SUBCOMMAND`.

Exit codes: 0 success, 1 rejected input with nothing written, 2 usage error or unreadable file
(or a database that cannot be used). Errors are one Dutch line on stderr, never a traceback.
"""
from __future__ import annotations

import argparse
import json
import logging
import sys

from dashboard import config, startup
from dashboard.db import DatabaseUnavailable

EXIT_OK, EXIT_REJECTED, EXIT_USAGE = 0, 1, 2


class _Parser(argparse.ArgumentParser):
    def error(self, message: str):  # argparse's own exit code is 2 too, with a Dutch lead
        self.print_usage(sys.stderr)
        print(f"Fout: {message}", file=sys.stderr)
        raise SystemExit(EXIT_USAGE)


def _init(args: argparse.Namespace) -> int:
    settings = config.load()
    db = startup.prepare(settings, demo=args.demo)
    with db.sessions() as session:
        from dashboard import queries

        report = {"database": settings.database_url.split("@")[-1], "demo": queries.demo_loaded(session)}
    if args.json:
        print(json.dumps(report))
    else:
        print("Database klaar" + (" met demodata." if report["demo"] else "."))
    return EXIT_OK


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="python -m dashboard", description="Tellen & Vertellen op de opdrachtregel.")
    commands = parser.add_subparsers(dest="command", required=True, parser_class=_Parser,
                                     metavar="OPDRACHT")
    init = commands.add_parser("init", help="schema aanmaken of bijwerken, eventueel met demodata")
    init.add_argument("--demo", action="store_true", help="laad de demodata als de database leeg is")
    init.add_argument("--json", action="store_true", help="rapport als JSON op stdout")
    init.set_defaults(run=_init)
    return parser


def main(argv: list[str] | None = None) -> int:
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    args = build_parser().parse_args(argv)
    try:
        return args.run(args)
    except DatabaseUnavailable as error:
        print(f"Fout: {error}", file=sys.stderr)
        return EXIT_USAGE
