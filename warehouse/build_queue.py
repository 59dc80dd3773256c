"""Builds that run by themselves: deliveries and reviews ask for one (intake.build_requests), a
worker thread of `tablero serve` runs them one at a time with safe_build.

PostgreSQL is the queue, no extra server: at most one request waits at a time (a unique partial
index), and a new ask while one waits pushes its start back by the debounce, so a burst of
deliveries is one build. Workers claim with FOR UPDATE SKIP LOCKED, and safe_build's advisory
lock keeps builds one at a time across processes too.
"""

from __future__ import annotations

import logging
import threading
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Engine, text
from sqlalchemy.exc import IntegrityError, ProgrammingError

from warehouse.db import get_engine
from warehouse.schema import ensure_schema_once
from warehouse.settings import Settings, get_settings

log = logging.getLogger(__name__)
DEBOUNCE_SECONDS = 20.0
POLL_SECONDS = 5.0
STALE_HOURS = 6  # a build 'en curso' this long belonged to a worker that died


@dataclass(frozen=True)
class BuildState:
    request_id: int
    state: str  # en cola | en curso | terminada | fallida
    requested_at: datetime
    started_at: datetime | None
    finished_at: datetime | None
    error: str | None
    requested_by: str | None = None
    reason: str | None = None


def request_build(
    engine: Engine | None, who: str | None, reason: str, debounce: float | None = None
) -> int:
    """Queue a build (or push back the one already waiting by `debounce` seconds, default
    DEBOUNCE_SECONDS); returns its request id."""
    engine = engine or get_engine()
    ensure_schema_once(engine)
    wait = DEBOUNCE_SECONDS if debounce is None else debounce
    params = {"who": who, "reason": reason[:500], "wait": wait}
    for _ in range(3):  # a worker may claim the waiting one between our two statements
        try:
            with engine.begin() as conn:
                waiting = conn.execute(
                    text(
                        "update intake.build_requests set run_after = now() + "
                        "make_interval(secs => :wait), reason = left(reason || '; ' || :reason, "
                        "2000) where state = 'en cola' returning request_id"
                    ),
                    params,
                ).scalar()
                if waiting is not None:
                    return waiting
                return conn.execute(
                    text(
                        "insert into intake.build_requests (requested_by, reason, run_after) "
                        "values (:who, :reason, now() + make_interval(secs => :wait)) "
                        "returning request_id"
                    ),
                    params,
                ).scalar_one()
        except IntegrityError:  # another request was queued at the same moment: join it
            continue
    raise RuntimeError("No se pudo encolar la construcción.")


def _claim(engine: Engine) -> int | None:
    with engine.begin() as conn:
        return conn.execute(
            text(
                "update intake.build_requests set state = 'en curso', started_at = now() "
                "where request_id = (select request_id from intake.build_requests "
                "where state = 'en cola' and run_after <= now() order by request_id "
                "for update skip locked limit 1) returning request_id"
            )
        ).scalar()


def _finish(engine: Engine, request_id: int, ok: bool, build_id, error: str | None) -> None:
    with engine.begin() as conn:
        conn.execute(
            text(
                "update intake.build_requests set state = :state, finished_at = now(), "
                "build_id = :build, error = :error where request_id = :id"
            ),
            {
                "state": "terminada" if ok else "fallida",
                "build": build_id,
                "error": error,
                "id": request_id,
            },
        )


def spanish_error(failures: list[str]) -> str:
    """dbt's failures as the app shows them: which step failed, in a few words."""
    if not failures:
        return "La construcción falló sin detalle; revise el registro del servidor."
    shown = "; ".join(f[:300] for f in failures[:3])
    more = f" (y {len(failures) - 3} más)" if len(failures) > 3 else ""
    return (
        f"Falló la construcción del almacén en: {shown}{more}. Las cifras siguen siendo las de "
        "la construcción anterior."
    )


def run_next(engine: Engine | None = None, settings: Settings | None = None) -> BuildState | None:
    """Claim and run one due request; None when nothing was due."""
    from warehouse.dbt_runner import safe_build

    engine = engine or get_engine()
    ensure_schema_once(engine)
    request_id = _claim(engine)
    if request_id is None:
        return None
    try:
        outcome = safe_build(settings)
        error = None if outcome.success else spanish_error(outcome.failures)
        _finish(engine, request_id, outcome.success, outcome.build_id, error)
    except Exception as exc:  # the worker must survive any failure and record it
        log.exception("construcción %s falló", request_id)
        _finish(engine, request_id, False, None, spanish_error([str(exc)]))
    return latest(engine)


def _release_stale(engine: Engine) -> None:
    with engine.begin() as conn:
        conn.execute(
            text(
                "update intake.build_requests set state = 'fallida', finished_at = now(), "
                "error = 'El proceso que la ejecutaba se detuvo; se volverá a pedir con la "
                "próxima entrega.' where state = 'en curso' "
                "and started_at < now() - make_interval(hours => :h)"
            ),
            {"h": STALE_HOURS},
        )


def latest(engine: Engine | None = None) -> BuildState | None:
    """The newest build request (the app shows its state), or None if none was ever made."""
    engine = engine or get_engine()
    try:  # read-only: no DDL on this path (polled by the app)
        with engine.connect() as conn:
            row = conn.execute(
                text(
                    "select request_id, state, requested_at, started_at, finished_at, error, "
                    "requested_by, reason from intake.build_requests "
                    "order by request_id desc limit 1"
                )
            ).first()
    except ProgrammingError:  # a warehouse older than the portal: no build was ever asked for
        return None
    return BuildState(*row) if row is not None else None


class Worker(threading.Thread):
    """Polls the queue and runs due builds until stop() (a daemon thread of `tablero serve`)."""

    def __init__(self, settings: Settings | None = None, poll: float = POLL_SECONDS):
        super().__init__(name="tablero-builds", daemon=True)
        self.settings = settings
        self.poll = poll
        self._stop_event = threading.Event()

    def run(self) -> None:
        engine = get_engine(self.settings)
        ensure_schema_once(engine)
        _release_stale(engine)
        while not self._stop_event.is_set():
            try:
                ran = run_next(engine, self.settings)
            except Exception:  # database away for a moment: try again later
                log.exception("cola de construcciones")
                ran = None
            if ran is None:
                self._stop_event.wait(self.poll)

    def stop(self) -> None:
        self._stop_event.set()


def start_worker(settings: Settings | None = None, poll: float = POLL_SECONDS) -> Worker:
    worker = Worker(settings or get_settings(), poll)
    worker.start()
    return worker
