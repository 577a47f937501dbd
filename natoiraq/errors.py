"""natoiraq's exceptions: each carries a message a person can act on."""


class NatoiraqError(Exception):
    """Base class; the CLI prints the message and exits non-zero."""
