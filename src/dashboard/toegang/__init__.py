"""Access parts that grow beyond the flat modules (access.py, accounts.py, share_links.py, tokens.py)."""
