"""mdcheck: a content checker for Hugo sites."""

__version__ = "0.1.0"
