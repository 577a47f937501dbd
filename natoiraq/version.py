"""The package's version, in a module of its own: the cache keys on it without importing the package's API."""

__version__ = "0.1.0"
