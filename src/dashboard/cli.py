"""Command line: `python -m dashboard SUBCOMMAND`.

Exit codes: 0 success, 1 rejected input with nothing written (also a value that already exists),
2 usage error or unreadable file, or a database or disk that cannot be used (full, read-only,
locked, unreachable, damaged). Errors are Dutch lines on stderr, never a traceback: the diagnosis
of dashboard/diagnosis.py, with the database's details on a second line (whoever runs the command
line has the settings anyway).
"""
from __future__ import annotations

import argparse
import getpass
import json
import os
import logging
import sys
from pathlib import Path

from sqlalchemy import exc, select

from dashboard import clock, config, formatting, startup
from dashboard.diagnosis import DatabaseProblem, diagnose
from dashboard.models import Afspraak
from dashboard.toegang import access, accounts, herstel, share_links, uitnodigingen

EXIT_OK, EXIT_REJECTED, EXIT_USAGE = 0, 1, 2


class _Parser(argparse.ArgumentParser):
    def error(self, message: str):  # argparse's own exit code is 2 too, with a Dutch lead
        self.print_usage(sys.stderr)
        print(f"Fout: {message}", file=sys.stderr)
        raise SystemExit(EXIT_USAGE)


def _init(args: argparse.Namespace) -> int:
    settings = config.load()
    db = startup.prepare(settings, demo=args.demo)
    with db.make_session() as session:
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
    user = accounts.add_user(db, args.name, args.role, _read_password(args), door="opdrachtregel", partij=args.partij)
    print(f"Gebruiker {user.naam} aangemaakt met rol {user.rol}" + (f" voor {user.partij}." if user.partij else "."))
    return EXIT_OK


def _users_list(args: argparse.Namespace) -> int:
    users = accounts.list_users(startup.prepare(config.load(), demo=False))
    if args.json:
        print(json.dumps([user.as_json() for user in users]))
    for user in users if not args.json else ():
        print(f"{user.naam}\t{user.rol}\t{user.partij or '-'}\t{'actief' if user.actief else 'uitgeschakeld'}"
              + ("" if user.kan_inloggen else "\tgeen wachtwoord (demo)"))
    return EXIT_OK


def _base_url(settings: config.Settings) -> str:
    """DASHBOARD_BASE_URL; unset, the command has no browser to ask, so it assumes localhost and says so."""
    if settings.base_url:
        return settings.base_url
    print(f"Let op: DASHBOARD_BASE_URL is niet gezet; de link gaat uit van {config.DEFAULT_BASE_URL}. "
          "Zet DASHBOARD_BASE_URL op het adres waarop anderen de app openen.", file=sys.stderr)
    return config.DEFAULT_BASE_URL


def _users_invite(args: argparse.Namespace) -> int:
    settings = config.load()
    info, token = uitnodigingen.create(startup.prepare(settings, demo=False), args.name, args.role, args.partij,
                                       door="opdrachtregel", days=args.days)
    address = uitnodigingen.url(_base_url(settings), token)
    if args.json:
        print(json.dumps({**info.as_json(), "url": address}, ensure_ascii=False))
    else:
        print(f"Uitnodiging {info.id} voor {info.naam} ({info.rol}, {info.partij or 'geen partij'}) geldig tot "
              f"{formatting.stamp(info.expires, zone=True)}. De link werkt één keer en wordt maar één keer getoond:")
    print(address)
    return EXIT_OK


def _users_invitations(args: argparse.Namespace) -> int:
    found = uitnodigingen.list_uitnodigingen(startup.prepare(config.load(), demo=False))
    if args.json:
        print(json.dumps([info.as_json() for info in found], ensure_ascii=False))
    for info in found if not args.json else ():
        rol, partij = ("herstellink", "-") if info.soort == "herstel" else (info.rol, info.partij or "-")
        print(f"{info.id}\t{info.naam}\t{rol}\t{partij}\t{info.state}\tverloopt {formatting.stamp(info.expires)}")
    return EXIT_OK


def _users_reset_link(args: argparse.Namespace) -> int:
    settings = config.load()
    info, token = herstel.create(startup.prepare(settings, demo=False), args.name, door="opdrachtregel", days=args.days)
    address = herstel.url(_base_url(settings), token)
    if args.json:
        print(json.dumps({**info.as_json(), "url": address}, ensure_ascii=False))
    else:
        print(f"Herstellink {info.id} voor {info.naam} geldig tot {formatting.stamp(info.expires, zone=True)}. Met de link "
              "kiest de gebruiker zelf een nieuw wachtwoord; daarna eindigen alle sessies. De link werkt één keer en "
              "wordt maar één keer getoond:")
    print(address)
    return EXIT_OK


def _users_withdraw(args: argparse.Namespace) -> int:
    info = uitnodigingen.withdraw(startup.prepare(config.load(), demo=False), args.id, door="opdrachtregel")
    print(f"Uitnodiging {info.id} voor {info.naam}: {info.state}.")
    return EXIT_OK


def _users_disable(args: argparse.Namespace) -> int:
    user = accounts.set_active(startup.prepare(config.load(), demo=False), args.name, False, door="opdrachtregel")
    print(f"Gebruiker {user.naam} is uitgeschakeld; lopende sessies zijn beëindigd.")
    return EXIT_OK


def _share_create(args: argparse.Namespace) -> int:
    settings = config.load()
    link, token = share_links.create(startup.prepare(settings, demo=False), args.label, door="opdrachtregel",
                                     days=args.days)
    address = share_links.url(_base_url(settings), token)
    if args.json:
        print(json.dumps({**link.as_json(), "url": address}))
    else:
        print(f"Deellink {link.id} ({link.label}) geldig tot {formatting.stamp(link.expires, zone=True)}. "
              "Het adres wordt maar één keer getoond:")
    print(address)
    return EXIT_OK


def _share_list(args: argparse.Namespace) -> int:
    links = share_links.list_links(startup.prepare(config.load(), demo=False))
    if args.json:
        print(json.dumps([link.as_json() for link in links]))
    for link in links if not args.json else ():
        state = "ingetrokken" if link.revoked else ("actief" if link.active else "verlopen")
        print(f"{link.id}\t{link.label}\t{state}\tverloopt {formatting.stamp(link.expires)}")
    return EXIT_OK


def _share_revoke(args: argparse.Namespace) -> int:
    link = share_links.revoke(startup.prepare(config.load(), demo=False), args.id, door="opdrachtregel")
    print(f"Deellink {link.id} ({link.label}) is ingetrokken.")
    return EXIT_OK


_LINK_ADDRESS = (f"De link begint met DASHBOARD_BASE_URL; is die niet gezet, dan met {config.DEFAULT_BASE_URL} "
                 "(met een waarschuwing op stderr). Tijden staan in Nederlandse tijd; --json geeft ze in UTC.")


def _add_access_commands(commands) -> None:
    """`users ...` and `share ...`: accounts and share links (tokens are printed once, never logged)."""
    users = commands.add_parser("users", help="accounts beheren").add_subparsers(
        dest="users_command", required=True, parser_class=_Parser, metavar="ACTIE")
    add = users.add_parser("add", help="account toevoegen")
    add.add_argument("name", metavar="NAAM")
    add.add_argument("--role", required=True, choices=access.ROLES, help="rol van het account")
    add.add_argument("--password-stdin", action="store_true", help="lees het wachtwoord van stdin")
    add.add_argument("--partij", metavar="NAAM", help="de partij van het account (verplicht voor een partner)")
    add.set_defaults(run=_users_add)
    listing = users.add_parser("list", help="accounts tonen")
    listing.add_argument("--json", action="store_true", help="lijst als JSON op stdout")
    listing.set_defaults(run=_users_list)
    disable = users.add_parser("disable", help="account uitschakelen")
    disable.add_argument("name", metavar="NAAM")
    disable.set_defaults(run=_users_disable)
    invite = users.add_parser("invite", help="eenmalige uitnodiging maken; de link staat op de laatste regel",
                              description=_LINK_ADDRESS)
    invite.add_argument("name", metavar="NAAM", help="de gebruikersnaam die het account krijgt")
    invite.add_argument("--role", required=True, choices=access.ROLES, help="rol van het account")
    invite.add_argument("--partij", required=True, metavar="NAAM", help="de partij waarvoor deze persoon schrijft")
    invite.add_argument("--days", type=int, default=uitnodigingen.DEFAULT_DAYS, help="geldigheid in dagen")
    invite.add_argument("--json", action="store_true", help="gegevens als JSON, daarna de link")
    invite.set_defaults(run=_users_invite)
    reset = users.add_parser("reset-link", help="eenmalige link om zelf een nieuw wachtwoord te kiezen; de link staat "
                                                "op de laatste regel", description=_LINK_ADDRESS)
    reset.add_argument("name", metavar="NAAM", help="de gebruiker die een nieuw wachtwoord kiest")
    reset.add_argument("--days", type=int, default=herstel.DEFAULT_DAYS,
                       help=f"geldigheid in dagen (1 tot {herstel.MAX_DAYS})")
    reset.add_argument("--json", action="store_true", help="gegevens als JSON, daarna de link")
    reset.set_defaults(run=_users_reset_link)
    invitations = users.add_parser("invitations", help="uitnodigingen en herstellinks tonen")
    invitations.add_argument("--json", action="store_true", help="lijst als JSON op stdout")
    invitations.set_defaults(run=_users_invitations)
    withdraw = users.add_parser("withdraw", help="uitnodiging of herstellink intrekken")
    withdraw.add_argument("id", type=int, metavar="ID")
    withdraw.set_defaults(run=_users_withdraw)

    share = commands.add_parser("share", help="deellinks (alleen lezen) beheren").add_subparsers(
        dest="share_command", required=True, parser_class=_Parser, metavar="ACTIE")
    create = share.add_parser("create", help="deellink maken; het adres staat op de laatste regel",
                              description=_LINK_ADDRESS)
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
# --- imports and export (issue 3) -------------------------------------------------------------

def _print_problems(problems) -> None:
    for problem in problems[:200]:
        value = f" (waarde: {problem.value[:60]})" if problem.value else ""
        print(f"{problem}{value}", file=sys.stderr)
    if len(problems) > 200:
        print(f"... en nog {formatting.count(len(problems) - 200, 'probleem', 'problemen')}.", file=sys.stderr)


def _koppelingen(pairs: list[str] | None) -> dict[str, str] | None:
    """--koppel "Onderwerp=sleutel" (repeatable) as {onderwerp: sleutel}; None when not given."""
    if not pairs:
        return None
    mapping = {}
    for pair in pairs:
        onderwerp, is_, key = pair.rpartition("=")
        if not is_ or not onderwerp.strip():
            print(f"Fout: --koppel '{pair}' moet de vorm \"Onderwerp=sleutel\" hebben "
                  "(een lege sleutel: niet importeren).", file=sys.stderr)
            raise SystemExit(EXIT_USAGE)
        mapping[onderwerp.strip()] = key.strip()
    return mapping


def _import(args: argparse.Namespace) -> int:
    from dashboard.ingest import ImportRejected, Report, import_file
    from dashboard.ingest.problems import UnreadableFile

    mapping = _koppelingen(args.koppel)
    settings = config.load()
    db = startup.prepare(settings, demo=False)
    try:
        report = import_file(db, Path(args.file), kind=args.kind, format=args.format, dry_run=args.dry_run,
                             user=getpass.getuser(), add_missing=args.add_missing, mapping=mapping,
                             max_bytes=args.max_mb * 1_048_576 if args.max_mb else None)
    except ImportRejected as rejected:
        if args.json:
            print(json.dumps(Report.rejected(rejected.problems).as_dict(), ensure_ascii=False))
        count = len(rejected.problems)
        print(f"Fout: {args.file} is geweigerd, er is niets geschreven "
              f"({formatting.count(count, 'probleem', 'problemen')}):", file=sys.stderr)
        _print_problems(rejected.problems)
        return EXIT_USAGE if isinstance(rejected, UnreadableFile) else EXIT_REJECTED
    if args.json:
        print(json.dumps(report.as_dict(), ensure_ascii=False))
        return EXIT_OK
    print(f"Herkend: {report.kind}, formaat {report.format}; {report.dialect}.")
    for added in report.added:
        print(f"Toegevoegd: {added}")
    for note in report.notes:
        print(f"Gelezen: {note}")
    verb = {"committed": f"Vastgelegd als import {report.batch_id}", "unchanged": "Niets veranderd",
            "valid": "Proefimport geldig, niets geschreven"}[report.status]
    print(f"{verb}: {report.rows_new} nieuw, {report.rows_changed} gewijzigd, "
          f"{report.rows_unchanged} ongewijzigd, {report.rows_skipped_empty} lege waarden overgeslagen.")
    for row in report.sample:
        old = "" if row["old"] is None else f"{row['old']:g} -> "
        print(f"  regel {row['line']}: {row['indicator']} {row['gebied']} {row['partij'] or '(totaal)'} "
              f"{row['periode']}: {old}{row['new']:g}")
    return EXIT_OK


def _imports_list(args: argparse.Namespace) -> int:
    from dashboard.ingest.undo import history

    batches = history(startup.prepare(config.load(), demo=False))
    if args.json:
        records = batches.drop(columns=["sha256"]).assign(tijdstip=batches["tijdstip"].map(clock.iso))
        print(records.to_json(orient="records", force_ascii=False))
        return EXIT_OK
    if batches.empty:
        print("Nog geen imports.")
    for b in batches.itertuples():
        print(f"{b.batch_id:>5}  {formatting.stamp(b.tijdstip)}  {b.status:<10} {b.soort:<13} "
              f"+{b.rows_new} ~{b.rows_changed}  {b.bestandsnaam}  ({b.gebruiker})")
    return EXIT_OK


def _imports_undo(args: argparse.Namespace) -> int:
    from dashboard.ingest.undo import UndoRefused, undo

    try:
        batch = undo(startup.prepare(config.load(), demo=False), args.batch_id, gebruiker=getpass.getuser())
    except UndoRefused as refused:
        print(f"Fout: {refused}", file=sys.stderr)
        return EXIT_REJECTED
    print(f"Import {batch.id} ({batch.bestandsnaam}) is ongedaan gemaakt: "
          f"{formatting.count(batch.rows_changed, 'waarde', 'waarden')} hersteld, {batch.rows_new} verwijderd.")
    return EXIT_OK


def _export(args: argparse.Namespace) -> int:
    from dashboard import export, queries

    db = startup.prepare(config.load(), demo=False)
    with db.make_session() as session:
        frame = queries.long_format(session, args.indicator, args.gebied, args.van, args.tot)
    data = export.csv_bytes(frame)
    if args.out:
        try:
            Path(args.out).write_bytes(data)
        except OSError as error:
            return _unwritable(args.out, error)
        print(f"{formatting.count(len(frame), 'waarde', 'waarden')} geschreven naar {args.out}.", file=sys.stderr)
    else:
        sys.stdout.buffer.write(data)
    return EXIT_OK


def _add_import_commands(commands) -> None:
    """import, imports list/undo, export: the data officer's commands."""
    from dashboard.ingest import KINDS
    from dashboard.ingest.formats import FORMATS

    command = commands.add_parser("import", help="een CSV- of GeoJSON-bestand importeren (alles of niets)")
    command.add_argument("file", metavar="BESTAND")
    command.add_argument("--kind", choices=KINDS, help="soort gegevens (anders herkend aan de kopregel)")
    command.add_argument("--format", choices=("auto", *FORMATS), default="auto",
                         help="vorm van observaties: lang, breed of cbs (anders herkend)")
    command.add_argument("--dry-run", action="store_true", help="alleen controleren en tellen, niets schrijven")
    command.add_argument("--json", action="store_true", help="rapport als JSON op stdout")
    command.add_argument("--add-missing", action="store_true",
                         help="onbekende gebieden (CBS-codes) en partijen bewust toevoegen; nooit een die bijna "
                              "gelijk is aan een bestaande (die wordt voorgesteld)")
    command.add_argument("--koppel", action="append", metavar="ONDERWERP=SLEUTEL",
                         help="lees dit onderwerp (of deze kolom) als deze indicator; herhaalbaar, lege sleutel: "
                              "niet importeren")
    command.add_argument("--max-mb", type=int, metavar="N",
                         help="weiger bestanden groter dan N MB (standaard: geen grens; de webpagina houdt "
                              "DASHBOARD_MAX_UPLOAD_MB aan)")
    command.set_defaults(run=_import)

    imports = commands.add_parser("imports", help="eerdere imports bekijken of ongedaan maken")
    actions = imports.add_subparsers(dest="action", required=True, parser_class=_Parser, metavar="ACTIE")
    listing = actions.add_parser("list", help="alle imports, nieuwste eerst")
    listing.add_argument("--json", action="store_true", help="lijst als JSON op stdout")
    listing.set_defaults(run=_imports_list)
    undoing = actions.add_parser("undo", help="een import ongedaan maken")
    undoing.add_argument("batch_id", type=int, metavar="BATCH_ID")
    undoing.set_defaults(run=_imports_undo)

    out = commands.add_parser("export", help="observaties in het lange formaat (CSV voor Nederlandse Excel)")
    out.add_argument("--indicator", action="append", metavar="SLEUTEL", help="alleen deze indicator (herhaalbaar)")
    out.add_argument("--gebied", action="append", metavar="CODE", help="alleen dit gebied (herhaalbaar)")
    out.add_argument("--van", type=int, metavar="JAAR", help="vanaf dit jaar")
    out.add_argument("--tot", type=int, metavar="JAAR", help="tot en met dit jaar")
    out.add_argument("--out", metavar="BESTAND", help="schrijf naar dit bestand (anders naar stdout)")
    out.set_defaults(run=_export)


# --- the stuurgroep: meetings, besluiten, the deck (issue 10) --------------------------------------

CLI = access.Visitor(name="opdrachtregel", role="redacteur")


def _opendata_sync(args: argparse.Namespace) -> int:
    from dashboard.opendata.fetch import SyncFailed
    from dashboard.opendata.sync import meldingen, sync

    settings = config.load()
    db = startup.prepare(settings, demo=False)
    try:
        report = sync(db, args.gemeente, args.van, odata_url=settings.cbs_odata_url, pdok_url=settings.pdok_url,
                      opgehaald=clock.local(clock.now()).date(), user=getpass.getuser())
    except SyncFailed as failed:
        print(f"Fout: {failed}", file=sys.stderr)
        return EXIT_REJECTED
    for naam, batch in report.batches:
        verb = f"import {batch.batch_id}" if batch.status == "committed" else "niets veranderd"
        print(f"{naam}: {verb}, {batch.rows_new} nieuw, {batch.rows_changed} gewijzigd, "
              f"{batch.rows_unchanged} ongewijzigd.")
    for line in meldingen(report):
        print(line)
    return EXIT_OK


def _add_opendata_command(commands) -> None:
    opendata = commands.add_parser("opendata", help="open data van CBS en PDOK ophalen").add_subparsers(
        dest="action", required=True, parser_class=_Parser, metavar="ACTIE")
    syncing = opendata.add_parser("sync", help="CBS-tabellen en PDOK-grenzen van een gemeente als imports")
    syncing.add_argument("--gemeente", required=True, help="CBS-code van de gemeente, bijvoorbeeld GM0363")
    syncing.add_argument("--van", type=int, default=2015, help="eerste jaar (standaard 2015)")
    syncing.set_defaults(run=_opendata_sync)


def _doelen_list(args: argparse.Namespace) -> int:
    from dashboard.doelen import bibliotheek

    with startup.prepare(config.load(), demo=False).make_session() as session:
        doelen = bibliotheek.lijst(session)
    if args.json:
        print(json.dumps(doelen, ensure_ascii=False))
        return EXIT_OK
    for d in doelen:
        print(f"{d['code']:<24} {d['niveau']:<10} {d['peiljaar']}  {d['naam']}: "
              f"{formatting.value(d['waarde'], d['eenheid'])}  ({d['bron']}, {d['bron_datum']})")
    return EXIT_OK


def _add_doelen_command(commands) -> None:
    doelen = commands.add_parser("doelen", help="de bibliotheek van doelen (nationaal, regio, gemeente)").add_subparsers(
        dest="action", required=True, parser_class=_Parser, metavar="ACTIE")
    listing = doelen.add_parser("list", help="alle doelen met waarde, peiljaar en bron")
    listing.add_argument("--json", action="store_true", help="als JSON-lijst op stdout")
    listing.set_defaults(run=_doelen_list)


def _vergaderingen_list(args: argparse.Namespace) -> int:
    from dashboard.vergadering import agenda

    with startup.prepare(config.load(), demo=False).make_session() as session:
        rows = agenda.list_vergaderingen(session)
    if args.json:
        print(json.dumps([r.as_json() for r in rows], ensure_ascii=False))
        return EXIT_OK
    if not rows:
        print("Nog geen vergaderingen.")
    for r in rows:
        print(f"{r.id:>4}  {r.datum:%Y-%m-%d}  {r.titel}  ({formatting.count(r.punten, 'agendapunt', 'agendapunten')}, "
              f"{formatting.count(r.besluiten, 'besluit', 'besluiten')})")
    return EXIT_OK


def _vergaderingen_create(args: argparse.Namespace) -> int:
    from datetime import date

    from dashboard.afspraken import Invalid
    from dashboard.vergadering import agenda

    try:
        datum = date.fromisoformat(args.datum)
    except ValueError:
        print(f"Fout: --datum {args.datum!r} is geen datum. Gebruik JJJJ-MM-DD, bijvoorbeeld 2026-03-12.", file=sys.stderr)
        return EXIT_REJECTED
    db = startup.prepare(config.load(), demo=False)
    try:
        with db.session() as session:
            vergadering_id = agenda.create_vergadering(session, CLI, agenda.VergaderingInvoer(datum=datum, titel=args.titel))
    except Invalid as invalid:
        print(f"Fout: {invalid}", file=sys.stderr)
        return EXIT_REJECTED
    with db.make_session() as session:
        deze_vergadering = agenda.detail(session, vergadering_id)
    if args.json:
        print(json.dumps({"id": deze_vergadering.id, "datum": deze_vergadering.datum.isoformat(), "titel": deze_vergadering.titel,
                          "punten": [{"afspraak": p.nummer, "naam": p.naam, "vraag": p.vraag}
                                     for p in deze_vergadering.punten]}, ensure_ascii=False))
    else:
        print(f"Vergadering {deze_vergadering.id} ({deze_vergadering.titel}, {deze_vergadering.datum:%Y-%m-%d}) aangemaakt met "
              f"{formatting.count(len(deze_vergadering.punten), 'agendapunt', 'agendapunten')}:")
        for n, p in enumerate(deze_vergadering.punten, start=1):
            print(f"  {n}. {p.naam}")
    return EXIT_OK


def _besluiten_list(args: argparse.Namespace) -> int:
    from dashboard.vergadering import besluiten

    with startup.prepare(config.load(), demo=False).make_session() as session:
        rows = besluiten.list_besluiten(session)
    if args.json:
        print(json.dumps([b.as_json() for b in rows], ensure_ascii=False))
        return EXIT_OK
    if not rows:
        print("Nog geen besluiten.")
    for b in rows:
        print(f"{b.id:>4}  {b.datum:%Y-%m-%d}  {b.afspraak or '-':<6} {b.uitkomst:<11} "
              f"evaluatie {b.evaluatie:%Y-%m-%d}  {b.voorstel[:70]}")
    return EXIT_OK


def _deck(args: argparse.Namespace) -> int:
    from dashboard.vergadering import agenda, deck, export

    settings = config.load()
    out = _out_file(args.out, *(f".{fmt}" for fmt in export.FORMATS))
    if out is None:
        return EXIT_USAGE
    fmt = out.suffix.lower().lstrip(".")
    with startup.prepare(settings, demo=False).make_session() as session:
        vergadering_id = args.vergadering or agenda.default_vergadering(session, clock.today())
        built = deck.build(session, vergadering_id) if vergadering_id else None
    if built is None:
        print(f"Fout: vergadering {args.vergadering} bestaat niet. `vergaderingen list` toont ze." if args.vergadering
              else "Fout: er is nog geen vergadering. Maak er een met `vergaderingen create`.", file=sys.stderr)
        return EXIT_REJECTED
    try:
        data = export.render(built, fmt, settings.media_dir)
        out.write_bytes(data)
    except export.ExportUnavailable as error:
        print(f"Fout: {error}", file=sys.stderr)
        return EXIT_USAGE
    except OSError as error:
        return _unwritable(args.out, error)
    print(f"{len(built.dias)} dia's en de besluitenlijst ({formatting.count(len(built.besluiten), 'besluit', 'besluiten')}) van '{built.titel}' "
          f"geschreven naar {out}.")
    return EXIT_OK


def _geschil(args: argparse.Namespace) -> int:
    from dashboard.cyclus import dossier, termijnen

    out = _out_file(args.out, ".pdf")
    if out is None:
        return EXIT_USAGE
    try:
        termijn = termijnen.load()
    except termijnen.TermijnFout as error:
        print(f"Fout: {error}", file=sys.stderr)
        return EXIT_USAGE
    with startup.prepare(config.load(), demo=False).make_session() as session:
        afspraak_id = None
        if args.afspraak:
            afspraak_id = session.scalar(select(Afspraak.id).where(Afspraak.nummer == args.afspraak))
            if afspraak_id is None:
                print(f"Fout: --afspraak {args.afspraak}: die afspraak bestaat niet.", file=sys.stderr)
                return EXIT_REJECTED
        try:
            made = dossier.samenstellen(session, args.jaar, termijn, clock.today(), afspraak_id)
        except dossier.GeenGeschil as error:
            print(f"Fout: {error}", file=sys.stderr)
            return EXIT_REJECTED
    try:
        out.write_bytes(made.pdf())
    except OSError as error:
        return _unwritable(args.out, error)
    still = f" Nog aan te vullen: {', '.join(made.ontbreekt)}." if made.ontbreekt else ""
    print(f"{made.titel} geschreven naar {out}.{still}")
    return EXIT_OK


def _publicatie(args: argparse.Namespace) -> int:
    from dashboard.cyclus import publicatie, termijnen

    out = _out_file(args.out, ".zip")
    if out is None:
        return EXIT_USAGE
    try:
        termijn, licentie = termijnen.load(), publicatie.licentie()
    except (termijnen.TermijnFout, publicatie.LicentieFout) as error:
        print(f"Fout: {error}", file=sys.stderr)
        return EXIT_USAGE
    with startup.prepare(config.load(), demo=False).make_session() as session:
        made = publicatie.samenstellen(session, args.jaar, termijn, clock.today(), licentie)
    try:
        out.write_bytes(made.zip())
    except OSError as error:
        return _unwritable(args.out, error)
    print(f"{made.titel} (PDF, {len(made.tabellen)} CSV-bestanden en datapackage.json) geschreven naar {out}.")
    return EXIT_OK


def _add_cyclus_commands(commands) -> None:
    """geschil, publicatie: the documents of the Woningwet's yearly cycle."""
    geschil = commands.add_parser("geschil", help="het geschildossier voor de minister als PDF (art. 44 lid 4)")
    geschil.add_argument("--jaar", type=int, required=True, metavar="JJJJ", help="het jaar waarvoor de afspraken gelden")
    geschil.add_argument("--afspraak", metavar="NUMMER", help="alleen het geschil over deze afspraak, bijvoorbeeld 2.1")
    geschil.add_argument("--out", required=True, metavar="BESTAND.pdf")
    geschil.set_defaults(run=_geschil)
    publicatie = commands.add_parser("publicatie", help="afspraken, besluitenlijst en voortgang voor de website (ZIP)")
    publicatie.add_argument("--jaar", type=int, required=True, metavar="JJJJ", help="het jaar van de afspraken")
    publicatie.add_argument("--out", required=True, metavar="BESTAND.zip")
    publicatie.set_defaults(run=_publicatie)


def _add_vergadering_commands(commands) -> None:
    """vergaderingen list/create, besluiten list, deck: the stuurgroep's meeting cycle."""
    vergaderingen = commands.add_parser("vergaderingen", help="vergaderingen van de stuurgroep").add_subparsers(
        dest="vergaderingen_command", required=True, parser_class=_Parser, metavar="ACTIE")
    listing = vergaderingen.add_parser("list", help="alle vergaderingen, nieuwste eerst")
    listing.add_argument("--json", action="store_true", help="lijst als JSON op stdout")
    listing.set_defaults(run=_vergaderingen_list)
    create = vergaderingen.add_parser("create", help="vergadering met de voorgestelde agenda (dilemma's eerst)")
    create.add_argument("--datum", required=True, metavar="JJJJ-MM-DD")
    create.add_argument("--titel", required=True, metavar="TEKST")
    create.add_argument("--json", action="store_true", help="de vergadering als JSON op stdout")
    create.set_defaults(run=_vergaderingen_create)

    besluit_commands = commands.add_parser("besluiten", help="besluiten van de stuurgroep").add_subparsers(
        dest="besluiten_command", required=True, parser_class=_Parser, metavar="ACTIE")
    listing = besluit_commands.add_parser("list", help="alle besluiten, nieuwste eerst")
    listing.add_argument("--json", action="store_true", help="lijst als JSON op stdout")
    listing.set_defaults(run=_besluiten_list)

    deck = commands.add_parser("deck", help="de presentatie met besluitenlijst als PowerPoint of PDF")
    deck.add_argument("--vergadering", type=int, metavar="ID", help="deze vergadering (anders de eerstvolgende)")
    deck.add_argument("--out", required=True, metavar="BESTAND.pptx|BESTAND.pdf")
    deck.set_defaults(run=_deck)
def _demo(args: argparse.Namespace) -> int:
    from dashboard.demo import landelijk, stad

    if args.years < 2:
        print("Fout: --years moet minstens 2 zijn.", file=sys.stderr)
        return EXIT_USAGE
    try:
        if args.scale == "national":
            paden = landelijk.write(Path(args.out), args.years)
        else:
            paden = stad.write_demo_files(Path(args.out))
    except OSError as error:
        return _unwritable(args.out, error)
    for soort, pad in paden.items():
        print(f"{soort:14} {pad}")
    return EXIT_OK


def _toestemmingen_opruimen(args: argparse.Namespace) -> int:
    settings = config.load()
    done = startup.upkeep(startup.prepare(settings, demo=False), settings)
    if args.json:
        print(json.dumps({"verwijderd": done.verwijderd, "gemeld": done.gemeld}))
    else:
        print(f"{formatting.count(len(done.verwijderd), 'foto of video', 'foto’s en video’s')} uit de opslag verwijderd, "
              f"{formatting.count(len(done.gemeld), 'melding', 'meldingen')} aan eigenaren.")
    return EXIT_OK


def _add_toestemmingen_command(commands) -> None:
    toestemmingen = commands.add_parser("toestemmingen", help="het toestemmingenregister van foto's en video's"
                                        ).add_subparsers(dest="toestemmingen_command", required=True,
                                                         parser_class=_Parser, metavar="ACTIE")
    opruimen = toestemmingen.add_parser(
        "opruimen", help="dagelijks (cron): bestanden van ingetrokken of verlopen toestemming verwijderen na de "
                         "bewaartermijn, eigenaren 30 dagen voor het verlopen melden")
    opruimen.add_argument("--json", action="store_true", help="media-ids en meldingen als JSON op stdout")
    opruimen.set_defaults(run=_toestemmingen_opruimen)


def _add_demo_command(commands) -> None:
    demo = commands.add_parser(
        "demo", help="een fictieve demodataset in de importformaten schrijven (importeer daarna met `import`)",
        description="Schrijft een vaste (altijd dezelfde) fictieve dataset als CSV-bestanden. --scale gemeente: "
                    "de demogemeente Denkbeeldstad; --scale national: land, 12 provincies, 342 gemeenten, "
                    "3.200 wijken, 14.000 buurten, 275 corporaties en ongeveer 1,4 miljoen observaties "
                    "(met --years 46 ongeveer 5,7 miljoen). Importeer gebieden, partijen, dan observaties.")
    demo.add_argument("--scale", choices=("gemeente", "national"), default="gemeente", help="omvang van de dataset")
    demo.add_argument("--out", required=True, metavar="MAP", help="map waarin de bestanden komen")
    demo.add_argument("--years", type=int, default=10, metavar="N",
                      help="aantal jaren tot en met 2025 (alleen national; standaard 10)")
    demo.set_defaults(run=_demo)


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="python -m dashboard", description="Tellen & Vertellen op de opdrachtregel.")
    commands = parser.add_subparsers(dest="command", required=True, parser_class=_Parser,
                                     metavar="OPDRACHT")
    init = commands.add_parser("init", help="schema aanmaken of bijwerken, eventueel met demodata")
    init.add_argument("--demo", action="store_true", help="laad de demodata als de database leeg is")
    init.add_argument("--json", action="store_true", help="rapport als JSON op stdout")
    init.set_defaults(run=_init)
    _add_access_commands(commands)
    _add_import_commands(commands)
    _add_vergadering_commands(commands)
    _add_demo_command(commands)
    _add_opendata_command(commands)
    _add_doelen_command(commands)
    _add_cyclus_commands(commands)
    _add_toestemmingen_command(commands)
    return parser


def main(argv: list[str] | None = None) -> int:
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    args = build_parser().parse_args(argv)
    try:
        return args.run(args)
    except (accounts.AccountError, share_links.ShareError) as error:
        print(f"Fout: {error}", file=sys.stderr)
        return EXIT_REJECTED
    except BrokenPipeError:  # `imports list | head`: the reader left; no traceback for that
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_OK
    except (DatabaseProblem, exc.DBAPIError, exc.TimeoutError, OSError) as error:
        return _diagnosed(error)


def _out_file(given: str, *suffixes: str) -> Path | None:
    """--out as a path when it ends in one of `suffixes` (the kind of file it writes); else None,
    said in Dutch."""
    out = Path(given)
    if out.suffix.lower() in suffixes:
        return out
    print(f"Fout: --out {given}: kies een bestand dat eindigt op {' of '.join(suffixes)}.", file=sys.stderr)
    return None


def _unwritable(path, error: OSError) -> int:
    """An output file that cannot be written: a full disk, a read-only folder, in Dutch."""
    found = diagnose(error)
    print(f"Fout: {path} kan niet worden geschreven. {found.message}", file=sys.stderr)
    print(f"      {found.detail}", file=sys.stderr)
    return EXIT_USAGE


def _diagnosed(error: BaseException) -> int:
    """A database or disk failure: what happened, and (for whoever runs this) which database."""
    found = diagnose(error, config.load().database_url)
    print(f"Fout: {found.message}", file=sys.stderr)
    if found.detail:
        print(f"      {found.detail}", file=sys.stderr)
    return EXIT_REJECTED if found.kind == "botsing" else EXIT_USAGE
