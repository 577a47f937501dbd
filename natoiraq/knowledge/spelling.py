"""How names are written, and the keys they are looked up by: one line, no leading article or possessive,
no diacritics ("Kandahār" is "Kandahar"), an Arabic article apart or away ("al-Bab", "Al Anbār" is "Anbar"),
and a spelling key that transliterations of one name agree on ("Falluja", "Fallujah")."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_POSSESSIVE = re.compile(r"(?:'s|’s|'|’)$")
#: Arabic articles a subdivision's ISO name starts with ("Al Anbār") that English usage drops ("Anbar").
_ARTICLES = ("al ", "al-", "an ", "ar ", "as ", "ash ", "ad ", "at ", "az ")
#: Arabic articles that transliterations write apart, joined or not at all ("Deir ez-Zor", "Salah al-Din",
#: "Salah ad Din"): a spelling key drops them.
_ARTICLE_WORDS = frozenset({"al", "el", "ad", "ed", "ar", "er", "as", "es", "ash", "esh", "at", "et", "az", "ez",
                            "an", "ul", "ud"})
#: Letters transliterations write either way ("Qamishli"/"Kamishli", "Nasiriyah"/"Nassiriya", "Khowst"/"Khost").
_SPELLING_PAIRS = (("kh", "k"), ("q", "k"), ("gh", "g"), ("dh", "d"), ("ou", "u"), ("oo", "u"), ("ee", "i"),
                   ("y", "i"))


def _one_line(name: str) -> str:
    return " ".join(name.split()).strip("\"'“”‘’.,:;()[]")


def _without_article(text: str) -> str:
    return text[4:] if text.lower().startswith("the ") else text


def bare(name: str) -> str:
    """A name as written, on one line, without quotes, stops or a leading article ("the Baltics" -> "Baltics")."""
    return _without_article(_one_line(name))


@lru_cache(maxsize=8192)  # the same names come back in every article ("NATO", "Iraq"), asked by each rule
def normalise(name: str) -> str:
    """The key a name is looked up by: one line, no leading article, no possessive, lower case."""
    return _without_article(_POSSESSIVE.sub("", _one_line(name))).lower()


#: Letters that Unicode does not decompose into a base letter and a mark ("Suwałki", "Tromsø").
_UNDECOMPOSED = str.maketrans({"ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D", "ı": "i", "ħ": "h",
                               "Ħ": "H", "ß": "ss", "æ": "ae", "Æ": "Ae", "œ": "oe", "Œ": "Oe"})


def fold(text: str) -> str:
    """``text`` without diacritics ("Kandahār" -> "Kandahar", "Suwałki" -> "Suwalki"), for names written
    either way."""
    return "".join(c for c in unicodedata.normalize("NFKD", text.translate(_UNDECOMPOSED))
                   if not unicodedata.combining(c))


#: An Arabic article joined to the name by a hyphen ("al-Bab", "Al-Hasakah"), written apart in the packages.
_JOINED_ARTICLE = re.compile(rf"^({'|'.join(sorted(_ARTICLE_WORDS, key=len, reverse=True))})-", re.IGNORECASE)


def key(name: str) -> str:
    """The key of the index: ``normalise`` without diacritics, one apostrophe ("N’Djamena"), an Arabic article
    apart ("al-Bab" as "Al Bab")."""
    return _JOINED_ARTICLE.sub(r"\1 ", fold(normalise(name)).replace("’", "'"))


def capitalised(text: str) -> bool:
    """Is a name written as a name: with a capital, after any Arabic article ("Darwin", "al-Tanf", not "darwin")?"""
    return _JOINED_ARTICLE.sub("", text)[:1].isupper()


def spelling(k: str) -> str:
    """A key as transliterations agree on it: no articles, spaces, hyphens or doubled letters, no final "h",
    and letters written either way made one ("Falluja" and "Fallujah", "Salah al-Din" and "Salah ad Din")."""
    words = [w for w in re.split(r"[\s\-'‘’`]+", k) if w]
    spelled = "".join([w for w in words if w not in _ARTICLE_WORDS] or words)
    for written, said in _SPELLING_PAIRS:
        spelled = spelled.replace(written, said)
    return re.sub(r"(.)\1+", r"\1", spelled.removesuffix("h"))


def bare_names(name: str) -> set[str]:
    """The name, and the name without its Arabic article: "Al Anbār" is "Anbar", "As Samawah" "Samawah"."""
    lowered = name.lower()
    return {name} | {name[len(article):] for article in _ARTICLES if lowered.startswith(article)}
