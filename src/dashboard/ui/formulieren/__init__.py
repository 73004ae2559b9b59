"""Editing forms, one module per product part (afspraken, verhalen, samenwerking, vergadering); basis holds what they share."""
