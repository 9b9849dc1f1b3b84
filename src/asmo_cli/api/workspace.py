"""asmo as a library: one Workspace per asmo home and catalogue, one method per use case.

    from asmo_cli import Workspace

    work = Workspace(home="~/asmo-test")
    record = work.create_from_answers("antwoorden.yaml")
    print(work.report(record.id).paths)

Every method returns what it wrote (or found) and raises ``AsmoError`` with a Dutch message
when it cannot; nothing is printed. The CLI is a thin shell around this class.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from asmo_cli.api import drafts
from asmo_cli.api import records as records_api
from asmo_cli.api.drafts import Documents, Draft, Unfinished
from asmo_cli.api.reports import DEFAULT_FORMATS, ReportRequest, parse_formats
from asmo_cli.api.writing import Written
from asmo_cli.core.catalogue import Catalogue
from asmo_cli.core.council import NEUTRAL, Council
from asmo_cli.core.errors import AsmoError
from asmo_cli.core.record import Record
from asmo_cli.core.result import Result, compute_result
from asmo_cli.storage import paths
from asmo_cli.storage.catalogue import load_catalogue
from asmo_cli.storage.records import judged_by
from asmo_cli.storage.store import Listing, find_record, has_previous, list_records, record_path
from asmo_cli.storage.synced import cloud_warning

if TYPE_CHECKING:
    from asmo_cli.api.feedback import Invitation, Kept
    from asmo_cli.api.hours import FileHours
    from asmo_cli.api.plans import ChooseAmbition
    from asmo_cli.api.records import Deleted
    from asmo_cli.api.responses import ConfirmRemoval, KeptResponse, Removed, Responses
    from asmo_cli.core.feedback import FeedbackResponse
    from asmo_cli.core.team import Collected
    from asmo_cli.storage.erase import Erasure

__all__ = [
    "Checked",
    "Deleted",
    "Documents",
    "Draft",
    "Erasure",
    "FileHours",
    "Invitation",
    "Kept",
    "KeptResponse",
    "Removed",
    "Responses",
    "TeamWritten",
    "Unfinished",
    "Workspace",
    "Written",
    "cloud_warning",
    "parse_formats",
]


@dataclass(frozen=True)
class Checked:
    """A catalogue checked: its problems (it cannot be used) and its warnings about the
    weights (it works, but the roles are less recognisable)."""

    problems: tuple[str, ...]
    warnings: tuple[str, ...]


@dataclass(frozen=True)
class TeamWritten:
    """The team's files, and what was found in the paths given (members, notes, errors)."""

    paths: tuple[Path, ...]
    found: Collected


class Workspace:
    """asmo's own folder (``home``; default: ``ASMO_HOME`` or the user's data folder) and a
    catalogue (``data_dir``; default: ``ASMO_DATA_DIR`` or the shipped one)."""

    def __init__(self, home: Path | str | None = None, data_dir: Path | str | None = None):
        # None: ASMO_HOME or the platform's folders (reports then go to Documents/asmo)
        self._home = Path(home).expanduser().resolve() if home is not None else None
        self.data_dir = paths.data_dir(Path(data_dir).expanduser() if data_dir else None)
        self._catalogues: dict[tuple[bool, Council], Catalogue] = {}

    @property
    def home(self) -> Path:
        """asmo's own folder for this workspace (its records are in ``assessments``)."""
        with paths.using_home(self._home):
            return paths.home_dir()

    def __repr__(self) -> str:
        return f"Workspace(home={self.home!r}, data_dir={self.data_dir!r})"

    @contextmanager
    def here(self) -> Iterator[None]:
        """Within the block, the lower layers work in this workspace's home, and every record
        read gets its status from its answers, judged by this catalogue (loaded only when a
        record is read; a catalogue that cannot be read leaves the file's word)."""
        with paths.using_home(self._home), judged_by(self._judge):
            yield

    def _judge(self) -> Catalogue | None:
        try:
            return self.catalogue()
        except AsmoError:
            return None

    def catalogue(self, *, with_development: bool = False, council: Council = NEUTRAL) -> Catalogue:
        """The catalogue, read and checked once (``with_development``: also development.yaml,
        the suggestions of the plan), its texts in the words of ``council``."""
        key = (with_development, council)
        if key not in self._catalogues:
            self._catalogues[key] = load_catalogue(
                self.data_dir, with_development=with_development, council=council
            )
        return self._catalogues[key]

    def catalogue_for(self, record: Record, *, with_development: bool = False) -> Catalogue:
        """The catalogue in the words of the council the record's AS serves."""
        return self.catalogue(with_development=with_development, council=record.council)

    def _in_words(self, *, with_development: bool = False) -> Callable[[Council], Catalogue]:
        return lambda council: self.catalogue(with_development=with_development, council=council)

    def validate(self) -> Checked:
        """Check the catalogue: every problem in it, else the warnings about its weights."""
        from asmo_cli.core.weight_rules import weight_warnings
        from asmo_cli.storage.catalogue import check_catalogue

        problems = check_catalogue(self.data_dir)
        if problems:
            return Checked(tuple(problems), ())
        return Checked((), tuple(weight_warnings(self.catalogue())))

    # --- records ------------------------------------------------------------------------

    def listing(self) -> Listing:
        """Every readable record, oldest first, and a line for every unreadable one."""
        with self.here():
            return list_records()

    def records(self) -> list[Record]:
        """Every readable record, oldest first."""
        return list(self.listing().records)

    def get(self, record_ref: str | None = None) -> Record:
        """A record by id, by path, or (None) the newest."""
        with self.here():
            return find_record(record_ref)

    def save(self, record: Record) -> Record:
        """Keep a record made elsewhere (a script's, with its own id) in asmo's own folder,
        replacing the one with that id; return it as read back from there."""
        from asmo_cli.storage.store import save_record

        with self.here():
            save_record(record)
            return find_record(record.id)

    def record_path(self, record: Record) -> Path:
        """Where a record of asmo's own folder is kept."""
        with self.here():
            return record_path(record.id)

    def has_previous(self, record: Record) -> bool:
        """Whether the same person has a complete record before this one."""
        with self.here():
            return has_previous(record)

    def result(self, record: Record, earlier: Record | None = None) -> Result:
        """The result of a record (scores, ranking, level fit), as every document shows it."""
        return compute_result(self.catalogue_for(record), record, earlier)

    def create_from_answers(self, path: Path | str) -> Record:
        """Save a new, complete record from an answers file (YAML) and return it."""
        with self.here():
            return records_api.create_from_answers(Path(path), self.catalogue())

    def save_hours(
        self,
        record_ref: str,
        hours: Mapping[str, float],
        contract_hours_per_week: float | None = None,
    ) -> Record:
        """Save her hours per week per area (and her formatie; None keeps the one saved) in a
        record of her own, checked as a file of hours is, under the record's lock."""
        with self.here():
            record = records_api.own_record(record_ref, "hours")
            return records_api.save_checked_hours(
                self.catalogue(), record, hours, contract_hours_per_week
            )

    def delete(
        self, record_ref: str, confirm: Callable[[Record, Erasure], bool] | None = None
    ) -> Deleted | None:
        """Delete a record and what asmo made of it (``confirm`` may say no: None)."""
        with self.here():
            return records_api.delete(record_ref, confirm)

    def check_report_folder(self, out: Path | str) -> None:
        """Refuse, before a new record is begun, a folder where its report would replace a
        file that asmo did not write."""
        from asmo_cli.api.reports import check_report_folder

        with self.here():
            check_report_folder(Path(out))

    # --- answering a record (asmo assess) ------------------------------------------------

    def unfinished(self) -> Unfinished:
        """The unfinished records free to go on with (newest first), how many are open in
        another asmo window, and a line per unreadable record."""
        with self.here():
            return drafts.unfinished()

    def unfinished_record(self, record_ref: str) -> Record:
        """An unfinished record of hers, to go on with."""
        with self.here():
            return drafts.chosen_unfinished(record_ref)

    def delete_unfinished(self, records: Sequence[Record]) -> int:
        """Delete unfinished records with what asmo made of them; return how many."""
        with self.here():
            return drafts.delete_unfinished(list(records))

    def finished(self) -> tuple[Record, ...]:
        """Her finished records, newest first: the ones she can correct."""
        with self.here():
            return drafts.finished()

    def finished_record(self, record_ref: str) -> Record:
        """A finished record of hers, to correct (``asmo assess METING --edit``)."""
        with self.here():
            return drafts.chosen_finished(record_ref)

    def documents(self, record: Record) -> Documents:
        """Where the documents asmo wrote of a record of hers are (still): the folder of its
        latest report, and whether it has a development plan."""
        with self.here():
            return drafts.documents_of(record)

    def edit_draft(self, record: Record) -> Draft:
        """A finished record of hers to correct, locked at once and read again: saved after
        every answer, with the moment of the correction in ``edited``; it keeps its id, its
        catalogue version and its feedback."""
        return Draft(
            self.catalogue_for(record),
            record,
            stored=True,
            here=self.here,
            editing=True,
            in_words=self._in_words(),
        )

    def draft(self, record: Record, *, stored: bool) -> Draft:
        """A record to answer, saved after every answer under its lock (``stored``: it is
        already in asmo's folder and is locked at once; else at its first save)."""
        return Draft(self.catalogue_for(record), record, stored=stored, here=self.here)

    # --- documents ----------------------------------------------------------------------

    def report(
        self,
        record_ref: str | None = None,
        *,
        out: Path | str | None = None,
        formats: Sequence[str] = DEFAULT_FORMATS,
        compare: str | None = None,
        previous: bool = False,
        target: str | None = None,
        names: bool = False,
        confirm_other: Callable[[Record, Record], bool] = lambda record, other: True,
        council: Council | None = None,
    ) -> Written | None:
        """Write the report files of a complete record (None: ``confirm_other`` said no to a
        comparison with somebody else's record); ``council`` stores that council with the
        record first."""
        from asmo_cli.api.reports import report_command

        request = ReportRequest(
            record_ref, _path(out), tuple(formats), compare, previous, target, names, council
        )
        with self.here():
            return report_command(self._in_words(), request, confirm_other)

    def plan(
        self,
        record_ref: str | None = None,
        *,
        target: str | None = None,
        specialise: str | None = None,
        out: Path | str | None = None,
        ambition: str | None = None,
        council: Council | None = None,
        choose: ChooseAmbition | None = None,
    ) -> Written:
        """Write the development plan (ontwikkelplan.pdf, .md, .png) of a complete record.

        Her ambition: ``target`` (a level id: move there; her own level: grow in it) or
        ``specialise`` (a role id or name); without either, her last choice (kept with the
        record), or what ``choose`` asks, or grow in her function. ``ambition`` is her own
        words. ``council`` stores that council with the record first."""
        from asmo_cli.api.plans import Wish, plan_command

        with self.here():
            catalogues = self._in_words(with_development=True)
            wish = Wish(target, specialise, ambition)
            return plan_command(catalogues, record_ref, wish, _path(out), council, choose)

    def hours(
        self,
        record_ref: str | None = None,
        *,
        out: Path | str | None = None,
        council: Council | None = None,
    ) -> Written:
        """Write the hours documents (tijdsbesteding.pdf, .md, .png) of a record of hers;
        ``council`` stores that council with the record first."""
        from asmo_cli.api.hours import write_hours_documents

        with self.here():
            record = records_api.own_record(record_ref, "hours")
            said: tuple[str, ...] = ()
            if council is not None:
                record, line = records_api.set_council(record, council)
                said = (line,) if line else ()
            catalogue = self.catalogue_for(record)
            return Written(tuple(write_hours_documents(catalogue, record, _path(out))), said)

    def read_hours(self, path: Path | str, record: Record) -> tuple[dict[str, float], float | None]:
        """Read and check a YAML file of hours per week (the keys of the record) and the
        formatie, without saving them."""
        from asmo_cli.storage.answers import read_hours_file

        return read_hours_file(Path(path), record, self.catalogue())

    def hours_from_file(
        self, path: Path | str, record: Record, *, replace: bool = False
    ) -> FileHours:
        """Read a YAML file of hours per week and the formatie for a record and lay them over
        the hours saved in it: areas the file does not name keep theirs (``replace``: only
        the file's hours stay; ``removed`` says which went), without saving them."""
        from asmo_cli.api.hours import hours_from_file

        return hours_from_file(Path(path), record, self.catalogue(), replace=replace)

    def edit_hours(
        self,
        record_ref: str | None,
        change: Callable[[Record], tuple[dict[str, float], float | None]],
        *,
        out: Path | str | None = None,
        saved: Callable[[Record], None] = lambda record: None,
    ) -> tuple[Record, list[Path]]:
        """Change the hours of a record of hers (``change`` gives them, and may ask her) and
        write its hours documents, under the record's lock; return the record and the files."""
        from asmo_cli.api.hours import edit_hours

        with self.here():
            record = records_api.own_record(record_ref, "hours")
            return edit_hours(self.catalogue_for(record), record, _path(out), change, saved)

    def set_council(
        self, record_ref: str | None, council: Council, command: str
    ) -> tuple[Record, str | None]:
        """Store the council her record's AS serves (``--council`` of ``command``), under the
        record's lock; return the record and a line that says so (None: unchanged)."""
        with self.here():
            record = records_api.own_record(record_ref, command)
            return records_api.set_council(record, council)

    def check_chart_path(self, path: Path | str) -> None:
        """Refuse a chart file of a kind asmo cannot draw, or one that asmo did not write."""
        from asmo_cli.api.history import check_plot_path
        from asmo_cli.storage.owned import refuse_foreign

        check_plot_path(Path(path))
        with self.here():
            refuse_foreign([Path(path)])

    def history_chart(
        self, path: Path | str, name: str | None = None, listing: Listing | None = None
    ) -> Path:
        """Draw the scores through time (PNG, SVG or PDF) of one person's records (``name``;
        default: the person of the newest record)."""
        from asmo_cli.api.history import plot_history

        with self.here():
            found = listing if listing is not None else list_records()
            return plot_history(self.catalogue(), found, Path(path), name)

    def collect_team(self, sources: Sequence[Path | str]) -> Collected:
        """Read records and scores.json files (or folders of them) for a team profile: the
        members, and a line for everything skipped."""
        from asmo_cli.api.teams import collect

        with self.here():
            return collect(self.catalogue(), [Path(s) for s in sources])

    def team(
        self,
        sources: Sequence[Path | str] | Collected,
        *,
        out: Path | str | None = None,
        names: bool = False,
    ) -> TeamWritten:
        """Write the anonymous team profile (team.pdf, .md, .png, .json) of records or
        scores.json files, or of what ``collect_team`` found."""
        from asmo_cli.api.teams import write_team
        from asmo_cli.core.team import Collected

        found = sources if isinstance(sources, Collected) else self.collect_team(sources)
        if not found.members:
            raise AsmoError("geen bruikbare afgeronde metingen gevonden; er is niets geschreven")
        with self.here():
            folder = _path(out) or paths.reports_dir() / "team"
            written = write_team(self.catalogue(), found, folder, with_names=names)
        return TeamWritten(tuple(written), found)

    # --- feedback -----------------------------------------------------------------------

    def invite(
        self,
        record_ref: str | None = None,
        givers: Sequence[str | None] = (None,),
        *,
        out: Path | str | None = None,
    ) -> list[Invitation]:
        """Write an invitation (a page and a paper form) per giver for a record of hers."""
        from asmo_cli.api.feedback import write_invitations

        with self.here():
            record = records_api.own_record(record_ref, "feedback invite")
            catalogue = self.catalogue_for(record)
            return write_invitations(catalogue, record, list(givers), _path(out))

    def feedback(self, record: Record) -> list[FeedbackResponse]:
        """The feedback kept with a record of asmo's own folder."""
        from asmo_cli.storage.feedback import load_feedback

        with self.here():
            return load_feedback(record.id)

    def keep_feedback(self, record: Record, response: FeedbackResponse) -> None:
        """Keep one response (a paper form, also half typed in) with a record of hers."""
        from asmo_cli.storage.feedback import store_feedback

        with self.here():
            store_feedback([(record, response)])

    def record_for_paper(self, record_ref: str | None) -> Record:
        """The complete record of hers whose paper form is typed in (default: the newest)."""
        from asmo_cli.api.feedback import record_for_paper

        with self.here():
            return record_for_paper(record_ref)

    def add_feedback(self, files: Sequence[Path | str]) -> list[Kept]:
        """Keep answers files (JSON) from the invitation page with their records."""
        from asmo_cli.api.feedback import add_feedback_files

        with self.here():
            return add_feedback_files(self.catalogue(), [Path(f) for f in files])

    def responses(self, record_ref: str | None = None) -> Responses:
        """The responses kept with a record of hers (default: the newest finished), numbered
        from 1 in the order they came in, each with the moment it was kept (if known)."""
        from asmo_cli.api.responses import responses_of

        with self.here():
            record = records_api.own_record(record_ref, "feedback list")
            return responses_of(self.catalogue_for(record), record)

    def remove_response(
        self, record_ref: str, number: int, confirm: ConfirmRemoval | None = None
    ) -> Removed | None:
        """Remove one response (``number`` as ``responses`` numbers it) from a record of hers,
        under the record's lock (``confirm`` may say no: None)."""
        from asmo_cli.api.responses import remove_response

        with self.here():
            record = records_api.own_record(record_ref, "feedback remove")
            return remove_response(self.catalogue_for(record), record, number, confirm)


def _path(value: Path | str | None) -> Path | None:
    return Path(value).expanduser() if value is not None else None
