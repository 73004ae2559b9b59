"""Toegankelijkheid: the accessibility statement, open to every visitor (also before signing in)."""
from dashboard import config, toegankelijkheid
from dashboard.ui import navigation
from dashboard.ui import toegankelijkheid as show

navigation.entered_through_app()
show.show(toegankelijkheid.read(config.load().toegankelijkheid))
