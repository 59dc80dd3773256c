"""Users at once against `tablero serve --workers W` in its own process (loopback): each user
logs in, then renders a page with its filters every 1–3 s (think time) for a fixed duration.
Latency p50/p95, requests per second, errors, and the peak memory of each serving process."""

from __future__ import annotations

import os
import random
import socket
import subprocess
import sys
import threading
import time
from contextlib import contextmanager, suppress
from time import perf_counter

import psutil
import requests

from tests.benchmarks.bench_callbacks import bench_user, router_body
from tests.benchmarks.report import Figure, Results
from warehouse.settings import PROJECT_ROOT

PAGES = ["/", "/indicadores", "/territorio", "/plan-de-accion", "/gobernanza", "/calidad"]
SEARCHES = ["", "?localidad=08", "?localidad=11", "?localidad=19", "?entidad=SDMUJER"]


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextmanager
def served(workers: int, cache_dir: str):
    port = _free_port()
    env = (
        {**os.environ, "TABLERO_CACHE_URL": f"file://{cache_dir}"}
        if workers > 1
        else dict(os.environ)
    )
    command = [
        sys.executable,
        "-m",
        "dash_app.cli",
        "serve",
        "--port",
        str(port),
        "--workers",
        str(workers),
    ]
    process = subprocess.Popen(
        command, cwd=PROJECT_ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 120
    while True:
        try:
            requests.get(url + "/login", timeout=5)
            break
        except requests.ConnectionError:
            if process.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError("el servidor no arrancó") from None
            time.sleep(0.3)
    try:
        yield url, process
    finally:
        process.terminate()
        process.wait(timeout=60)


def _login(url: str, email: str, password: str) -> requests.Session:
    import re

    session = requests.Session()
    form = session.get(url + "/login", timeout=60)
    token = re.search(r'name="csrf_token" value="([^"]+)"', form.text).group(1)
    session.post(
        url + "/login",
        data={"email": email, "password": password, "csrf_token": token, "next": "/"},
        timeout=60,
    )
    return session


def _serving(process) -> list:
    parent = psutil.Process(process.pid)
    workers = [c for c in parent.children() if "dash_app.cli" in " ".join(c.cmdline())]
    return workers or [parent]


def run_users(url: str, process, users: int, duration: float, seed: int) -> dict:
    email, password = bench_user()
    sessions = [_login(url, email, password) for _ in range(users)]
    latencies: list[float] = []
    errors = [0]
    lock = threading.Lock()
    start = perf_counter()
    stop_at = start + duration
    peak: dict[int, int] = {}

    def user(index: int) -> None:
        rng = random.Random(f"{seed}:{index}")
        time.sleep(rng.uniform(0, 3))
        while perf_counter() < stop_at:
            body = router_body(rng.choice(PAGES), rng.choice(SEARCHES))
            began = perf_counter()
            try:
                ok = (
                    sessions[index]
                    .post(url + "/_dash-update-component", json=body, timeout=60)
                    .status_code
                    == 200
                )
            except requests.RequestException:
                ok = False
            with lock:
                latencies.append(perf_counter() - began)
                errors[0] += 0 if ok else 1
            time.sleep(rng.uniform(1, 3))

    threads = [threading.Thread(target=user, args=(i,)) for i in range(users)]
    for thread in threads:
        thread.start()
    while any(t.is_alive() for t in threads):
        for proc in _serving(process):
            with suppress(psutil.Error):
                peak[proc.pid] = max(peak.get(proc.pid, 0), proc.memory_info().rss)
        time.sleep(0.5)
    elapsed = perf_counter() - start
    ordered = sorted(latencies)
    return {
        "requests": len(ordered),
        "errors": errors[0],
        "p50_s": ordered[len(ordered) // 2] if ordered else None,
        "p95_s": ordered[int(len(ordered) * 0.95)] if ordered else None,
        "per_second": len(ordered) / elapsed,
        "peak_rss_mb": [round(v / 1e6) for v in peak.values()],
        "latencies_s": ordered,
    }


def bench_concurrency(results: Results, cache_dir: str, duration: float, say) -> None:
    """20 and 50 users against 1 worker (waitress) and 2 workers (gunicorn)."""
    for workers in (1, 2):
        with served(workers, f"{cache_dir}/w{workers}") as (url, process):
            for users in (20, 50):
                say(f"{users} usuarios, {workers} proceso(s), {duration:.0f} s")
                got = run_users(url, process, users, duration, seed=users)
                tag = f"{users} usuarios, {workers} proceso{'s' if workers > 1 else ''}"
                results.add(
                    Figure(
                        f"conc.{workers}.{users}.p95",
                        f"{tag}: p95",
                        "ms",
                        [got["p95_s"] * 1000],
                        target=500.0,
                    )
                )
                results.add(
                    Figure(
                        f"conc.{workers}.{users}.p50",
                        f"{tag}: mediana",
                        "ms",
                        [got["p50_s"] * 1000],
                    )
                )
                results.add(
                    Figure(
                        f"conc.{workers}.{users}.rps",
                        f"{tag}: solicitudes/s",
                        "req/s",
                        [got["per_second"]],
                    )
                )
                results.add(
                    Figure(
                        f"conc.{workers}.{users}.errors",
                        f"{tag}: errores",
                        "n",
                        [float(got["errors"])],
                        target=0.0,
                    )
                )
                results.add(
                    Figure(
                        f"conc.{workers}.{users}.rss",
                        f"{tag}: memoria máx. por proceso",
                        "MB",
                        [float(max(got["peak_rss_mb"] or [0]))],
                    )
                )
                results.details.setdefault("concurrency", {})[tag] = {
                    k: v for k, v in got.items() if k != "latencies_s"
                }
