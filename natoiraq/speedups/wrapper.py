"""What a faster path in front of one of the model's own components shares: it is saved, loaded,
initialised, scored and trained as that component, and hands a failing batch to the pipeline's
error handler."""

from __future__ import annotations

from spacy import util


class Wrapper:
    """Runs a model component (``wrapped``) its own way; everything else is the component's."""

    def __init__(self, wrapped):
        self.wrapped = wrapped
        self.name = wrapped.name
        self.error_handler = util.raise_error

    def __getattr__(self, name: str):
        # Only what the wrapper lacks (initialize, score, update, model, labels, ...): the component's own.
        if name.startswith("__") or name == "wrapped":  # unpickling, or not yet built
            raise AttributeError(name)
        return getattr(self.wrapped, name)

    # Kept here: spaCy's compiled components (the parsers) have no attribute to keep a handler in.
    def get_error_handler(self):
        return self.error_handler

    def set_error_handler(self, handler) -> None:
        self.error_handler = handler

    # Saved as the component it wraps: its weights and tables.
    def to_bytes(self, *, exclude=()) -> bytes:
        return self.wrapped.to_bytes(exclude=exclude)

    def from_bytes(self, data: bytes, *, exclude=()):
        self.wrapped.from_bytes(data, exclude=exclude)
        return self

    def to_disk(self, path, *, exclude=()) -> None:
        self.wrapped.to_disk(path, exclude=exclude)

    def from_disk(self, path, *, exclude=()):
        self.wrapped.from_disk(path, exclude=exclude)
        return self
