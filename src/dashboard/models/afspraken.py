"""The told side: opgaven, afspraken with their jaarschijf, voortgang, verhalen and their media."""
from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Column,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Integer,
    String,
    Table,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from dashboard.models.base import Base

WETTELIJKE_VELDEN = ("beschikbaarheid", "betaalbaarheid", "leefbaarheid", "kwaliteit_duurzaamheid",
                     "bijzondere_doelgroepen", "dienstverlening")
SOORTEN = ("effect", "resultaat", "inspanning")
ROLLEN = ("trekker", "partner", "uitvoerder", "adviseur")
STREEF_SOORTEN = ("totaal", "per_jaar", "eind")  # what an afspraak's own target counts (migration 0011)
STATUSSEN = ("op_koers", "aandacht", "achter", "afgerond", "niet_gestart")
VERTELLERS = ("huurder", "professional", "bestuurder", "bewoner")
MEDIA_SOORTEN = ("foto", "video", "videolink")
REIKWIJDTES = ("intern", "deellinks", "openbaar")  # where consent lets an item be shown, narrow to wide
GEGEVEN_DOOR = ("persoon", "ouder_voogd")  # a parent or guardian signs for a child under 16


def _in(name: str, values: tuple[str, ...]) -> str:
    return f"{name} IN ({', '.join(repr(v) for v in values)})"


class Opgave(Base):
    """A broad societal task the parties take on together ("Doorstroming woningmarkt")."""

    __tablename__ = "opgaven"
    id: Mapped[int] = mapped_column(primary_key=True)
    naam: Mapped[str] = mapped_column(String(200), unique=True)
    omschrijving: Mapped[str] = mapped_column(Text, default="")
    volgorde: Mapped[int] = mapped_column(Integer, default=0)
    velden: Mapped[list[OpgaveVeld]] = relationship(cascade="all, delete-orphan")


class OpgaveVeld(Base):
    """An opgave touches several of the legal fields of the Woningwet."""

    __tablename__ = "opgave_velden"
    opgave_id: Mapped[int] = mapped_column(ForeignKey("opgaven.id", ondelete="CASCADE"), primary_key=True)
    veld: Mapped[str] = mapped_column(String(40), primary_key=True)
    __table_args__ = (CheckConstraint(_in("veld", WETTELIJKE_VELDEN), name="veld"),)


class Afspraak(Base):
    """A multi-year ambition (the compass), counted through an optional indicator and target."""

    __tablename__ = "afspraken"
    id: Mapped[int] = mapped_column(primary_key=True)
    nummer: Mapped[str] = mapped_column(String(20), unique=True)
    titel: Mapped[str] = mapped_column(String(300))
    ambitie: Mapped[str] = mapped_column(Text, default="")
    soort: Mapped[str] = mapped_column(String(12), default="resultaat")
    opgave_id: Mapped[int] = mapped_column(ForeignKey("opgaven.id"), index=True)
    van_jaar: Mapped[int] = mapped_column(Integer)
    tot_jaar: Mapped[int] = mapped_column(Integer)
    indicator_id: Mapped[int | None] = mapped_column(ForeignKey("indicatoren.id", ondelete="SET NULL"))
    gebied_id: Mapped[int | None] = mapped_column(ForeignKey("gebieden.id", ondelete="SET NULL"))
    streefwaarde: Mapped[float | None] = mapped_column(Float, doc="the afspraak's own target, counted as streef_soort says")
    streef_soort: Mapped[str | None] = mapped_column(String(10), doc="totaal over the looptijd, per_jaar or at the eind")
    doel_id: Mapped[int | None] = mapped_column(ForeignKey("doelen.id", ondelete="SET NULL"),
                                                doc="the programme goal or national target it serves")
    partijen: Mapped[list[AfspraakPartij]] = relationship(cascade="all, delete-orphan")
    __table_args__ = (
        CheckConstraint(_in("soort", SOORTEN), name="soort"),
        CheckConstraint("van_jaar <= tot_jaar", name="looptijd"),
        CheckConstraint(_in("streef_soort", STREEF_SOORTEN), name="streef_soort"),
    )


class AfspraakPartij(Base):
    """Who does what: the trekker and partners, also from beyond the triangle (zorg, welzijn, politie)."""

    __tablename__ = "afspraak_partijen"
    afspraak_id: Mapped[int] = mapped_column(ForeignKey("afspraken.id", ondelete="CASCADE"), primary_key=True)
    partij_id: Mapped[int] = mapped_column(ForeignKey("partijen.id", ondelete="CASCADE"), primary_key=True)
    rol: Mapped[str] = mapped_column(String(20), default="partner")
    taak: Mapped[str] = mapped_column(String(300), default="")
    __table_args__ = (CheckConstraint(_in("rol", ROLLEN), name="rol"),)


class Activiteit(Base):
    """One SMART activity in a year's slice (jaarschijf) of an afspraak."""

    __tablename__ = "activiteiten"
    id: Mapped[int] = mapped_column(primary_key=True)
    afspraak_id: Mapped[int] = mapped_column(ForeignKey("afspraken.id", ondelete="CASCADE"), index=True)
    jaar: Mapped[int] = mapped_column(Integer)
    omschrijving: Mapped[str] = mapped_column(Text)
    trekker_id: Mapped[int | None] = mapped_column(ForeignKey("partijen.id", ondelete="SET NULL"))
    status: Mapped[str] = mapped_column(String(20), default="niet_gestart")
    indicator_id: Mapped[int | None] = mapped_column(ForeignKey("indicatoren.id", ondelete="SET NULL"))
    streefwaarde: Mapped[float | None] = mapped_column(Float)
    __table_args__ = (CheckConstraint(_in("status", STATUSSEN), name="status"),)


class Voortgang(Base):
    """A dated update: status, why, what was learned, and whether the board must weigh in."""

    __tablename__ = "voortgang"
    id: Mapped[int] = mapped_column(primary_key=True)
    afspraak_id: Mapped[int] = mapped_column(ForeignKey("afspraken.id", ondelete="CASCADE"), index=True)
    activiteit_id: Mapped[int | None] = mapped_column(ForeignKey("activiteiten.id", ondelete="SET NULL"))
    datum: Mapped[date] = mapped_column(Date)
    status: Mapped[str] = mapped_column(String(20))
    toelichting: Mapped[str] = mapped_column(Text, default="")
    geleerd: Mapped[str] = mapped_column(Text, default="")
    dilemma: Mapped[bool] = mapped_column(Boolean, default=False)
    auteur_id: Mapped[int | None] = mapped_column(ForeignKey("partijen.id", ondelete="SET NULL"), doc="the party")
    gebruiker: Mapped[str] = mapped_column(String(120), default="")
    gebruiker_id: Mapped[int | None] = mapped_column(ForeignKey("gebruikers.id", ondelete="SET NULL"),
                                                     doc="the account that wrote it")
    __table_args__ = (CheckConstraint(_in("status", STATUSSEN), name="status"),)


verhaal_afspraken = Table(
    "verhaal_afspraken", Base.metadata,
    Column("verhaal_id", ForeignKey("verhalen.id", ondelete="CASCADE"), primary_key=True),
    Column("afspraak_id", ForeignKey("afspraken.id", ondelete="CASCADE"), primary_key=True),
)


class Verhaal(Base):
    """A practice story behind the numbers, told by a tenant, professional, director or resident."""

    __tablename__ = "verhalen"
    id: Mapped[int] = mapped_column(primary_key=True)
    titel: Mapped[str] = mapped_column(String(300))
    tekst: Mapped[str] = mapped_column(Text, default="", doc="Markdown, rendered without raw HTML")
    datum: Mapped[date] = mapped_column(Date)
    verteller_rol: Mapped[str] = mapped_column(String(20))
    verteller: Mapped[str] = mapped_column(String(200), default="")
    gebied_id: Mapped[int | None] = mapped_column(ForeignKey("gebieden.id", ondelete="SET NULL"), index=True)
    lat: Mapped[float | None] = mapped_column(Float)
    lon: Mapped[float | None] = mapped_column(Float)
    citaat: Mapped[str] = mapped_column(Text, default="")
    citaat_van: Mapped[str] = mapped_column(String(200), default="")
    gebruiker: Mapped[str] = mapped_column(String(120), default="")
    gebruiker_id: Mapped[int | None] = mapped_column(ForeignKey("gebruikers.id", ondelete="SET NULL"),
                                                     doc="the account that wrote it")
    partij_id: Mapped[int | None] = mapped_column(ForeignKey("partijen.id", ondelete="SET NULL"),
                                                  doc="the party of that account")
    afspraken: Mapped[list[Afspraak]] = relationship(secondary=verhaal_afspraken)
    media: Mapped[list[Media]] = relationship(cascade="all, delete-orphan", order_by="Media.id")
    __table_args__ = (CheckConstraint(_in("verteller_rol", VERTELLERS), name="verteller_rol"),)


class Media(Base):
    """A photo, video file (stored under a generated name) or a YouTube/Vimeo link of a story."""

    __tablename__ = "media"
    id: Mapped[int] = mapped_column(primary_key=True)
    verhaal_id: Mapped[int] = mapped_column(ForeignKey("verhalen.id", ondelete="CASCADE"), index=True)
    soort: Mapped[str] = mapped_column(String(12))
    bestand: Mapped[str | None] = mapped_column(String(80))
    url: Mapped[str | None] = mapped_column(String(500))
    bijschrift: Mapped[str] = mapped_column(String(500), default="")
    alt_tekst: Mapped[str] = mapped_column(String(500), default="")
    credit: Mapped[str] = mapped_column(String(200), default="")
    geen_herkenbare_personen: Mapped[bool] = mapped_column(
        Boolean, default=False, doc="nobody can be recognised: no consent needed, shown everywhere")
    poster: Mapped[str | None] = mapped_column(String(80), doc="a video's poster frame, a stored JPEG")
    ondertitels: Mapped[str | None] = mapped_column(String(80), doc="a video's captions, a stored WebVTT file")
    transcript: Mapped[str] = mapped_column(Text, default="", doc="a video's words as plain text")
    opgeruimd_op: Mapped[datetime | None] = mapped_column(
        DateTime, doc="when its file left storage after consent was withdrawn or expired")
    toestemmingen: Mapped[list[Toestemming]] = relationship(cascade="all, delete-orphan",
                                                           order_by="Toestemming.id")
    __table_args__ = (
        CheckConstraint(_in("soort", MEDIA_SOORTEN), name="soort"),
        CheckConstraint("bestand IS NOT NULL OR url IS NOT NULL", name="bron"),
        UniqueConstraint("bestand", name="uq_media_bestand"),
    )


class Toestemming(Base):
    """One recognisable person's consent for one photo or video: who gave it, for what, until when.

    The AVG asks consent that is explicit, bound to a purpose and withdrawable; a parent or guardian
    signs for a child under 16. An item is shown only where every person's live consent reaches.
    """

    __tablename__ = "toestemmingen"
    id: Mapped[int] = mapped_column(primary_key=True)
    media_id: Mapped[int] = mapped_column(ForeignKey("media.id", ondelete="CASCADE"), index=True)
    persoon: Mapped[str] = mapped_column(String(200), doc="a name, or a description such as 'meisje in rode jas'")
    gegeven_door: Mapped[str] = mapped_column(String(20), default="persoon")
    ouder_voogd: Mapped[str] = mapped_column(String(200), default="", doc="who signed for a child")
    datum: Mapped[date] = mapped_column(Date)
    reikwijdte: Mapped[str] = mapped_column(String(20), default="intern")
    verloopt: Mapped[date] = mapped_column(Date)
    notitie: Mapped[str] = mapped_column(String(500), default="")
    formulier: Mapped[str | None] = mapped_column(String(80), doc="the signed form, a stored file")
    ingetrokken_op: Mapped[date | None] = mapped_column(Date)
    gemeld_op: Mapped[date | None] = mapped_column(Date, doc="when the story's owner was told it expires soon")
    __table_args__ = (
        CheckConstraint(_in("gegeven_door", GEGEVEN_DOOR), name="gegeven_door"),
        CheckConstraint(_in("reikwijdte", REIKWIJDTES), name="reikwijdte"),
        UniqueConstraint("formulier", name="uq_toestemming_formulier"),
    )
