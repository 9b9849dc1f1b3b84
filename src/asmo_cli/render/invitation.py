"""The feedback invitation (issue 16): one self-contained HTML page for the people around the AS.

A voorzitter, OR-lid, leidinggevende or colleague opens the page in any browser, rates the
activities of the werkzaamheden the AS chose, and saves the answers as a JSON file (a browser
download) or copies them as text for an e-mail. The page fetches nothing and sends nothing:
a strict Content-Security-Policy allows only its own inline script and style (by hash). It
holds none of the AS's own ratings. The answers file is a contract (``asmo_feedback: 1``):

    {"asmo_feedback": 1, "record": <record id>, "questionnaire_version": <catalogue_version>,
     "response_id": <random hex>, "giver_role": <one of ROLE_IDS>, "name": <optional>,
     "ratings": {<task id>: {<activity id>: 1-5 or null}}, "comments": {<task id>: <optional>}}
"""

from __future__ import annotations

import base64
import hashlib
import html
import json
import re
from functools import cache
from importlib.resources import files

from asmo_cli.core.catalogue import Catalogue, ScaleLevel, TaskArea
from asmo_cli.core.council import NEUTRAL, Council
from asmo_cli.core.feedback import (
    ANSWERS_FORMAT,
    GIVER_ROLES,
    anonymity_note,
    giver_role_titles,
)
from asmo_cli.core.record import Record
from asmo_cli.core.text import clean, shown

ROLE_IDS = tuple(GIVER_ROLES)
NO_NAME = "de ambtelijk secretaris"
CANNOT_JUDGE = "Kan ik niet beoordelen"
SAVE = "Bewaar mijn antwoorden"
COPY = "Kopieer als tekst"

_EMPTY = '<p class="card">Er staan geen werkzaamheden in deze vragenlijst.</p>'
_FIRST_PERSON = re.compile(r"\b(ik|mij|me|mijn|heb|ben)\b", re.IGNORECASE)
_VERB = {"beheers": "Beheerst", "kan": "Kan", "heb": "Heeft", "ben": "Is"}
_SCRIPT_ESCAPES = {c: f"\\u{ord(c):04x}" for c in "<>&\u2028\u2029"}


def render_invitation(catalogue: Catalogue, record: Record, giver: str | None) -> str:
    """Return the invitation page as one HTML document (UTF-8 text, works offline)."""
    full, short = as_names(record.name)
    tasks = [task for task in catalogue.tasks if task.id in record.ratings]
    style, script = _asset("invitation.css"), _asset("invitation.js")
    if "</" in script or "</" in style:
        raise ValueError("invitation assets may not contain '</'")
    data = {
        "record": record.id,
        "version": record.catalogue_version,
        "file": "feedback-" + (re.sub(r"[^0-9A-Za-z_-]+", "-", record.id).strip("-") or "meting"),
        "format": ANSWERS_FORMAT,
        "as": short,
        "roles": list(ROLE_IDS),
        "scale": {str(lv.stars): _meaning(lv, short) for lv in catalogue.scale},
        "tasks": [{"id": t.id, "activities": [a.id for a in t.activities]} for t in tasks],
    }
    csp = (
        f"default-src 'none'; script-src {_hash(script)}; style-src {_hash(style)}; "
        "img-src data:; base-uri 'none'; form-action 'none'"
    )
    giver_name = " ".join(clean(giver or "").split())
    body = [
        f"<h1>Feedback voor {_e(full)}</h1>",
        f"<p>Beste {_e(giver_name)},</p>" if giver_name else "<p>Hallo,</p>",
        *_intro(full, short, sum(len(task.activities) for task in tasks), catalogue.council),
        *_explain(short),
        *_giver(short, catalogue.council),
        *_scale(catalogue.scale, short),
        *(_task(task, index, short, catalogue.scale) for index, task in enumerate(tasks)),
        *([] if tasks else [_EMPTY]),
        *_finish(short),
    ]
    return "\n".join(
        [
            "<!DOCTYPE html>",
            '<html lang="nl">',
            "<head>",
            '<meta charset="utf-8">',
            f'<meta http-equiv="Content-Security-Policy" content="{_e(csp)}">',
            '<meta name="referrer" content="no-referrer">',
            '<meta name="viewport" content="width=device-width, initial-scale=1">',
            f"<title>Feedback voor {_e(full)}</title>",
            f"<style>{style}</style>",
            "</head>",
            "<body>",
            "<main>",
            *body,
            "</main>",
            f'<script id="asmo-data" type="application/json">{script_json(data)}</script>',
            f"<script>{script}</script>",
            "</body>",
            "</html>",
            "",
        ]
    )


def script_json(value: object) -> str:
    """Return JSON that is safe inside an HTML <script> element (no '<', '>', '&', U+2028/9)."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    return re.sub("[<>&\u2028\u2029]", lambda m: _SCRIPT_ESCAPES[m.group(0)], text)


def third_person(level: ScaleLevel, who: str) -> str:
    """Return a scale description about the AS ("Ik beheers dit ..." → "Beheerst dit ...").

    Only the phrasings the catalogue uses are turned around; any other first-person text is
    left out (an empty string), so the giver never reads "ik" about someone else.
    """
    text = " ".join(level.description.split())
    text = re.sub(r"^Ik (beheers|kan|heb|ben)\b", lambda m: _VERB[m.group(1)], text)
    text = re.sub(r"\bik\b", lambda _m: who, re.sub(r"\bheb\b", "heeft", text))
    return "" if _FIRST_PERSON.search(text) else text


def _meaning(level: ScaleLevel, short: str) -> str:
    text = third_person(level, short)
    return f"{level.stars} – {level.label}" + (f": {text[:1].lower()}{text[1:]}" if text else "")


@cache
def _asset(name: str) -> str:
    return files("asmo_cli.render").joinpath(name).read_text(encoding="utf-8")


def _hash(text: str) -> str:
    digest = base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii")
    return f"'sha256-{digest}'"


def _e(text: str) -> str:
    return html.escape(text, quote=True)


def _wrap(text: str) -> str:
    """Escape, and let long names like "afspraken/besluiten/procedures" break at a slash."""
    return _e(text).replace("/", "/<wbr>")


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:]


def as_names(name: str | None) -> tuple[str, str]:
    """Return the AS's full name and the name to use in questions ("Fenna"), or the role."""
    full = " ".join(clean(name or "").split())
    if not full:
        return NO_NAME, NO_NAME
    first = full.split()[0]
    usable = first[:1].isupper() and not first.endswith(".") and len(first) > 1
    return full, first if usable else full


def mzo_note(council: Council) -> str:
    """The sentence that explains the word MZO, where the text uses it (the neutral wording)."""
    if council != NEUTRAL:
        return ""
    return " MZO staat voor medezeggenschapsorgaan, zoals de ondernemingsraad (OR)."


def _intro(full: str, short: str, count: int, council: Council) -> list[str]:
    who = "De ambtelijk secretaris" if full == NO_NAME else f"{_e(full)} is ambtelijk secretaris en"
    # about 15 seconds an activity, to five minutes rounded half up (50 activities: 15)
    minutes = max(5, int(shown(count * 15 / 60 / 5, 0)) * 5)
    return [
        f"<p>{who} vraagt je om feedback. Hoe goed doet {_e(short)} het werk hieronder? "
        f"{_e(_cap(short))} heeft dezelfde vragen zelf ook beantwoord en wil graag weten hoe jij "
        f"dat ziet, bijvoorbeeld voor een ontwikkelgesprek. Het invullen duurt ongeveer {minutes} "
        f"minuten ({count} activiteiten).</p>",
        "<p>Er zijn geen goede of foute antwoorden. Vul alleen in wat je zelf hebt gezien; kies "
        f"anders ‘{CANNOT_JUDGE}’, of sla de vraag over.{mzo_note(council)}</p>",
    ]


def _explain(short: str) -> list[str]:
    return [
        '<section class="card privacy" aria-labelledby="privacy-h">',
        '<h2 id="privacy-h">Je antwoorden blijven bij jou</h2>',
        "<p>Deze pagina werkt zonder internet en verstuurt niets. Niets verlaat deze computer of "
        f"telefoon totdat je het bestand (of de tekst) zelf naar {_e(short)} stuurt. De eigen "
        f"antwoorden van {_e(short)} staan niet in deze pagina. {_e(_cap(short))} ziet wat je "
        f"invult, en je naam als je die geeft. {_e(anonymity_note(short))}</p>",
        "</section>",
        '<section class="card" aria-labelledby="steps-h">',
        '<h2 id="steps-h">Zo werkt het</h2>',
        '<ol class="steps">',
        "<li>Kies je rol. Je naam invullen mag, maar hoeft niet.</li>",
        f"<li>Kies per activiteit 1 tot 5 sterren, of ‘{CANNOT_JUDGE}’. Een vraag overslaan mag "
        "ook. Per werkzaamheid kun je een opmerking schrijven.</li>",
        f"<li>Druk onderaan op ‘{SAVE}’ en stuur het bestand per e-mail naar {_e(short)}. Op een "
        f"telefoon: druk op ‘{COPY}’ en plak de tekst in een e-mail.</li>",
        "</ol>",
        "<p>Er wordt niets tussentijds bewaard: bewaar je antwoorden voordat je deze pagina "
        "sluit.</p>",
        "</section>",
    ]


def _giver(short: str, council: Council) -> list[str]:
    options = [
        f'<label class="opt"><input type="radio" name="giver-role" value="{_e(role)}" '
        f'required aria-describedby="role-error">{_e(label)}</label>'
        for role, label in giver_role_titles(council).items()
    ]
    return [
        '<section class="card" aria-label="Over jou">',
        '<fieldset class="roles">',
        f"<legend>In welke rol werk je met {_e(short)} samen? <span class=hint>Verplicht: "
        "kies er één.</span></legend>",
        *options,
        '<p id="role-error" class="error" hidden>Kies eerst je rol; daarna kun je je antwoorden '
        "bewaren.</p>",
        "</fieldset>",
        '<div class="field"><label for="giver-name">Je naam <span class="hint">Mag je leeg '
        "laten.</span></label>",
        '<input type="text" id="giver-name" autocomplete="name" maxlength="200"></div>',
        "</section>",
    ]


def _scale(scale: tuple[ScaleLevel, ...], short: str) -> list[str]:
    items = []
    for level in scale:
        text = third_person(level, short)
        about = f" – {_e(text)}" if text else ""
        items.append(
            f'<li><span class="num">{level.stars} ★</span><span><strong>{_e(level.label)}'
            f"</strong>{about}</span></li>"
        )
    return [
        '<section class="card" aria-labelledby="scale-h">',
        '<h2 id="scale-h">Wat betekenen de sterren?</h2>',
        f"<p>Het gaat erom hoe goed {_e(short)} een activiteit beheerst, niet hoe vaak "
        f"{_e(short)} die doet.</p>",
        '<ol class="scale-list">',
        *items,
        "</ol>",
        "</section>",
    ]


def _task(task: TaskArea, ti: int, short: str, scale: tuple[ScaleLevel, ...]) -> str:
    words = {level.stars: level.label for level in scale}
    lines = [
        f'<section class="card task" aria-labelledby="t-{ti}">',
        f'<h2 id="t-{ti}">{_wrap(task.name)}</h2>',
        f'<p class="task-desc">{_e(task.description)}</p>',
    ]
    for ai, activity in enumerate(task.activities):
        name = f"r-{ti}-{ai}"
        stars = [
            f'<label class="opt"><input type="radio" name="{name}" value="{n}">'
            f'<span class="num">{n}<span class="star" aria-hidden="true">★</span></span>'
            f'<span class="sr"> {"ster" if n == 1 else "sterren"}: </span>'
            f'<span class="word">{_e(words.get(n, ""))}</span></label>'
            for n in range(1, 6)
        ]
        lines += [
            '<fieldset class="act">',
            f'<legend><span class="act-name">{_wrap(activity.name)}</span>'
            f'<span class="q">Hoe goed doet {_e(short)} dit?</span></legend>',
            '<div class="stars">',
            *stars,
            "</div>",
            f'<label class="opt none"><input type="radio" name="{name}" value="">'
            f"{CANNOT_JUDGE}</label>",
            f'<p class="meaning" id="m-{ti}-{ai}"></p>',
            "</fieldset>",
        ]
    lines += [
        f'<div class="comment"><label for="c-{ti}">Opmerking bij {_wrap(task.name)} '
        '<span class="hint">Mag je leeg laten.</span></label>',
        f'<textarea id="c-{ti}" rows="3" maxlength="4000"></textarea></div>',
        "</section>",
    ]
    return "\n".join(lines)


def _finish(short: str) -> list[str]:
    return [
        '<section class="card" aria-labelledby="finish-h">',
        '<h2 id="finish-h">Klaar?</h2>',
        '<p id="progress" class="progress"></p>',
        '<div class="actions">',
        f'<button type="button" id="save" class="primary">{SAVE}</button>',
        f'<button type="button" id="copy">{COPY}</button>',
        "</div>",
        '<p id="status" class="status" role="status" aria-live="polite"></p>',
        '<div id="copy-box" class="field" hidden><label for="copy-text">Je antwoorden als tekst'
        "</label>",
        '<textarea id="copy-text" readonly rows="12" spellcheck="false"></textarea></div>',
        f"<p>Nog eens: niets is verstuurd. {_e(_cap(short))} krijgt je antwoorden pas als je het "
        "bestand of de tekst zelf opstuurt.</p>",
        "<noscript><p class=error>Om je antwoorden te bewaren heeft deze pagina JavaScript nodig. "
        "Zet JavaScript aan, of open de pagina in een andere browser.</p></noscript>",
        "</section>",
    ]
