"""The stuurgroep's meeting cycle: agenda (agenda.py), decisions by consent (besluiten.py), the deck
built from the data (deck.py) and the minutes to take home as PPTX and PDF (export.py)."""
