"""The samenwerkingsmonitor: once a year the parties evaluate their cooperation itself (booklet §6).

vragenlijst (the statements), antwoorden (one answer per account per year), uitslag (results per
party only from three respondents on, the gaps between parties, the open remarks without names);
the three years of answers for the demo town are in dashboard.demo.samenwerking.
"""
