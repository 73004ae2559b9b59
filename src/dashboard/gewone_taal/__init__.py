"""In gewone taal: the figures told in short Dutch sentences at B1 level, by rules, without a model.

onderwerpen.py says per indicator how a person would say its value; zinnen.py makes the sentences
for a dashboard tile and for an afspraak (plain lists of strings: the pages show them, the
stuurgroep deck can use them too); leesbaarheid.py holds the bound they keep: at most 15 words a
sentence, and no policy term without a plain word beside it.
"""
