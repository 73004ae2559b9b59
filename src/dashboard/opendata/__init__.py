"""Open data: a gemeente's standard housing figures from CBS StatLine (OData) and its wijk- and
buurtgrenzen from PDOK (OGC API Features), fetched whole and then imported as ordinary batches."""
