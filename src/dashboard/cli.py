"""Command line: `python -m dashboard SUBCOMMAND`.

Exit codes: 0 success, 1 rejected input with nothing written, 2 usage error or unreadable file
(or a database that cannot be used). Errors are one Dutch line on stderr, never a traceback.
"""
from __future__ import annotations

import argparse
import json
import logging
import sys

from dashboard import access, accounts, config, share_links, startup
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


# --- access: users and share links -------------------------------------------------------------

def _read_password(args: argparse.Namespace) -> str:
    if args.password_stdin:
        return sys.stdin.readline().rstrip("\r\n")
    import getpass

    first = getpass.getpass("Wachtwoord: ")
    if getpass.getpass("Wachtwoord herhalen: ") != first:
        raise accounts.AccountError("De twee wachtwoorden zijn niet gelijk. Er is niets opgeslagen.")
    return first


def _users_add(args: argparse.Namespace) -> int:
    db = startup.prepare(config.load(), demo=False)
    user = accounts.add_user(db, args.name, args.role, _read_password(args), door="opdrachtregel")
    print(f"Gebruiker {user.naam} aangemaakt met rol {user.rol}.")
    return EXIT_OK


def _users_list(args: argparse.Namespace) -> int:
    users = accounts.list_users(startup.prepare(config.load(), demo=False))
    if args.json:
        print(json.dumps([user.as_json() for user in users]))
    for user in users if not args.json else ():
        print(f"{user.naam}\t{user.rol}\t{'actief' if user.actief else 'uitgeschakeld'}")
    return EXIT_OK


def _users_disable(args: argparse.Namespace) -> int:
    user = accounts.set_active(startup.prepare(config.load(), demo=False), args.name, False, door="opdrachtregel")
    print(f"Gebruiker {user.naam} is uitgeschakeld; lopende sessies zijn beëindigd.")
    return EXIT_OK


def _share_create(args: argparse.Namespace) -> int:
    settings = config.load()
    link, token = share_links.create(startup.prepare(settings, demo=False), args.label, door="opdrachtregel",
                                     days=args.days)
    address = share_links.url(settings.base_url, token)
    if args.json:
        print(json.dumps({**link.as_json(), "url": address}))
    else:
        print(f"Deellink {link.id} ({link.label}) geldig tot {link.expires:%Y-%m-%d %H:%M} UTC. "
              "Het adres wordt maar één keer getoond:")
    print(address)
    return EXIT_OK


def _share_list(args: argparse.Namespace) -> int:
    links = share_links.list_links(startup.prepare(config.load(), demo=False))
    if args.json:
        print(json.dumps([link.as_json() for link in links]))
    for link in links if not args.json else ():
        state = "ingetrokken" if link.revoked else ("actief" if link.active else "verlopen")
        print(f"{link.id}\t{link.label}\t{state}\tverloopt {link.expires:%Y-%m-%d}")
    return EXIT_OK


def _share_revoke(args: argparse.Namespace) -> int:
    link = share_links.revoke(startup.prepare(config.load(), demo=False), args.id, door="opdrachtregel")
    print(f"Deellink {link.id} ({link.label}) is ingetrokken.")
    return EXIT_OK


def _add_access_commands(commands) -> None:
    """`users ...` and `share ...`: accounts and share links (tokens are printed once, never logged)."""
    users = commands.add_parser("users", help="accounts beheren").add_subparsers(
        dest="users_command", required=True, parser_class=_Parser, metavar="ACTIE")
    add = users.add_parser("add", help="account toevoegen")
    add.add_argument("name", metavar="NAAM")
    add.add_argument("--role", required=True, choices=access.ROLES, help="rol van het account")
    add.add_argument("--password-stdin", action="store_true", help="lees het wachtwoord van stdin")
    add.set_defaults(run=_users_add)
    listing = users.add_parser("list", help="accounts tonen")
    listing.add_argument("--json", action="store_true", help="lijst als JSON op stdout")
    listing.set_defaults(run=_users_list)
    disable = users.add_parser("disable", help="account uitschakelen")
    disable.add_argument("name", metavar="NAAM")
    disable.set_defaults(run=_users_disable)

    share = commands.add_parser("share", help="deellinks (alleen lezen) beheren").add_subparsers(
        dest="share_command", required=True, parser_class=_Parser, metavar="ACTIE")
    create = share.add_parser("create", help="deellink maken; het adres staat op de laatste regel")
    create.add_argument("--label", required=True, help="voor wie of waarvoor de link is")
    create.add_argument("--days", type=int, default=share_links.DEFAULT_DAYS, help="geldigheid in dagen")
    create.add_argument("--json", action="store_true", help="gegevens als JSON, daarna het adres")
    create.set_defaults(run=_share_create)
    listing = share.add_parser("list", help="deellinks tonen")
    listing.add_argument("--json", action="store_true", help="lijst als JSON op stdout")
    listing.set_defaults(run=_share_list)
    revoke = share.add_parser("revoke", help="deellink intrekken")
    revoke.add_argument("id", type=int, metavar="ID")
    revoke.set_defaults(run=_share_revoke)


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="python -m dashboard", description="Tellen & Vertellen op de opdrachtregel.")
    commands = parser.add_subparsers(dest="command", required=True, parser_class=_Parser,
                                     metavar="OPDRACHT")
    init = commands.add_parser("init", help="schema aanmaken of bijwerken, eventueel met demodata")
    init.add_argument("--demo", action="store_true", help="laad de demodata als de database leeg is")
    init.add_argument("--json", action="store_true", help="rapport als JSON op stdout")
    init.set_defaults(run=_init)
    _add_access_commands(commands)
    return parser


def main(argv: list[str] | None = None) -> int:
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    args = build_parser().parse_args(argv)
    try:
        return args.run(args)
    except DatabaseUnavailable as error:
        print(f"Fout: {error}", file=sys.stderr)
        return EXIT_USAGE
    except (accounts.AccountError, share_links.ShareError) as error:
        print(f"Fout: {error}", file=sys.stderr)
        return EXIT_REJECTED
