"""A minimal headless Chromium driver over the DevTools protocol, with no dependency but Chromium.

Chromium started with `--remote-debugging-pipe` reads protocol messages from file descriptor 3
and writes replies to descriptor 4, each JSON message ended by a NUL byte (the transport that
Puppeteer and Playwright use too). One browser loads many pages, so checking every page of a
report takes seconds instead of one browser start per page.
"""

from __future__ import annotations

import fcntl
import json
import os
import shutil
import subprocess
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

KANDIDATEN = ("/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome")
VLAGGEN = (
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--disable-extensions", "--hide-scrollbars", "--mute-audio",
)

# Wait until every chart script has produced an SVG, or its error was logged.
_GRAFIEKEN_KLAAR = """
(() => {
  const specs = document.querySelectorAll('script[data-grafiek]').length;
  const svgs = document.querySelectorAll('.vega svg').length;
  return specs === svgs || window.__fouten > 0;
})()
"""


def vind_chromium() -> str | None:
    """Return the Chromium program: $CHROMIUM if set, else the first one installed, else None."""
    if "CHROMIUM" in os.environ:
        pad = os.environ["CHROMIUM"]
        return pad if Path(pad).is_file() else None
    gevonden = shutil.which("chromium")
    if gevonden:
        return gevonden
    return next((pad for pad in KANDIDATEN if Path(pad).exists()), None)


@dataclass
class Pagina:
    url: str
    tekst: str
    dom: str
    meldingen: list[dict] = field(default_factory=list)
    laadtijd_ms: float = 0.0
    tekentijd_ms: float = 0.0
    grafieken: int = 0

    @property
    def fouten(self) -> list[dict]:
        return [m for m in self.meldingen if m["niveau"] in ("error", "assert")]


class Chromium:
    """One headless browser; `laad(url)` returns page text, DOM, console messages and timings."""

    def __init__(self, pad: str | None = None, breedte: int = 1200, hoogte: int = 900) -> None:
        self.pad = pad or vind_chromium()
        if self.pad is None:
            raise FileNotFoundError("Chromium niet gevonden; zet CHROMIUM op het programma.")
        self._profiel = tempfile.mkdtemp(prefix="chromium-profiel-")
        lezen_chromium, schrijven_wij = os.pipe()
        lezen_wij, schrijven_chromium = os.pipe()
        # Copies above 9, so that moving them to 3 and 4 in the child cannot overwrite each other.
        hoog_lezen = fcntl.fcntl(lezen_chromium, fcntl.F_DUPFD, 10)
        hoog_schrijven = fcntl.fcntl(schrijven_chromium, fcntl.F_DUPFD, 10)
        # Chromium expects its pipe ends as descriptors 3 (in) and 4 (out).
        self._proces = subprocess.Popen(
            [self.pad, *VLAGGEN, "--remote-debugging-pipe", f"--user-data-dir={self._profiel}",
             f"--window-size={breedte},{hoogte}", "about:blank"],
            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
            pass_fds=(3, 4),
            preexec_fn=lambda: (os.dup2(hoog_lezen, 3), os.dup2(hoog_schrijven, 4)),
        )
        for fd in (lezen_chromium, schrijven_chromium, hoog_lezen, hoog_schrijven):
            os.close(fd)
        self._schrijf = os.fdopen(schrijven_wij, "wb", buffering=0)
        self._lees = os.fdopen(lezen_wij, "rb", buffering=0)
        self._buffer = b""
        self._volgnummer = 0
        self._gebeurtenissen: list[dict] = []
        doel = self._vraag("Target.createTarget", {"url": "about:blank"})["targetId"]
        self._sessie = self._vraag("Target.attachToTarget",
                                   {"targetId": doel, "flatten": True})["sessionId"]
        for domein in ("Page.enable", "Runtime.enable", "Log.enable"):
            self._vraag(domein, sessie=True)

    def _bericht(self) -> dict:
        while b"\0" not in self._buffer:
            blok = self._lees.read(65536)
            if not blok:
                raise ConnectionError("Chromium sloot de verbinding.")
            self._buffer += blok
        bericht, self._buffer = self._buffer.split(b"\0", 1)
        return json.loads(bericht)

    def _vraag(self, methode: str, params: dict | None = None, sessie: bool = False) -> dict:
        self._volgnummer += 1
        verzoek = {"id": self._volgnummer, "method": methode, "params": params or {}}
        if sessie:
            verzoek["sessionId"] = self._sessie
        self._schrijf.write(json.dumps(verzoek).encode() + b"\0")
        while True:
            bericht = self._bericht()
            if bericht.get("id") == self._volgnummer:
                if "error" in bericht:
                    raise RuntimeError(f"{methode}: {bericht['error']}")
                return bericht.get("result", {})
            self._gebeurtenissen.append(bericht)

    def _wacht_op(self, methode: str, tijdslimiet: float) -> None:
        einde = time.monotonic() + tijdslimiet
        while time.monotonic() < einde:
            if any(g.get("method") == methode for g in self._gebeurtenissen):
                return
            self._gebeurtenissen.append(self._bericht())
        raise TimeoutError(f"{methode} bleef uit na {tijdslimiet} s")

    def evalueer(self, expressie: str):
        antwoord = self._vraag("Runtime.evaluate",
                               {"expression": expressie, "returnByValue": True,
                                "awaitPromise": True}, sessie=True)
        return antwoord["result"].get("value")

    def laad(self, url: str, tijdslimiet: float = 30.0) -> Pagina:
        """Open `url`, wait for the load event and for every chart, and collect the console."""
        self._gebeurtenissen.clear()
        begin = time.monotonic()
        self._vraag("Page.navigate", {"url": url}, sessie=True)
        self._wacht_op("Page.loadEventFired", tijdslimiet)
        geladen = time.monotonic()
        self.evalueer(
            "window.__fouten = 0; window.addEventListener('error', () => window.__fouten++);"
        )
        einde = geladen + tijdslimiet
        while not self.evalueer(_GRAFIEKEN_KLAAR):
            if time.monotonic() > einde:
                raise TimeoutError(f"grafieken van {url} niet getekend na {tijdslimiet} s")
            if any(m["niveau"] == "error" for m in self._meldingen()):
                break
            time.sleep(0.01)
        getekend = time.monotonic()
        return Pagina(
            url=url,
            tekst=self.evalueer("document.body.innerText"),
            dom=self.evalueer("document.documentElement.outerHTML"),
            meldingen=self._meldingen(),
            laadtijd_ms=1000 * (geladen - begin),
            tekentijd_ms=1000 * (getekend - begin),
            grafieken=self.evalueer("document.querySelectorAll('.vega svg').length"),
        )

    def _meldingen(self) -> list[dict]:
        meldingen = []
        for g in self._gebeurtenissen:
            params = g.get("params", {})
            if g.get("method") == "Runtime.consoleAPICalled":
                tekst = " ".join(str(a.get("value", a.get("description", "")))
                                 for a in params.get("args", []))
                meldingen.append({"niveau": params.get("type"), "tekst": tekst})
            elif g.get("method") == "Runtime.exceptionThrown":
                details = params.get("exceptionDetails", {})
                tekst = details.get("exception", {}).get("description") or details.get("text")
                meldingen.append({"niveau": "error", "tekst": tekst})
            elif g.get("method") == "Log.entryAdded":
                entry = params.get("entry", {})
                meldingen.append({"niveau": entry.get("level"), "tekst": entry.get("text")})
        return meldingen

    def sluit(self) -> None:
        try:
            self._vraag("Browser.close")
        except (ConnectionError, OSError, RuntimeError):
            pass
        try:
            self._proces.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self._proces.kill()
        self._schrijf.close()
        self._lees.close()
        shutil.rmtree(self._profiel, ignore_errors=True)

    def __enter__(self) -> Chromium:
        return self

    def __exit__(self, *exc) -> None:
        self.sluit()
