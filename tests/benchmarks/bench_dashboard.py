"""Dashboard figures: every page cold and warm, a filter change on Resumen, and the bytes the
first page load transfers. The app is served in a thread on a free port exactly like the
`app_url` fixture of tests/conftest.py, and driven by headless Chromium through Playwright."""

from __future__ import annotations

import statistics
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from time import perf_counter
from urllib.parse import urlsplit

from tests.benchmarks.report import Figure, Results
from tests.conftest import CHROMIUM, CHROMIUM_ARGS

PAGES = [
    ("/", "Resumen"),
    ("/indicadores", "Indicadores"),
    ("/territorio", "Territorio"),
    ("/plan-de-accion", "Plan de acción"),
    ("/gobernanza", "Gobernanza"),
    ("/barreras", "Barreras"),
    ("/entidades", "Entidades"),
    ("/catalogo", "Catálogo"),
    ("/calidad", "Calidad"),
]
COLD_TARGET_S = 3.0
WARM_TARGET_S = 1.0
FIRST_LOAD_TARGET_MB = 2.0
QUIET_S = 0.5  # a page counts as settled once it stayed idle this long (not counted in the time)
TIMEOUT_S = 60.0

# Busy while Dash has not rendered the page container, shows its initial "Loading..." or any
# component is loading (the same signal tests/app/helpers.py `settle` waits on).
BUSY_JS = """() => !document.querySelector('#_pages_content')
    || !!document.querySelector('._dash-loading, [data-dash-is-loading="true"]')"""
# What a dcc.Link does: change the URL without reloading, and tell dcc.Location about it.
PUSH_JS = """(url) => { window.history.pushState({}, '', url);
    window.dispatchEvent(new CustomEvent('_dashprivate_pushstate')); }"""


@contextmanager
def serve_app() -> Iterator[tuple[str, Callable[[], None]]]:
    """The app on a free port, served by waitress as `tablero serve` does; yields its URL and a
    function that empties its query cache (as a new dbt build does: the cache is keyed by it)."""
    from waitress.server import create_server

    from dash_app.app import create_app
    from dash_app.cache import cache

    flask_app = create_app().server
    server = create_server(flask_app, host="127.0.0.1", port=0, threads=8)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()

    def clear_cache() -> None:
        with flask_app.app_context():
            cache.clear()

    try:
        yield f"http://127.0.0.1:{server.effective_port}", clear_cache
    finally:
        server.close()
        thread.join(timeout=10)


class Network:
    """Requests in flight and the moment of the last network activity, per Playwright page."""

    def __init__(self, page) -> None:
        self.inflight: set = set()
        self.last_activity = perf_counter()
        self.responses: list = []
        page.on("request", self._started)
        page.on("requestfinished", self._ended)
        page.on("requestfailed", self._ended)
        page.on("response", self._responded)

    def _started(self, request) -> None:
        self.inflight.add(request)
        self.last_activity = perf_counter()

    def _ended(self, request) -> None:
        self.inflight.discard(request)
        self.last_activity = perf_counter()

    def _responded(self, response) -> None:
        self.responses.append(response)

    def take(self) -> list:
        taken, self.responses = self.responses, []
        return taken


def wait_settled(page, net: Network, start: float) -> float:
    """Seconds from `start` until no request was in flight and no Dash component was loading,
    confirmed by QUIET_S of calm (the confirmation itself is not counted)."""
    from playwright.sync_api import Error

    last_busy = start
    while True:
        try:
            busy = bool(net.inflight) or page.evaluate(BUSY_JS)
        except Error:  # the document is being replaced
            busy = True
        now = perf_counter()
        if busy:
            last_busy = now
        settled_at = max(last_busy, net.last_activity)
        if not busy and now - settled_at >= QUIET_S:
            return settled_at - start
        if now - start > TIMEOUT_S:
            raise TimeoutError(f"{page.url} no se estabilizó en {TIMEOUT_S:.0f} s")
        page.wait_for_timeout(20)


def visit(page, net: Network, url: str) -> float:
    """Full navigation (typing the address): seconds until Dash settles."""
    net.take()
    start = perf_counter()
    page.goto(url, wait_until="commit")
    return wait_settled(page, net, start)


def navigate_in_app(page, net: Network, path: str) -> float:
    """URL change without reload, as a link or a filter control does: seconds until settled."""
    net.take()
    start = perf_counter()
    page.evaluate(PUSH_JS, path)
    return wait_settled(page, net, start)


def transfer(responses: list) -> dict:
    """Bytes over the wire (body as sent, compressed or not, plus headers) and decoded."""
    items = []
    for response in responses:
        try:
            sizes = response.request.sizes()
        except Exception:  # a cancelled request has no sizes
            continue
        try:
            decoded = len(response.body())
        except Exception:  # redirects and 304s have no body
            decoded = 0
        items.append(
            {
                "path": urlsplit(response.url).path,
                "status": response.status,
                "encoding": response.headers.get("content-encoding", ""),
                "transfer": sizes["responseBodySize"] + sizes["responseHeadersSize"],
                "body": sizes["responseBodySize"],
                "decoded": decoded,
            }
        )
    items.sort(key=lambda i: i["transfer"], reverse=True)
    return {
        "requests": len(items),
        "transfer_bytes": sum(i["transfer"] for i in items),
        "body_bytes": sum(i["body"] for i in items),
        "decoded_bytes": sum(i["decoded"] for i in items),
        "errors": [f"{i['status']} {i['path']}" for i in items if i["status"] >= 400],
        "largest": items[:8],
    }


NAV_TIMING_JS = """() => { const n = performance.getEntriesByType('navigation')[0];
    return n ? {dom_content_loaded_ms: Math.round(n.domContentLoadedEventEnd),
                load_ms: Math.round(n.loadEventEnd)} : null; }"""


def page_facts(page, responses: list) -> dict:
    """Where the time went: callbacks, document timing, and the URL the page ended on."""
    return {
        "final_url": page.url,
        "document": page.evaluate(NAV_TIMING_JS),
        "callbacks": callbacks(responses),
    }


def callbacks(responses: list) -> dict:
    """Dash callback requests of one measurement: how many, and the slowest by output."""
    calls = []
    for response in responses:
        if urlsplit(response.url).path != "/_dash-update-component":
            continue
        try:
            output = str((response.request.post_data_json or {}).get("output", "?"))
        except ValueError:
            output = "?"
        ms = response.request.timing.get("responseEnd", -1)
        calls.append({"output": output[:160], "ms": round(ms), "status": response.status})
    calls.sort(key=lambda c: c["ms"], reverse=True)
    return {"count": len(calls), "slowest": calls[:5]}


LOGIN: dict = {}  # the storage state (session cookie) of the benchmark's logged-in user


def log_in(browser, base: str) -> None:
    """A user for the benchmark (analista, random password) and one login shared by every page
    measured, as a director who keeps a tab open would be."""
    import secrets

    from warehouse import users

    email, password = "benchmark@tablero.local", secrets.token_urlsafe(18)
    if any(user.email == email for user in users.list_users(None)):
        users.set_password(None, email, password)
    else:
        users.add_user(None, email, "analista", password)
    context = browser.new_context(locale="es-CO")
    page = context.new_page()
    page.goto(base + "/login")
    page.fill("#email", email)
    page.fill("#password", password)
    page.click("button[type=submit]")
    page.wait_for_url(base + "/")
    LOGIN["state"] = context.storage_state()
    context.close()


def _new_page(browser):
    context = browser.new_context(
        viewport={"width": 1366, "height": 768}, locale="es-CO", storage_state=LOGIN.get("state")
    )
    page = context.new_page()
    return context, page, Network(page)


def bench_dashboard(results: Results, repeat: int, progress: Callable[[str], None]) -> None:
    """3. Every page cold and warm, the filter change on Resumen; 4. bytes of the first load."""
    from playwright.sync_api import sync_playwright

    if not CHROMIUM.exists():
        raise RuntimeError(f"Falta {CHROMIUM}: `make bench` lo instala (objetivo browser).")
    details: dict = {"pages": {}}
    results.details["dashboard"] = details
    with serve_app() as (base, clear_cache), sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        log_in(browser, base)
        try:
            # Cold: empty query cache (as right after a build) and a browser with empty cache.
            for path, name in PAGES:
                progress(f"página {path} (frío)")
                clear_cache()
                context, page, net = _new_page(browser)
                seconds = visit(page, net, base + path)
                responses = net.take()
                wire = transfer(responses)
                details["pages"][path] = {
                    "cold_s": seconds,
                    "cold": page_facts(page, responses),
                    "cold_transfer": wire,
                }
                context.close()
                results.add(
                    Figure(
                        f"page.cold.{path}",
                        f"Página {name} {path} (frío)",
                        "s",
                        [seconds],
                        target=COLD_TARGET_S,
                    )
                )
                if path == "/":
                    results.add(
                        Figure(
                            "first_load.transfer",
                            f"Primera carga de /: transferido ({wire['requests']} solicitudes)",
                            "MB",
                            [wire["transfer_bytes"] / 1e6],
                            target=FIRST_LOAD_TARGET_MB,
                            note=f"decoded {wire['decoded_bytes'] / 1e6:.2f} MB",
                        )
                    )
                    results.add(
                        Figure(
                            "first_load.decoded",
                            "Primera carga de /: sin comprimir",
                            "MB",
                            [wire["decoded_bytes"] / 1e6],
                        )
                    )

            # Warm: query cache filled, browser cache filled; median of `repeat` visits.
            context, page, net = _new_page(browser)
            for path, name in PAGES:
                progress(f"página {path} (tibio)")
                visit(page, net, base + path)
                samples = [visit(page, net, base + path) for _ in range(repeat)]
                details["pages"][path]["warm_s"] = samples
                details["pages"][path]["warm"] = page_facts(page, net.take())
                results.add(
                    Figure(
                        f"page.warm.{path}",
                        f"Página {name} {path} (tibio)",
                        "s",
                        samples,
                        target=WARM_TARGET_S,
                    )
                )
            visit(page, net, base + "/")
            details["repeat_visit_transfer"] = transfer(net.take())

            # Warm, through the menu: a dcc.Link changes the URL without reloading the document.
            for path, name in PAGES:
                progress(f"página {path} (menú)")
                samples = []
                for _ in range(repeat):
                    navigate_in_app(page, net, "/catalogo" if path == "/" else "/")
                    samples.append(navigate_in_app(page, net, path))
                details["pages"][path]["menu_s"] = samples
                details["pages"][path]["menu"] = page_facts(page, net.take())
                results.add(
                    Figure(
                        f"page.menu.{path}",
                        f"Página {name} {path} desde el menú (tibio)",
                        "s",
                        samples,
                        target=WARM_TARGET_S,
                    )
                )

            # Filter change on Resumen: by address (full navigation) and inside the app.
            progress("cambio de filtro en Resumen")
            visit(page, net, base + "/")
            cold = visit(page, net, base + "/?localidad=08")
            details["filter_url_cold"] = page_facts(page, net.take())
            warm = []
            for _ in range(repeat):
                visit(page, net, base + "/")
                warm.append(visit(page, net, base + "/?localidad=08"))
            results.add(
                Figure(
                    "filter.url.cold",
                    "Resumen: / → /?localidad=08 por dirección (frío)",
                    "s",
                    [cold],
                    target=COLD_TARGET_S,
                )
            )
            results.add(
                Figure(
                    "filter.url.warm",
                    "Resumen: / → /?localidad=08 por dirección (tibio)",
                    "s",
                    warm,
                    target=WARM_TARGET_S,
                )
            )
            visit(page, net, base + "/")
            cold = navigate_in_app(page, net, "/?localidad=11")
            details["filter_in_app_cold"] = page_facts(page, net.take())
            if "localidad=11" not in page.url:
                raise RuntimeError(f"el cambio de filtro no llegó a la URL: {page.url}")
            warm = [
                navigate_in_app(page, net, f"/?localidad={code}")
                for code in (["08", "11"] * repeat)[:repeat]
            ]
            results.add(
                Figure(
                    "filter.in_app.cold",
                    "Resumen: filtro localidad=11 sin recargar (frío)",
                    "s",
                    [cold],
                    target=COLD_TARGET_S,
                )
            )
            results.add(
                Figure(
                    "filter.in_app.warm",
                    "Resumen: filtro 08 ⇄ 11 sin recargar (tibio)",
                    "s",
                    warm,
                    target=WARM_TARGET_S,
                )
            )
            details["filter_in_app_warm_median_s"] = statistics.median(warm)
            context.close()
        finally:
            browser.close()
