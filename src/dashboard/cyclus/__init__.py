"""The Woningwet's yearly cycle: bod, overleg, ondertekening, uitvoering, evaluatie, and a geschil."""
