"""Verkennen: two figures side by side across every gemeente or wijk, for policy staff.

keuze.py (what can be chosen), punten.py (the figures per gebied), lijn.py (the trend line),
grootte.py (size classes by woningvoorraad, to compare like with like).
"""
