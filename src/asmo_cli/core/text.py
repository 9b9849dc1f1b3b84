"""Numbers and stars as people read them: Dutch decimal comma, rounded half up (``shown``),
★★★☆☆. No imports and no I/O, but for ``program`` (how asmo was started, for the commands it
suggests)."""

from __future__ import annotations

import math
import os
import re
import sys
from datetime import datetime
from decimal import ROUND_HALF_UP, Context, Decimal
from pathlib import Path

# Floating point leaves noise far behind the comma (0,1 + 0,2 is 0,30000000000000004): a value
# is first taken as the decimal a person would type, to this many decimals, then rounded.
_TYPED = 9
_PLACES = Context(prec=400)  # room for every digit of the largest float and its decimals


def shown(value: float, digits: int = 1) -> float:
    """Return ``value`` rounded as people round: half up, to ``digits`` decimals.

    THE rounding of every number a person reads (``number``, ``format_score``, ``stars``,
    ``percent``), and of every rule that is judged on the figures she reads. It rounds the
    decimal she would type, not the binary float: 3,55 → 3,6 although the float 3,55 is
    3,5499…; 3,25 → 3,3; 2,125 → 2,13; -0,25 → -0,3 (halves away from zero). Zero is never
    -0,0. A value that is not finite comes back as it is.
    """
    if not math.isfinite(value):
        return value
    typed = Decimal(repr(round(value, _TYPED)))
    rounded = typed.quantize(Decimal(1).scaleb(-digits), ROUND_HALF_UP, _PLACES)
    return float(rounded) + 0.0  # + 0.0: -0.0 is 0


def number(value: float, digits: int = 1, *, trim: bool = False) -> str:
    """Return ``value`` rounded half up (``shown``) with a decimal comma; ``trim`` drops
    trailing zeros (2,50 → 2,5; 8,0 → 8)."""
    text = f"{shown(value, digits):.{digits}f}"
    if trim and "." in text:
        text = text.rstrip("0").rstrip(".")
    return text.replace(".", ",")


def format_score(value: float | None) -> str:
    """Return a score with one decimal, or 'n.v.t.' when there is none."""
    return "n.v.t." if value is None else number(value)


def percent(share: float) -> str:
    """Return a share (0 to 1) in whole percents, rounded half up: 0,285 → '29%'."""
    return f"{number(share * 100, 0)}%"


def difference(high: float, low: float, digits: int = 1) -> float:
    """Return ``high - low`` as a reader computes it from the two figures she sees: each
    rounded (``shown``) to ``digits`` decimals, and the difference too (4,1 − 3,1 is 1,0,
    never 0,9999999999999996)."""
    return shown(shown(high, digits) - shown(low, digits), digits)


def stars(value: float, *, width: int = 5) -> str:
    """Return a star bar (★★★☆☆) for a score from 1 to 5, rounded half up to whole stars
    (2,5 → ★★★☆☆)."""
    full = max(0, min(width, int(shown(value, 0))))
    return "★" * full + "☆" * (width - full)


# Control characters (C0, DEL, C1), invisible bidi marks, zero-width characters, line and
# paragraph separators and the byte order mark: never shown.
_BREAKS = re.compile("[\t\n\r\x0b\x0c\x85\u2028\u2029]+")
_CONTROL = re.compile(
    "[\x00-\x1f\x7f-\x9f\u061c\u200b\u200c\u200e\u200f\u202a-\u202e\u2060-\u2069\ufeff]"
)
_MARKDOWN = re.compile(r"([\\`*_{}\[\]<>#!|~&$@])")  # '@': no e-mail autolinks
_BLOCK = re.compile(r"^(\s*)([-+]|\d+(?=[.)]))")  # what would start a list or a rule
_AUTOLINK = re.compile(r"(?i):(?=//)|(?<=\bwww)\.")  # the ':' of '://' and the '.' of 'www.'


def clean(text: str) -> str:
    """Return text as typed, but on one line and without control characters."""
    if not _CONTROL.search(text):
        return text
    return _CONTROL.sub("", _BREAKS.sub(" ", text)).strip()


def md(text: str) -> str:
    """Return text for Markdown that can never become markup, a link, an image or HTML."""
    escaped = _MARKDOWN.sub(r"\\\1", clean(text))
    return _AUTOLINK.sub(lambda m: "\\" + m.group(0), escaped)


def md_line(text: str) -> str:
    """Return text for the start of a Markdown line (or a list item): as ``md``, and what
    would start a list or a rule there ('- ', '1. ', '---') stays text too."""
    return _BLOCK.sub(lambda m: m.group(1) + _block(m.group(2)), md(text))


def _block(marker: str) -> str:
    """'-' → '\\-', '1' (of '1.' or '1)') → '1\\': the text stays text, not a list or rule."""
    return marker + "\\" if marker[0].isdigit() else "\\" + marker


# --- words that every output shares ---------------------------------------------------------

THIN = "te weinig ingevuld"
ENOUGH_RULE = (
    "minstens drie beoordeelde activiteiten die meetellen, waarvan één kernactiviteit, en een "
    "derde dekking"
)
DISCLAIMER = (
    "asmo is geïnspireerd door de Assessmenttool van VASMO, maar is geen product van VASMO. De "
    "acht rollen en hoe zwaar elke werkzaamheid voor een rol telt, zijn een eigen voorstel van "
    "asmo: dit is niet de officiële VASMO-assessment en niet VASMO's weging. MZO staat voor "
    "medezeggenschapsorgaan: een ondernemingsraad, medezeggenschapsraad of cliëntenraad."
)


def disclaimer(council: str) -> str:
    """DISCLAIMER for her council: the sentence that explains the word MZO only where the
    text uses that word (the neutral wording, ``other``)."""
    if council == "other":
        return DISCLAIMER
    return DISCLAIMER[: DISCLAIMER.index(" MZO staat voor")]


# who sees which document: the same line in the report and in the plan
WHO_SEES = (
    "Het rapport bespreek je met je voorzitter; het ontwikkelplan met je leidinggevende of HR."
)
STRONGEST = "Sterkste rollen"
BASICS_ASSUMED = (
    "De negen basiscompetenties van de tool (zoals integriteit en tact) worden verondersteld "
    "aanwezig; ze staan daarom niet bij wat je kunt ontwikkelen."
)
TO_DEVELOP = "Rollen om verder uit te bouwen"
SCORE_NOTE = (
    "Score: 1 tot 5 sterren, gewogen over de activiteiten die je beoordeelde. Dekking: welk "
    "deel van het werk van de rol je hebt beoordeeld. Genoeg gegevens heeft een rol bij "
    "minstens een derde dekking en minstens drie beoordeelde activiteiten, waarvan één "
    f"kernactiviteit van de rol; anders staat er '{THIN}': die score zegt dan weinig en telt "
    "niet mee voor je sterkste rollen en rollen om verder uit te bouwen. n.v.t.: geen van je "
    "activiteiten telt mee voor de rol."
)
RANKING_RULE = (
    "Je sterkste rollen en je rollen om verder uit te bouwen kiest asmo alleen uit rollen met "
    "genoeg gegevens: de rollen met de hoogste scores en die met de laagste, elk hooguit drie "
    "en nooit meer dan de helft van die rollen, dus nooit dezelfde rol in beide lijsten. Een "
    "rol om verder uit te bouwen ligt bovendien minstens 0,5 onder het streefprofiel van je "
    "eigen functieniveau (zonder niveau: onder je eigen gemiddelde); ligt geen rol zo laag, dan "
    "noemt asmo er geen en zegt het dat. Bij een gelijke score gaat de rol met de meeste dekking "
    "voor. Zijn er minder dan twee rollen met genoeg gegevens, of liggen hun scores minder dan "
    "0,25 uit elkaar, dan wijst asmo geen rollen aan en zegt het waarom."
)


def program() -> str:
    """Return how to start asmo in this shell, for the commands asmo suggests.

    ``dev.py`` sets ASMO_PROG to "python3 dev.py asmo": a plain ``asmo`` is not on the PATH
    of a shell the user already had open. Installed with pip or pipx, it is ``asmo``. The
    one-folder program (``dev.py bundle``) is named as she can start it again: ``asmo`` when
    its folder is on the PATH, ``./asmo`` (``.\\asmo.exe``) in its own folder, else its path.
    """
    chosen = os.environ.get("ASMO_PROG")
    if chosen:
        return chosen
    if getattr(sys, "frozen", False):
        return _bundled_program(Path(sys.executable))
    return "asmo"


def _bundled_program(executable: Path) -> str:
    import shutil

    windows = os.name == "nt"
    found = shutil.which(executable.stem)
    if found and Path(found).resolve() == executable.resolve():
        return "asmo"
    try:
        here = Path.cwd().resolve() == executable.parent.resolve()
    except OSError:
        here = False
    if here:
        return f".\\{executable.name}" if windows else f"./{executable.name}"
    if " " not in str(executable):
        return str(executable)
    return (
        f'& "{executable}"' if windows else f"'{executable}'"
    )  # PowerShell runs a quoted path with &


def moment_nl(moment: datetime) -> str:
    """Return a moment as '23-11-2026 om 18:16'."""
    return f"{moment:%d-%m-%Y} om {moment:%H:%M}"


def date_nl(moment: datetime, *, with_time: bool = False) -> str:
    """Return a date as Dutch people write it: 23-11-2026 (with the time: 23-11-2026 18:16)."""
    return moment.strftime("%d-%m-%Y %H:%M" if with_time else "%d-%m-%Y")


def dates_nl(moments: list[datetime]) -> list[str]:
    """Return each moment as a date, with the time added where two moments share a date."""
    days = [f"{m:%Y-%m-%d}" for m in moments]
    return [
        moment_nl(m) if days.count(day) > 1 else date_nl(m)
        for m, day in zip(moments, days, strict=True)
    ]


def format_delta(delta: float | None) -> str:
    """Return a change in score as '+0,4', '-0,2' or '0,0'; '' when there is none."""
    if delta is None:
        return ""
    rounded = shown(delta, 1)
    if rounded == 0:
        return "0,0"  # never '-0,0' or '+0,0'
    return ("+" if rounded > 0 else "") + number(rounded)


def plural(count: int, one: str, many: str) -> str:
    """Return the count with the right form: plural(1, "meting", "metingen") → "1 meting"."""
    return f"{count} {one if count == 1 else many}"
