"""CBS's voorlopig mark ("2022*") is stored with the value, a later delivery without the star
clears it, and undo brings it back."""
from __future__ import annotations

from sqlalchemy import select

from dashboard.ingest import import_file
from dashboard.ingest.undo import undo
from dashboard.models import Gebied, Observatie

STATLINE = """"Woningvoorraad {periode}"
""
;"Onderwerp";"Totale woningvoorraad"
"Regio's";"";"aantal"
"Hengelo (O.)";;"37500"
"Bron: CBS"
"""


def _write(tmp_path, name, periode):
    path = tmp_path / name
    path.write_text(STATLINE.format(periode=periode), encoding="utf-8")
    return path


def _stored(db) -> list[tuple[float, bool]]:
    with db.make_session() as session:
        return session.execute(select(Observatie.waarde, Observatie.voorlopig).join(Gebied)
                               .where(Gebied.code == "GM0164", Observatie.periode == "2022")).all()


def test_the_star_is_kept_cleared_by_a_later_delivery_and_restored_by_undo(db, tmp_path):
    import_file(db, _write(tmp_path, "voorlopig.csv", "2022*"), add_missing=True)
    assert _stored(db) == [(37_500, True)]

    definitief = import_file(db, _write(tmp_path, "definitief.csv", "2022"), add_missing=True)
    assert (definitief.rows_changed, definitief.rows_unchanged) == (1, 0)  # the same number, no longer voorlopig
    assert _stored(db) == [(37_500, False)]

    again = import_file(db, _write(tmp_path, "nader.csv", "2022**"), add_missing=True)
    assert _stored(db) == [(37_500, True)]
    undo(db, again.batch_id)
    assert _stored(db) == [(37_500, False)]
    undo(db, definitief.batch_id)
    assert _stored(db) == [(37_500, True)]


def test_undo_beneath_a_later_delivery_hands_the_mark_on(db, tmp_path):
    import_file(db, _write(tmp_path, "voorlopig.csv", "2022*"), add_missing=True)
    middle = import_file(db, _write(tmp_path, "definitief.csv", "2022"), add_missing=True)
    herzien = _write(tmp_path, "herzien.csv", "2022")
    herzien.write_text(herzien.read_text().replace("37500", "37600"))
    top = import_file(db, herzien, add_missing=True)
    undo(db, middle.batch_id)  # the top batch now rests on the voorlopig value of the first
    assert _stored(db) == [(37_600, False)]
    undo(db, top.batch_id)
    assert _stored(db) == [(37_500, True)]


def test_other_shapes_write_no_mark(db, tmp_path):
    path = tmp_path / "lang.csv"
    path.write_text("indicator;gebied;partij;periode;waarde\nwoningvoorraad_totaal;GM0164;;2022;37500\n")
    import_file(db, path, add_missing=True)
    assert _stored(db) == [(37_500, False)]


def test_a_figure_added_up_from_a_voorlopig_value_is_voorlopig_too(db):
    """A gemeente from its wijken, a year from its quarters: one voorlopig part marks the whole,
    as the dashboard, Verkennen and the deck then show it ("2024*")."""
    from sqlalchemy import update

    from dashboard import queries
    from dashboard.models import Indicator
    import_file(db, b"code;naam;niveau;ouder\nGM0363;Amsterdam;gemeente;\nWK036300;Centrum;wijk;GM0363\n"
                    b"WK036301;West;wijk;GM0363\n", filename="gebieden.csv")
    lines = ["indicator;gebied;partij;periode;waarde"]
    lines += [f"woningvoorraad_totaal;{wijk};;{jaar};{waarde}" for wijk, waarde in (("WK036300", 100), ("WK036301", 200))
              for jaar in (2023, 2024)]
    lines += [f"nieuwbouw_opgeleverd;WK036300;;{jaar}-K{k};10" for jaar in (2023, 2024) for k in (1, 2, 3, 4)]
    import_file(db, ("\n".join(lines) + "\n").encode(), filename="waarden.csv")
    with db.make_session() as session, session.begin():  # CBS called two parts of 2024 voorlopig
        wijk = session.scalar(select(Gebied.id).where(Gebied.code == "WK036301"))
        keys = dict(session.execute(select(Indicator.sleutel, Indicator.id)).all())
        session.execute(update(Observatie).where(Observatie.gebied_id == wijk, Observatie.periode == "2024",
                                                 Observatie.indicator_id == keys["woningvoorraad_totaal"])
                        .values(voorlopig=True))
        session.execute(update(Observatie).where(Observatie.periode == "2024-K4",
                                                 Observatie.indicator_id == keys["nieuwbouw_opgeleverd"])
                        .values(voorlopig=True))
    with db.make_session() as session:
        gemeente = queries.trend(session, queries.View(gebied="GM0363", indicator="woningvoorraad_totaal",
                                                       van=2023, tot=2024))
        jaren = queries.trend(session, queries.View(gebied="WK036300", indicator="nieuwbouw_opgeleverd",
                                                    van=2023, tot=2024))
    assert gemeente[["label", "waarde", "voorlopig"]].values.tolist() == [["2023", 300, False], ["2024*", 300, True]]
    assert jaren[["label", "waarde", "voorlopig"]].values.tolist() == [["2023", 40, False], ["2024*", 40, True]]
