"""The council she serves: or, mr, cr or other, set once and used in every document.

Through the CLI, per council type: every document (Markdown, the PDFs read back, the
invitation page) speaks of her council and its law, never of an OR for an MR or a
cliëntenraad (at most one sentence per document may explain a difference), and never of
"MZO" for an OR. Records and answers files without a council read as ``other``, whose
wording is today's (the goldens and docs/ prove that).
"""

from __future__ import annotations

import html
import json
import re
from pathlib import Path
from typing import Any

import pytest
import yaml
from pypdf import PdfReader
from typer.testing import CliRunner

from asmo_cli.cli.app import app
from asmo_cli.core.council import COUNCILS, TERMS, resolve, term, unknown_terms

from .conftest import Editor

ROOT = Path(__file__).resolve().parents[1]
ANSWERS = ROOT / "docs" / "voorbeeld-antwoorden.yaml"

# the words of an ondernemingsraad (and its law) that an MR or a cliëntenraad never reads
OR_WORDS = re.compile(r"\bOR\b|\bOR-|\bondernemingsra(ad|den)\b|\bWOR\b", re.IGNORECASE)
MZO = re.compile(r"\bMZO")


def ok(result: Any) -> str:
    assert result.exit_code == 0, result.output
    return str(result.output)


def answers(tmp_path: Path, council: str | None, **extra: str) -> Path:
    data = yaml.safe_load(ANSWERS.read_text(encoding="utf-8"))
    if council is not None:
        data["council"] = council
    data.update(extra)
    path = tmp_path / f"antwoorden-{council}.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return path


def documents(runner: CliRunner, tmp_path: Path, council: str) -> dict[str, str]:
    """Every document of one record of this council, as text: name → text."""
    out = tmp_path / f"uit-{council}"
    ok(
        runner.invoke(
            app, ["assess", "--answers", str(answers(tmp_path, council)), "--out", str(out)]
        )
    )
    ok(runner.invoke(app, ["plan", "--out", str(out)]))
    ok(runner.invoke(app, ["feedback", "invite", "--for", "Jan", "--out", str(out)]))
    texts: dict[str, str] = {}
    for path in sorted(out.iterdir()):
        if path.suffix == ".md":
            texts[path.name] = path.read_text(encoding="utf-8")
        elif path.suffix == ".html":  # what the giver reads: the page without its markup
            page = path.read_text(encoding="utf-8")
            page = re.sub(r"<(script|style)\b.*?</\1>", " ", page, flags=re.DOTALL)
            texts[path.name] = html.unescape(re.sub(r"<[^>]+>", " ", page))
        elif path.suffix == ".pdf":
            pages = PdfReader(path).pages
            texts[path.name] = "\n".join(page.extract_text() for page in pages)
    assert {"rapport.pdf", "ontwikkelplan.pdf", "tijdsbesteding.pdf", "rapport.md"} <= set(texts)
    assert any(name.startswith("uitnodiging") and name.endswith(".pdf") for name in texts)
    return texts


def sentences_with(pattern: re.Pattern[str], text: str) -> list[str]:
    flat = " ".join(text.split())
    parts = re.split(r"(?<=[.!?])\s+", flat)
    return [p for p in parts if pattern.search(p)]


@pytest.mark.parametrize("council", ["mr", "cr"])
def test_an_mr_or_clientenraad_never_reads_of_an_or(
    runner: CliRunner, tmp_path: Path, council: str
) -> None:
    texts = documents(runner, tmp_path, council)
    for name, text in texts.items():
        found = sentences_with(OR_WORDS, text)
        assert len(found) <= 1, f"{name}: {found}"
        assert not sentences_with(MZO, text), f"{name}: {sentences_with(MZO, text)}"
    law = {"mr": "WMS", "cr": "Wmcz 2018"}[council]
    assert law in " ".join(texts["tijdsbesteding.pdf"].split())
    raad = {"mr": "MR", "cr": "cliëntenraad"}[council]
    assert raad in texts["rapport.md"] and raad in texts["tijdsbesteding.md"]


def test_an_or_never_reads_mzo(runner: CliRunner, tmp_path: Path) -> None:
    texts = documents(runner, tmp_path, "or")
    for name, text in texts.items():
        assert not sentences_with(MZO, text), f"{name}: {sentences_with(MZO, text)}"
    assert "WOR" in texts["tijdsbesteding.md"]
    assert "Voorzitter van de OR" in texts[next(n for n in texts if n.endswith(".html"))]


def test_without_a_council_the_words_are_todays(runner: CliRunner, tmp_path: Path) -> None:
    texts = documents(runner, tmp_path, "other")
    assert "MZO staat voor medezeggenschapsorgaan" in texts["rapport.md"]
    assert "gelden andere wetten" in texts["tijdsbesteding.md"]


def test_the_council_is_stored_and_in_scores_json(
    runner: CliRunner, home: Path, tmp_path: Path
) -> None:
    path = answers(tmp_path, "mr", council_name="GMR Stichting De Linde")
    out = tmp_path / "uit"
    ok(runner.invoke(app, ["assess", "--answers", str(path), "--out", str(out)]))
    (saved,) = (home / "assessments").glob("*.yaml")
    stored = yaml.safe_load(saved.read_text(encoding="utf-8"))
    assert (stored["council"], stored["council_name"]) == ("mr", "GMR Stichting De Linde")
    data = json.loads((out / "scores.json").read_text(encoding="utf-8"))
    assert data["assessment"]["council"] == "mr"
    assert data["assessment"]["council_name"] == "GMR Stichting De Linde"
    assert "GMR Stichting De Linde" in (out / "rapport.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("command", ["report", "plan", "hours", "feedback invite"])
def test_council_option_changes_the_record_and_says_so(
    runner: CliRunner, home: Path, tmp_path: Path, command: str
) -> None:
    ok(runner.invoke(app, ["assess", "--answers", str(answers(tmp_path, None))]))
    (saved,) = (home / "assessments").glob("*.yaml")
    assert "council" not in yaml.safe_load(saved.read_text(encoding="utf-8"))
    extra = ["--file", str(hours_file(tmp_path))] if command == "hours" else []
    args = [*command.split(), *extra, "--council", "cr", "--out", str(tmp_path / "uit")]
    said = " ".join(ok(runner.invoke(app, args)).split())
    assert "staat nu: cliëntenraad" in said, said
    assert yaml.safe_load(saved.read_text(encoding="utf-8"))["council"] == "cr"
    again = " ".join(ok(runner.invoke(app, args)).split())
    assert "staat nu" not in again, "nothing changed, so nothing to say"


def hours_file(tmp_path: Path) -> Path:
    path = tmp_path / "uren.yaml"
    path.write_text("hours_per_week:\n  correspondentie: 4\ncontract_hours_per_week: 20\n")
    return path


def test_a_wrong_council_is_named(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(app, ["assess", "--answers", str(answers(tmp_path, "gmr"))])
    assert result.exit_code == 1
    text = " ".join(result.output.split())
    assert "antwoorden-gmr.yaml" in text and "onbekende raad 'gmr' bij council" in text, text
    assert "or (ondernemingsraad), mr (medezeggenschapsraad of GMR)" in text
    ok(runner.invoke(app, ["assess", "--answers", str(answers(tmp_path, None))]))
    wrong = runner.invoke(app, ["report", "--council", "ondernemingsraad"])
    assert wrong.exit_code != 0 and "'ondernemingsraad' is geen raad" in wrong.output
    assert "Traceback" not in wrong.output


def test_a_custom_catalogue_with_an_unknown_term_is_named(
    runner: CliRunner, edit: Editor, data_copy: Path
) -> None:
    def misspell(data: Any) -> None:
        data["tasks"][0]["description"] = "Werk voor ((rad)) en ((bestuurder))."

    edit("tasks.yaml", misspell)
    result = runner.invoke(app, ["validate", "--data-dir", str(data_copy)])
    assert result.exit_code == 1
    text = " ".join(result.output.split())
    first = yaml.safe_load((data_copy / "tasks.yaml").read_text(encoding="utf-8"))["tasks"][0]
    assert "tasks.yaml" in text and f"'{first['id']}'" in text and "'((rad))'" in text, text
    assert "((raad))" in text, "the known terms are listed"
    assert "((bestuurder))" not in text.split("'((rad))'")[0], "a known term is no problem"


def test_an_old_record_without_council_reads_as_other(
    runner: CliRunner, home: Path, tmp_path: Path
) -> None:
    ok(runner.invoke(app, ["assess", "--answers", str(answers(tmp_path, None))]))
    (saved,) = (home / "assessments").glob("*.yaml")
    text = saved.read_text(encoding="utf-8")
    assert "council" not in text  # a record of 'other' is written as before
    out = tmp_path / "uit"
    ok(runner.invoke(app, ["report", "--out", str(out)]))
    data = json.loads((out / "scores.json").read_text(encoding="utf-8"))
    assert data["assessment"]["council"] == "other"
    broken = text.replace("status:", "council: ondernemingsraad\nstatus:")
    saved.write_text(broken, encoding="utf-8")
    result = runner.invoke(app, ["report", saved.stem])
    assert result.exit_code == 1 and "onbekende raad 'ondernemingsraad'" in result.output


def test_terms_are_plain_text_with_a_capital_where_asked() -> None:
    assert resolve("Werk voor ((raad)) en ((bestuurder)).", "mr") == (
        "Werk voor de MR en het bevoegd gezag."
    )
    assert resolve("((Raad)) vergadert.", "cr") == "De cliëntenraad vergadert."
    assert resolve("(zie (a)) en ((raad))", "or") == "(zie (a)) en de OR"
    assert unknown_terms("((rad)) en ((raad))") == ["rad"]
    assert unknown_terms("een losse (( zonder einde") != []
    for name in TERMS:
        for council in COUNCILS:
            assert term(name, council).strip(), (name, council)
            assert "((" not in term(name, council)


# --- the question in asmo assess -------------------------------------------------------------


@pytest.mark.parametrize(
    ("default", "keys", "answer"),
    [
        ("other", "\r", "other"),  # Enter keeps the default: her newest record's council
        ("mr", "\r", "mr"),
        ("other", "\x1b[A\x1b[A\x1b[A\r", "or"),  # up from "other" to the first
        ("or", "\x1b[B\x1b[B\r", "cr"),
    ],
)
def test_the_council_question_starts_on_her_last_council(
    default: str, keys: str, answer: str
) -> None:
    from prompt_toolkit.input import create_pipe_input
    from prompt_toolkit.output import DummyOutput

    from asmo_cli.cli.session.questions import PromptIO
    from asmo_cli.cli.session.record_questions import ask_council
    from asmo_cli.core.council import parse_council

    chosen = parse_council(default)
    assert chosen is not None
    with create_pipe_input() as pipe:
        pipe.send_text(keys)
        assert ask_council(chosen, PromptIO(pipe, DummyOutput())) == answer


def test_the_readme_lists_every_term_with_its_words() -> None:
    """A custom catalogue's author reads the terms in the README: the same set, the same words."""
    from asmo_cli.core.council import COUNCILS as ORDER

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    listed = dict(re.findall(r"^\| `\(\(([a-z]+)\)\)` \| (.+) \|$", readme, flags=re.MULTILINE))
    assert set(listed) == set(TERMS)
    for name, cells in listed.items():
        assert [c.strip() for c in cells.split(" | ")] == [term(name, c) for c in ORDER]


PERSONAS = Path(__file__).parent / "personas"


@pytest.mark.parametrize("persona", sorted(p.stem for p in PERSONAS.glob("*.yaml")))
def test_every_persona_reads_her_own_council(
    runner: CliRunner, tmp_path: Path, persona: str
) -> None:
    """The realistic profiles: an AS of a GMR or a cliëntenraad never reads of an OR in her
    report, plan or hours document; an AS of an OR never reads "MZO"."""
    source = PERSONAS / f"{persona}.yaml"
    council = yaml.safe_load(source.read_text(encoding="utf-8")).get("council", "other")
    out = tmp_path / "uit"
    ok(runner.invoke(app, ["assess", "--answers", str(source), "--out", str(out)]))
    ok(runner.invoke(app, ["plan", "--out", str(out)]))
    for path in sorted(out.glob("*.md")):
        text = path.read_text(encoding="utf-8")
        if council in ("mr", "cr"):
            assert len(sentences_with(OR_WORDS, text)) <= 1, (path.name, council)
        if council != "other":
            assert not sentences_with(MZO, text), (path.name, sentences_with(MZO, text))
