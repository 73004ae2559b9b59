"""The reader's two paths agree, and every row keeps the line it has in the file."""
from __future__ import annotations

import io

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dashboard.ingest import ImportRejected, import_file
from dashboard.ingest.reader import Table, _clean, _csv_parts, read_table

CELL = st.text(alphabet='ab1,. ;"\t\r\n', max_size=6)


@st.composite
def csv_texts(draw) -> tuple[str, str]:
    """Small CSV texts with the awkward parts of real exports: quotes, separators inside
    values, blank lines, CRLF, rows with too few or too many cells."""
    separator = draw(st.sampled_from([";", ",", "\t"]))
    width = draw(st.integers(1, 4))
    header = separator.join(f"k{i}" for i in range(width))
    rows = []
    for cells in draw(st.lists(st.lists(CELL, min_size=0, max_size=width + 1), max_size=6)):
        styles = draw(st.lists(st.sampled_from(['{}', '"{}"', ' "{}"']), min_size=len(cells), max_size=len(cells)))
        rows.append(separator.join(style.format(c.replace('"', '""') if '"' in style else c)
                                   for style, c in zip(styles, cells)))
    newline = draw(st.sampled_from(["\n", "\r\n"]))
    return newline.join([header, *rows]) + draw(st.sampled_from(["", newline])), separator


def _cells(frame: pd.DataFrame) -> list[list[str]]:
    return [[str(v).strip() for v in row] for row in frame.fillna("").astype(str).to_numpy().tolist()]


def _full(data: bytes, table: Table) -> pd.DataFrame:
    """What the csv-module path reads from the same bytes."""
    return pd.concat(list(_clean(_csv_parts(io.BytesIO(data), table), 1_000_000)) or [pd.DataFrame()])


@settings(max_examples=1000, deadline=None)
@given(csv_texts())
def test_the_fast_reader_reads_what_the_full_reader_reads_or_steps_aside(sample):
    text, _ = sample
    data = text.encode()
    try:
        table = Table(data)
    except ImportRejected:  # refused by the full reader, which the fast one left it to
        return
    if not table.fast:
        return
    fast = table.frame()
    try:
        full = _full(data, table)
    except ImportRejected:
        pytest.fail(f"the fast reader accepted a file the full reader refuses: {text!r}")
    if fast.empty and full.empty:
        return
    assert list(fast.columns) == list(full.columns)
    assert _cells(fast) == _cells(full)  # cells and the file line of each row


def test_a_usual_export_takes_the_fast_path_and_an_odd_one_does_not():
    assert Table(b"a;b\n1;2\n3;4\n\n").fast  # blank lines at the end only
    assert not Table(b"a;b\n1;2\n\n3;4\n").fast  # a blank line between rows moves the line numbers
    assert not Table('a;b\n1;"twee\nregels"\n'.encode()).fast  # a value spanning lines
    assert not Table(b"a;a\n1;2\n").fast  # a repeated header is numbered, as pandas did
    assert not Table(b"a;b\n1\n").fast  # a row with fewer cells is filled up


def test_chunks_keep_their_file_lines_in_both_paths():
    for data in (b"a;b\n" + b"".join(b"%d;x\n" % i for i in range(10)),
                 b'a;b\n"0";x\n' + b"".join(b"%d;x\n" % i for i in range(1, 10))):
        chunks = list(Table(data, chunk_rows=3))
        assert [len(c) for c in chunks] == [3, 3, 3, 1]
        assert pd.concat(chunks)["_line"].tolist() == list(range(2, 12))
        assert pd.concat(chunks)["a"].tolist() == [str(i) for i in range(10)]


def test_rows_after_a_value_spanning_lines_keep_their_file_line(demo_db):
    data = ('indicator;gebied;partij;periode;waarde\n'
            'sloop;GM9901;"Woonstichting\nNergens";2030;1\n'
            '\n'
            'sloop;GM9901;;2030;drie\n').encode()
    with pytest.raises(ImportRejected) as refusal:
        import_file(demo_db, data)
    assert [(p.line, p.column) for p in refusal.value.problems] == [(2, "partij"), (5, "waarde")]


def test_blank_lines_are_skipped_but_counted(demo_db):
    frame, _ = read_table(b"indicator;gebied;periode;waarde\r\n\r\nsloop;GM9901;2030;1\r\n\r\nsloop;GM9901;2031;x\r\n")
    assert frame["_line"].tolist() == [3, 5]
