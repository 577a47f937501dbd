"""How a plain-text article's title is chosen: table-driven."""

import pytest

from natoiraq.parsing.titles import choose_title, is_banner, is_title_case


@pytest.mark.parametrize("text, title", [
    # a site banner, then the headline
    ("Iraq News - Local News - Baghdadpost\n\nNATO Aims to Add Personnel to Iraq Mission\n\nBody.",
     "NATO Aims to Add Personnel to Iraq Mission"),
    ("Millennium Post\n\nNATO to consider larger Iraq training mission\n\nBRUSSELS - Body text.",
     "NATO to consider larger Iraq training mission"),
    ("Home | World | Middle East\nUS to send 450 more troops to Iraq\nBy Jane Doe\nText.",
     "US to send 450 more troops to Iraq"),
    # the headline first, a byline after it
    ("NATO working on plan to advise Iraq on reforming its army\n\nBy Adrian Croft\n\nBRUSSELS, May 26",
     "NATO working on plan to advise Iraq on reforming its army"),
    # a byline is no headline
    ("By Adrian Croft and John Smith\nNATO ministers agree on Iraq mission\nText.",
     "NATO ministers agree on Iraq mission"),
    # a dash inside a real headline does not make it a banner
    ("Iraq - NATO to send 4,000 more troops next year\nText.", "Iraq - NATO to send 4,000 more troops next year"),
    # no line reads as a headline: the first short line, as before
    ("NATO ministers meet on Wednesday.", "NATO ministers meet on Wednesday."),
    ("Ceasefire\n\nThe truce held on Monday, officials said.", "Ceasefire"),
    # an article that opens with its body has no title
    ("1. " + "NATO has agreed to organize a training mission in Iraq " * 4 + "\n\nMore.", None),
    ("   \n\n", None),
])
def test_choose_title(text, title):
    assert choose_title(text) == title


@pytest.mark.parametrize("line, banner", [
    ("Iraq News - Local News - Baghdadpost", True), ("World | Middle East", True),
    ("Reuters — World News", True), ("Iraq - NATO to send 4,000 more troops", False),
    ("NATO to consider larger Iraq training mission", False), ("Millennium Post", False),
])
def test_is_banner(line, banner):
    assert is_banner(line) is banner


@pytest.mark.parametrize("line, title_case", [
    ("Allies Weigh Larger Force For Training Mission", True),
    ("Heavy Shelling Has Cut the Gaza Strip Off From Aid", True),  # minor words in lower case
    ("Germany To Send 500 Troops To Lithuania", True),
    ("Troops on the Move in al-Anbar", True),
    ("NATO to consider larger Iraq training mission", False),  # sentence case
    ("By Mary Ann Holloway", False),  # a byline
    ("Washington Bureau", False),  # a name, not a headline
    ("NATO TO SEND MORE TROOPS TO IRAQ", False),  # capitals
    ("Iraq News - Local News - Baghdadpost", False),  # a banner
    ("Ministers Agreed On The Plan.", False),  # a sentence
])
def test_is_title_case(line, title_case):
    assert is_title_case(line) is title_case
