"""The linguistic tables in ``natoiraq/data``, loaded once.

Knowledge about the language of news (aliases, trigger nouns, qualifiers) lives
in JSON so that an analyst can extend it without touching the code.
"""

from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources
from typing import Any


@lru_cache(maxsize=None)
def table(name: str) -> dict[str, Any]:
    """The data file ``natoiraq/data/<name>.json`` as a dict."""
    text = resources.files("natoiraq.data").joinpath(f"{name}.json").read_text(encoding="utf-8")
    return json.loads(text)
