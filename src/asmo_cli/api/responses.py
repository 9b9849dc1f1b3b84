"""The feedback kept with a record of hers, one response at a time: listed with a number, and
one removed again (after her yes, under the record's lock)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from asmo_cli.core.catalogue import Catalogue
from asmo_cli.core.errors import AsmoError
from asmo_cli.core.feedback import FeedbackResponse
from asmo_cli.core.paper import PAPER, is_draft
from asmo_cli.core.record import Record
from asmo_cli.core.text import plural, program
from asmo_cli.storage.responses import read_responses, remove_kept


@dataclass(frozen=True)
class KeptResponse:
    """One response kept with a record: its number in ``asmo feedback list`` (1 is the first
    that came in), when it was kept (None: not known, kept by an earlier asmo), and whether it
    is a paper form still being typed in (it does not count yet)."""

    number: int
    response: FeedbackResponse
    received: datetime | None
    is_draft: bool

    @property
    def is_paper(self) -> bool:
        """True for a paper form typed in with ``asmo feedback add --interactive``."""
        return self.response.response_id.startswith(PAPER)


@dataclass(frozen=True)
class Responses:
    """A record of hers and the responses kept with it, in the order they came in."""

    record: Record
    kept: tuple[KeptResponse, ...]


@dataclass(frozen=True)
class Removed:
    """The response removed from a record, and how many responses it still has."""

    record: Record
    removed: KeptResponse
    left: int


ConfirmRemoval = Callable[[Record, KeptResponse], bool]


def list_responses(catalogue: Catalogue, record: Record) -> tuple[KeptResponse, ...]:
    """Return the responses kept with a record, numbered from 1 in the order they came in."""
    return tuple(
        KeptResponse(number, response, received, is_draft(catalogue, record.ratings, response))
        for number, (response, received) in enumerate(read_responses(record.id), start=1)
    )


def responses_of(catalogue: Catalogue, record: Record) -> Responses:
    """The responses kept with a record of her own folder (read by ``own_record``)."""
    return Responses(record, list_responses(catalogue, record))


def remove_response(
    catalogue: Catalogue, record: Record, number: int, confirm: ConfirmRemoval | None = None
) -> Removed | None:
    """Remove response ``number`` (as ``asmo feedback list`` numbers it) from a record of her
    own folder (read by ``own_record``). ``confirm`` sees which one it is and may say no: then
    nothing is removed and None is returned. It is asked before the record is locked (so that
    her answer never keeps another window waiting); the response is then removed from the
    store as it is under the lock, and only when it is still there unchanged."""
    kept = list_responses(catalogue, record)
    chosen = _chosen(record, kept, number)
    if confirm is not None and not confirm(record, chosen):
        return None
    left = remove_kept(record.id, chosen.response)
    return Removed(record, chosen, left)


def _chosen(record: Record, kept: tuple[KeptResponse, ...], number: int) -> KeptResponse:
    """The response with this number; AsmoError naming the numbers there are otherwise."""
    if not kept:
        raise AsmoError(f"bij meting {record.id} is geen feedback bewaard; er is niets verwijderd")
    if isinstance(number, bool) or not 1 <= number <= len(kept):
        there = "alleen nummer 1" if len(kept) == 1 else f"nummer 1 tot en met {len(kept)}"
        raise AsmoError(
            f"meting {record.id} heeft geen feedback met nummer {number}: er is feedback van "
            f"{plural(len(kept), 'persoon', 'personen')} ({there}; zie {program()} feedback "
            f"list {record.id}); er is niets verwijderd"
        )
    return kept[number - 1]
