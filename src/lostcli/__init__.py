"""lostcli: a terminal companion for the film Lost in Starlight."""

__version__ = "0.1.0"
