"""The reader's two paths agree, and every row keeps the line it has in the file."""
from __future__ import annotations

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dashboard.ingest import ImportRejected, import_file
from dashboard.ingest.reader import _read_any, _read_simple, read_table

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


@settings(max_examples=1000, deadline=None)
@given(csv_texts())
def test_the_fast_reader_reads_what_the_full_reader_reads_or_steps_aside(sample):
    text, separator = sample
    fast = _read_simple(text, separator)
    if fast is None:
        return
    try:
        full = _read_any(text, separator)
    except ImportRejected:
        pytest.fail(f"the fast reader accepted a file the full reader refuses: {text!r}")
    assert list(fast.columns) == list(full.columns)
    assert _cells(fast) == _cells(full)


def test_a_usual_export_takes_the_fast_path_and_an_odd_one_does_not():
    assert _read_simple("a;b\n1;2\n\n3;4\n", ";") is not None
    assert _read_simple('a;b\n1;"twee\nregels"\n', ";") is None  # a value spanning lines
    assert _read_simple("a;a\n1;2\n", ";") is None  # pandas renames a repeated header


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
