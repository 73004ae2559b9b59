"""Access: the roles and what they may do (access), accounts and login sessions, share links, tokens, invitations."""
