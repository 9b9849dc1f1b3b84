"""The council she serves, and its words.

An AS works for one kind of co-determination body; its law, its words and its courses differ:

- ``or``: an ondernemingsraad (also a COR, GOR or PVT), under the WOR;
- ``mr``: a medezeggenschapsraad or GMR of a school board, under the WMS;
- ``cr``: a cliëntenraad of a care provider, under the Wmcz 2018;
- ``other``: any other, or not said: the neutral wording ("het MZO").

Catalogue texts name the words that differ as a term in double parentheses, ``((raad))``,
from the closed set ``TERMS`` below (``asmo validate`` refuses any other). A term written
with a capital, ``((Raad))``, gives its text with a capital ("De MR"). Double parentheses
mean nothing in Markdown, in a PDF or in rich's markup, so catalogue text stays plain data:
a term is replaced by plain text, nothing is evaluated.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Final, Literal

Council = Literal["or", "mr", "cr", "other"]
COUNCILS: Final[tuple[Council, ...]] = ("or", "mr", "cr", "other")
NEUTRAL: Final[Council] = "other"

# how she picks it (the question in assess, and --council's help)
CHOICES: Final[Mapping[Council, str]] = {
    "or": "Ondernemingsraad (OR, ook COR, GOR of PVT): WOR",
    "mr": "Medezeggenschapsraad of GMR (onderwijs): WMS",
    "cr": "Cliëntenraad (zorg): Wmcz 2018",
    "other": "Een ander medezeggenschapsorgaan, of zeg ik liever niet",
}
# the council as a line in a title block ("Medezeggenschapsorgaan: ...")
NAMES: Final[Mapping[Council, str]] = {
    "or": "ondernemingsraad (OR)",
    "mr": "medezeggenschapsraad (MR of GMR)",
    "cr": "cliëntenraad",
    "other": "medezeggenschapsorgaan (MZO)",
}

# term → (or, mr, cr, other)
_TERMS: Final[dict[str, tuple[str, str, str, str]]] = {
    # Each term: (or, mr, cr, other). The `other` value is today's wording, so that a catalogue
    # text reads for `other` exactly as before; that is why some `other` values name the WOR
    # or "medewerkers". A term is a noun phrase or a name, never a bare article or pronoun.
    #
    # the council, with its article; without one; its members; more than one
    "raad": ("de OR", "de MR", "de cliëntenraad", "het MZO"),
    "raadnaam": ("OR", "MR", "cliëntenraad", "MZO"),
    "raadsleden": ("OR-leden", "MR-leden", "leden van de cliëntenraad", "MZO-leden"),
    "raden": ("ondernemingsraden", "medezeggenschapsraden", "cliëntenraden", "MZO's"),
    # the council with "eigen" and with "nieuw" (the article and the adjective follow the noun)
    "eigenraad": ("de eigen OR", "de eigen MR", "de eigen cliëntenraad", "het eigen MZO"),
    # the council after a handover (a cliëntenraad is seldom renewed as a whole)
    "nieuweraad": (
        "een nieuwe OR",
        "een nieuwe MR",
        "nieuwe leden van de cliëntenraad",
        "een nieuw MZO",
    ),
    "voorzitter": (
        "de voorzitter van de OR",
        "de voorzitter van de MR",
        "de voorzitter van de cliëntenraad",
        "de voorzitter van het MZO",
    ),
    # the other party of the law: who takes the decisions the council advises on; without article
    "bestuurder": ("de bestuurder", "het bevoegd gezag", "de zorginstelling", "de bestuurder"),
    "bestuurdernaam": ("bestuurder", "bevoegd gezag", "zorginstelling", "bestuurder"),
    # whom the council speaks for, with article (other: today's "de medewerkers"); without one
    "achterban": (
        "de medewerkers",
        "het personeel, de ouders en de leerlingen",
        "de cliënten en hun vertegenwoordigers",
        "de medewerkers",
    ),
    "achterbanleden": (
        "medewerkers",
        "personeel, ouders en leerlingen",
        "cliënten en hun vertegenwoordigers",
        "medewerkers",
    ),
    # whom she tells about the elections and how to stand as a candidate
    "kiezers": (
        "collega's",
        "personeel, ouders en leerlingen",
        "cliënten en hun vertegenwoordigers",
        "collega's",
    ),
    # the achterban taking part directly (participatieve medezeggenschap)
    "participatie": (
        "medewerkersparticipatie",
        "participatie van personeel, ouders en leerlingen",
        "participatie van cliënten en hun vertegenwoordigers",
        "medewerkersparticipatie",
    ),
    # the law, short (other: today's "WOR") and in full (other: the WOR's name)
    "wet": ("WOR", "WMS", "Wmcz 2018", "WOR"),
    "wetvoluit": (
        "de Wet op de ondernemingsraden",
        "de Wet medezeggenschap op scholen",
        "de Wet medezeggenschap cliënten zorginstellingen 2018",
        "de Wet op de ondernemingsraden",
    ),
    # the law and the cao she must know (no cao binds a cliëntenraad): after "de"; with articles;
    # as the last item of "afspraken/besluiten/procedures/…"
    "regels": ("WOR en cao", "WMS en cao", "Wmcz 2018", "WOR (of WMS, Wmcz), cao"),
    "wetcao": (
        "de wet en de cao",
        "de wet en de cao",
        "de wet en de jurisprudentie",
        "de wet en de cao",
    ),
    "wetten": ("wetten/cao", "wetten/cao", "wetten", "wetten/cao"),
    # a form of council that asks for a course of its own, and what that course is about
    "raadsvorm": (
        "een centrale of groepsondernemingsraad",
        "een gemeenschappelijke medezeggenschapsraad (GMR)",
        "een centrale cliëntenraad",
        "een medezeggenschapsraad of cliëntenraad",
    ),
    "raadsvormcursus": (
        "de COR of de GOR",
        "de GMR",
        "de centrale cliëntenraad",
        "de WMS of de Wmcz",
    ),
    # where her council's working agreements with the other party are written down; its name
    "afspraken": (
        "het convenant",
        "het medezeggenschapsstatuut",
        "de medezeggenschapsregeling",
        "het convenant",
    ),
    "convenant": (
        "convenant OR/bestuurder",
        "medezeggenschapsstatuut",
        "medezeggenschapsregeling",
        "convenant MZO/bestuurder",
    ),
    # the body that settles a dispute with the other party (other: today's "de Ondernemingskamer",
    # which hears appeals under all three laws); the Wmcz 2018 does not name the kantonrechter
    "geschillen": (
        "de kantonrechter of de Ondernemingskamer",
        "de Landelijke Commissie voor Geschillen WMS",
        "de commissie van vertrouwenslieden",
        "de Ondernemingskamer",
    ),
    # the council's own meetings and those with the other party
    "raadsvergaderingen": (
        "OR- en overlegvergaderingen",
        "MR- en overlegvergaderingen",
        "cliëntenraads- en overlegvergaderingen",
        "MZO-overlegvergaderingen",
    ),
    # the council's budget
    "begroting": ("OR-begroting", "MR-begroting", "begroting van de cliëntenraad", "MZO-begroting"),
    # how members join: elections (OR, MR) or recruitment and appointment (often, cr); as a name;
    # who runs it
    "verkiezingen": (
        "de verkiezingen",
        "de verkiezingen",
        "de werving en benoeming van leden",
        "de verkiezingen",
    ),
    "raadsverkiezingen": (
        "OR-verkiezingen",
        "MR-verkiezingen",
        "werving en benoeming van leden",
        "MZO-verkiezingen",
    ),
    "verkiezingscommissie": (
        "de verkiezingscommissie",
        "de verkiezingscommissie",
        "de wervingscommissie",
        "de verkiezingscommissie",
    ),
    # the council's own proposals: ongevraagd advies for a cliëntenraad (Wmcz 2018 art. 9)
    "initiatieven": (
        "eigen initiatieven",
        "eigen initiatieven",
        "ongevraagde adviezen",
        "eigen initiatieven",
    ),
    "initiatiefvoorstellen": (
        "initiatiefvoorstellen",
        "initiatiefvoorstellen",
        "ongevraagde adviezen",
        "initiatiefvoorstellen",
    ),
    # the rights a course explains (a cliëntenraad: ongevraagd advies, Wmcz 2018 art. 9)
    "rechten": (
        "informatie, advies, instemming, initiatief",
        "informatie, advies, instemming, initiatief",
        "informatie, advies, instemming, ongevraagd advies",
        "informatie, advies, instemming, initiatief",
    ),
    # the meeting with the other party (the WOR's overlegvergadering, art. 23-23a)
    "overlegvergadering": (
        "de overlegvergadering",
        "het overleg met het bevoegd gezag",
        "het overleg met de zorginstelling",
        "de overlegvergadering",
    ),
}
TERMS: Final[frozenset[str]] = frozenset(_TERMS)
_INDEX: Final[Mapping[Council, int]] = {c: i for i, c in enumerate(COUNCILS)}
# ((term)) or ((Term)): letters only, so that ordinary parentheses never match
_TERM = re.compile(r"\(\(([A-Za-z]+)\)\)")


# the law of each council, by its short name
LAWS: Final[Mapping[Council, str]] = {"or": "WOR", "mr": "WMS", "cr": "Wmcz 2018"}

# who may pay for her development, in the plan's "Wat heb ik nodig"
PAYERS: Final[Mapping[Council, str]] = {
    "or": "OR-budget, werkgever",
    "mr": "MR-budget, werkgever",
    "cr": "budget van de cliëntenraad, werkgever",
    "other": "OR-budget, werkgever",
}


def term(name: str, council: Council) -> str:
    """The text of one term for a council (KeyError for a name outside ``TERMS``)."""
    text = _TERMS[name.lower()][_INDEX[council]]
    return text[:1].upper() + text[1:] if name[:1].isupper() else text


def resolve(text: str, council: Council) -> str:
    """``text`` with every term replaced by the council's words (unknown terms are left)."""
    if "((" not in text:
        return text

    def one(match: re.Match[str]) -> str:
        name = match.group(1)
        return term(name, council) if name.lower() in TERMS else match.group(0)

    return _TERM.sub(one, text)


def unknown_terms(text: str) -> list[str]:
    """The ``((…))`` in ``text`` that are no term: a misspelt one, or a stray pair."""
    if "((" not in text:
        return []
    found = [m.group(1) for m in _TERM.finditer(text) if m.group(1).lower() not in TERMS]
    rest = _TERM.sub("", text)
    if "((" in rest or "))" in rest:
        found.append(rest[rest.find("((") :][:20] if "((" in rest else "))")
    return found


def parse_council(value: object) -> Council | None:
    """The council a file or an option names (``or``, ``mr``, ``cr``, ``other``), else None."""
    if isinstance(value, str) and value.strip().lower() in COUNCILS:
        return value.strip().lower()  # type: ignore[return-value]
    return None
