"""kapdesk: the in-room companion for ketamine-assisted psychotherapy sessions."""

# The one place the version is written: the package's metadata (pyproject.toml reads it from
# here), `kapdesk --version`, the upgrade notice and the .deb all take it from this line.
__version__ = "0.2.0"
