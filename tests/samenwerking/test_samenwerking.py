"""The samenwerkingsmonitor: one answer per account per year, results per party only from three
respondents on, the gaps between parties flagged in words, remarks without names."""
from __future__ import annotations

import pytest
from sqlalchemy import func, select

from dashboard.afspraken import Invalid
from dashboard.ingest import import_file
from dashboard.models import Inzending, Score
from dashboard.samenwerking import antwoorden, uitslag
from dashboard.toegang import access, accounts

PARTIJEN = b"naam;soort\nGemeente Oost;gemeente\nHuurders Oost;huurdersorganisatie\nWonen Oost;corporatie\n"


@pytest.fixture
def people(db):
    """Three people of the gemeente, three of the tenants, two of the corporation: visitors as sessions see them."""
    import_file(db, PARTIJEN, filename="partijen.csv", kind="partijen", user="test")
    made = {}
    for partij, count in (("Gemeente Oost", 3), ("Huurders Oost", 3), ("Wonen Oost", 2)):
        for i in range(count):
            naam = f"{partij.split()[0].lower()}{i}"
            accounts.add_user(db, naam, "partner", "een-lang-wachtwoord", door="test", partij=partij)
            made[naam] = accounts.session_visitor(db, accounts.login(db, naam, "een-lang-wachtwoord").token)
    return made


def answer(db, visitor, jaar=2025, opmerking="", **scores):
    with db.session() as session:
        antwoorden.save(session, visitor, antwoorden.Antwoord(jaar=jaar, scores=scores, opmerking=opmerking))


def test_a_party_is_shown_only_from_three_respondents(db, people):
    for naam, who in people.items():
        answer(db, who, vertrouwen=4, energie=3)
    with db.make_session() as session:
        result = uitslag.results(session, 2025)
    shown = dict(zip(result["partijen"]["partij"], result["partijen"]["getoond"]))
    assert shown == {"Gemeente Oost": True, "Huurders Oost": True, "Wonen Oost": False}
    assert set(result["scores"]["partij"]) == {"Gemeente Oost", "Huurders Oost"}
    assert dict(zip(result["partijen"]["partij"], result["partijen"]["respondenten"]))["Wonen Oost"] == 2


def test_answering_again_in_a_year_updates_the_own_answer(db, people):
    answer(db, people["gemeente0"], vertrouwen=2, energie=2, opmerking="Eerste indruk.")
    answer(db, people["gemeente0"], vertrouwen=5, opmerking="Bij nader inzien beter.")
    with db.make_session() as session:
        assert session.scalar(select(func.count(Inzending.id))) == 1
        assert session.scalar(select(func.count()).select_from(Score)) == 1
        own = antwoorden.own(session, people["gemeente0"].gebruiker_id, 2025)
        assert antwoorden.own(session, people["gemeente1"].gebruiker_id, 2025) is None
    assert (own.scores, own.opmerking) == ({"vertrouwen": 5}, "Bij nader inzien beter.")


def test_the_statements_where_parties_differ_most_are_flagged_in_words(db, people):
    for i in range(3):
        answer(db, people[f"gemeente{i}"], vertrouwen=5, energie=4, leren=4)
        answer(db, people[f"huurders{i}"], vertrouwen=3 if i else 2, energie=4, leren=3 if i < 2 else 4)
    with db.make_session() as session:
        gaps = uitslag.results(session, 2025)["verschillen"]
    assert [g["stelling"] for g in gaps] == ["vertrouwen"]  # leren differs 0,7: not flagged; energie not at all
    assert gaps[0]["tekst"] == ("Vertrouwen: Huurders Oost scoort gemiddeld 2,3 punt lager dan Gemeente Oost "
                                "(2,7 tegen 5,0).")


def test_nobody_sees_individual_answers_or_names(db, people):
    for naam, who in people.items():
        answer(db, who, vertrouwen=4, opmerking=f"Opmerking {naam[-1]} van {who.partij}" if naam.startswith("w") else "")
    answer(db, people["gemeente0"], vertrouwen=1, opmerking="Zeg het maar eerlijk.")
    with db.make_session() as session:
        result = uitslag.results(session, 2025)
    everything = repr(result)
    assert not any(naam in everything for naam in people)
    assert result["opmerkingen"] == ["Opmerking 0 van Wonen Oost", "Opmerking 1 van Wonen Oost", "Zeg het maar eerlijk."]
    assert set(result["scores"].columns) == {"partij", "stelling", "gemiddelde", "respondenten", "kort"}


def test_over_the_years_only_counts_years_with_enough_respondents(db, people):
    for jaar in (2024, 2025):
        for i in range(3 if jaar == 2025 else 2):
            answer(db, people[f"huurders{i}"], jaar=jaar, vertrouwen=2 + (jaar - 2024))
    with db.make_session() as session:
        verloop = uitslag.over_the_years(session)
        assert uitslag.years(session) == [2025, 2024]
    assert verloop[["jaar", "partij", "gemiddelde"]].values.tolist() == [[2025, "Huurders Oost", 3.0]]


@pytest.mark.parametrize("scores, field", [({"vertrouwen": 7}, "vertrouwen"), ({"bestaat_niet": 3}, "bestaat_niet"),
                                           ({"vertrouwen": None}, "_"), ({}, "_")])
def test_bad_answers_are_refused_per_statement_and_write_nothing(db, people, scores, field):
    with pytest.raises(Invalid) as invalid:
        answer(db, people["gemeente0"], **scores)
    assert field in invalid.value.problems
    with pytest.raises(Invalid, match="jaar"):
        answer(db, people["gemeente0"], jaar=2999, vertrouwen=3)
    with db.make_session() as session:
        assert session.scalar(select(func.count(Inzending.id))) == 0


def test_only_an_account_of_a_partij_answers(db, people):
    with pytest.raises(access.NotAllowed):
        answer(db, access.Visitor("redactie", "redacteur", gebruiker_id=1), vertrouwen=3)
    with pytest.raises(access.NotAllowed):  # a share link never writes
        answer(db, access.Visitor("deellink", "lezer", share_pages=frozenset({"samenwerking"}), partij_id=1), vertrouwen=3)


def test_the_demo_has_three_years_of_five_parties_with_the_trust_gap(demo_db):
    with demo_db.make_session() as session:
        assert uitslag.years(session) == [2025, 2024, 2023]
        for jaar in (2023, 2024, 2025):
            result = uitslag.results(session, jaar)
            assert result["partijen"]["getoond"].sum() == 5 and not result["partijen"]["getoond"].all()
            trust = next(g for g in result["verschillen"] if g["stelling"] == "vertrouwen")
            assert (trust["laagst"], trust["hoogst"]) == ("Huurdersvereniging Samen Sterk", "Gemeente Denkbeeldstad")
            assert trust["verschil"] >= 1.5
    assert not accounts.login(demo_db, "demo.samensterk.1", "").token  # demo respondents cannot log in
    assert not accounts.has_accounts(demo_db)  # so a fresh demo still opens on the setup screen
