"""Numbers and stars as people read them: Dutch decimal comma, ★★★☆☆. No imports and no I/O,
but for ``program`` (how asmo was started, for the commands it suggests)."""

from __future__ import annotations

import os
import re
import sys
from datetime import datetime
from pathlib import Path


def number(value: float, digits: int = 1, *, trim: bool = False) -> str:
    """Return ``value`` with a decimal comma; ``trim`` drops trailing zeros (2,50 → 2,5)."""
    text = f"{value:.{digits}f}"
    if trim and "." in text:
        text = text.rstrip("0").rstrip(".")
    return text.replace(".", ",")


def format_score(value: float | None) -> str:
    """Return a score with one decimal, or 'n.v.t.' when there is none."""
    return "n.v.t." if value is None else number(value)


def stars(value: float, *, width: int = 5) -> str:
    """Return a star bar (★★★☆☆) for a score from 1 to 5, rounded to whole stars."""
    full = max(0, min(width, round(value)))
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
    shown = round(delta, 1)
    if shown == 0:
        return "0,0"  # never '-0,0' or '+0,0'
    return ("+" if shown > 0 else "") + number(shown)


def plural(count: int, one: str, many: str) -> str:
    """Return the count with the right form: plural(1, "meting", "metingen") → "1 meting"."""
    return f"{count} {one if count == 1 else many}"
