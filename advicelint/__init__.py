"""advicelint: find wording that breaks the impartiality of SEND advice letters."""

__version__ = "0.1.0"
