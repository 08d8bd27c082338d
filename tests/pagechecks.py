"""Checks every browser test makes of every page it opens, without a line in the test.

- **axe-core** (`tests/assets/axe.min.js`, built from `frontend/` with the rest of the
  front-end) runs in each page as it finishes loading, in the state the test reached it:
  after a redirect, a refused form shown again with its errors, a step of the admission.
  A page left before axe finished is opened again at the end, to be checked all the same.
  Every rule axe runs by default (WCAG 2 A and AA, and its best practices: landmarks,
  heading order, labels, contrast) must pass, and no id is used twice in a page.
- **A phone's width**: each page as the test saw it is shown again at 390 x 844 and must
  not scroll sideways (tables stack or scroll inside their own box).

The root `conftest.py` attaches them to the `page` fixture, so every browser test gets them.

A page is told by its **state** (`STATE`): everything of its document that axe's rules read.
Each element with all its attributes (classes and styles, so colours and contrast; ARIA,
labels, ids, lang), where it stands in the tree, the state of its form control, whether it
has the focus or the pointer; the text of inline styles; of other text only whether it is
there and whether it holds a letter or figure (an empty link, button, heading or cell), but
all of it where axe compares names: the text an `aria-labelledby` points at (landmarks of
the same name), the text of an element with an `aria-label` (the label must be in it).
A uuid is replaced by the order in which it first appears, so two women's pages are the
same state while an id and what points at it still match or not; the token against forgery
and htmx's headers, which change with every answer, are left out. What this leaves out is
the length and wording of other text, which axe reads only through the layout (whether a
region scrolls, whether text lies over another element).
`tests/test_pagechecks.py` proves that two pages axe judges differently are two states.

axe runs once a run in each state (`CHECKED`, given as `known`): the same page of another
woman, or the same form in another test or in another of the run's processes, is not checked
again. It is put into a page only when it is to run there, not into every page that opens,
as a script the live server serves from the page's own origin (`serving_axe`), which the
browser keeps compiled. A phone shows each page again once a run for each address (without
its uuids) and state, written into an empty page of the same origin with the page's own
address as its base, its styles, scripts and fonts from the browser's cache. The run's
processes (pytest-xdist's workers) tell each other what they checked through a folder the run
makes for it (`share_checks`): a file for each state axe checked and each page a phone showed,
named by its key.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import tempfile
from dataclasses import dataclass, field
from html import escape as html_escape
from pathlib import Path
from urllib.parse import urldefrag, urlsplit

from playwright.sync_api import Error as PlaywrightError

ASSETS = Path(__file__).parent / "assets"
AXE_SOURCE = (ASSETS / "axe.min.js").read_text(encoding="utf-8")
# Where the live server serves axe while the browser tests run (`serving_axe`): a page loads
# it as a script of its own origin, which its policy allows, and the browser keeps it compiled
# in its cache, instead of 650 kB sent down the driver into every page checked (that cost the
# browser 50-64 ms of the processor a page, and the driver 10-15; the script, 16-24 and 3).
AXE_PREFIX = "bangkok-tests"
LOAD_AXE = """
(url) => new Promise((loaded) => {
  if (window.axe) return loaded(true);
  const script = document.createElement("script");
  script.src = url;
  script.onload = () => loaded(Boolean(window.axe));
  script.onerror = () => loaded(false);
  (document.head || document.documentElement).appendChild(script);
})
"""


def serving_axe(handler):
    """The live server's handler of static files, `handler`'s class, serving axe as well under
    `AXE_PREFIX` (for the browser tests' pages alone: never collected, never the app's)."""

    class ServingAxe(handler):
        def serve(self, request):
            from django.views.static import serve

            if request.path == _axe_url():
                return serve(request, "axe.min.js", document_root=str(ASSETS))
            return super().serve(request)

    return ServingAxe


def _axe_url() -> str:
    from django.conf import settings

    return f"/{settings.STATIC_URL.strip('/')}/{AXE_PREFIX}/axe.min.js"


PHONE = {"width": 390, "height": 844}

# The page's state (see above), as a 53-bit hash of its description.
STATE = r"""
() => {
  const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g;
  const order = new Map();
  const canon = (s) => s.replace(UUID, (u) => {
    if (!order.has(u)) order.set(u, order.size);
    return "~" + order.get(u);
  });
  // Only whether there is text, and whether it holds more than punctuation and symbols.
  const kind = (text) => (/[^\s\p{P}\p{S}]/u.test(text) ? "t" : /\S/.test(text) ? "s" : "");
  const hovered = new Set(document.querySelectorAll(":hover"));
  const named = new Set();
  for (const el of document.querySelectorAll("[aria-labelledby]")) {
    for (const id of el.getAttribute("aria-labelledby").split(/\s+/)) {
      const target = id && document.getElementById(id);
      if (target) named.add(target);
    }
  }
  const out = [canon(location.hash)];
  const walk = (node) => {
    for (let child = node.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === Node.TEXT_NODE) {
        const k = kind(child.data);
        if (k) out.push(k);
        continue;
      }
      if (child.nodeType !== Node.ELEMENT_NODE) continue;
      const el = child;
      const tag = el.localName;
      let part = "<" + tag;
      for (const a of el.attributes) {
        const volatile = a.name === "hx-headers" || a.name === "nonce"
          || (a.name === "value" && tag === "input" && el.type === "hidden");
        part += " " + a.name + (volatile ? "" : "=" + canon(a.value));
      }
      if (el === document.activeElement) part += " :focus";
      if (hovered.has(el)) part += " :hover";
      if (tag === "input" || tag === "textarea") {
        part += " :value=" + kind(el.value) + (el.checked ? " :checked" : "");
      }
      if (tag === "select") part += " :selected=" + el.selectedIndex;
      if (tag === "style" || named.has(el) || el.hasAttribute("aria-label")) {
        part += " :text=" + canon(el.textContent.replace(/\s+/g, " ").trim());
      }
      out.push(part);
      walk(el);
      out.push(">");
    }
  };
  walk(document);
  const text = out.join("\n");
  let h1 = 0xdeadbeef, h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return String(4294967296 * (2097151 & h2) + (h1 >>> 0));
}
"""

# Runs in every document before its own scripts (so the page's Content-Security-Policy,
# which refuses inline scripts, needs no exception). Only the top document is checked; axe
# looks into frames itself, and is put into the page by `__bkPageSeen` when it is to run.
RUNNER = (
    """
(() => {
  if (window.top !== window) return;
  const state = """
    + STATE.strip()
    + """;
  const run = async () => {
    if (!window.__bkPageSeen) return;
    const key = state();
    const html = document.documentElement.outerHTML;
    const wanted = await window.__bkPageSeen(location.href, key);
    if (wanted.html) window.__bkPageShown(location.href, key, html);
    if (!wanted.axe) return;
    const results = await axe.run(document, {resultTypes: ["violations"]});
    // A link the test clicked while axe ran has the focus, and GOV.UK's focus state tells it
    // apart from the text by a yellow background and a black bar drawn as a shadow, which
    // axe's link-in-text-block doesn't read: that link alone is left out of that rule.
    const focused = document.activeElement;
    const clicked = (v, n) =>
      v.id === "link-in-text-block" && focused && focused.matches("a") &&
      n.target.length === 1 && document.querySelector(n.target[0]) === focused;
    const violations = results.violations
      .map((v) => ({...v, nodes: v.nodes.filter((n) => !clicked(v, n))}))
      .filter((v) => v.nodes.length)
      .map((v) => ({
        id: v.id,
        impact: v.impact,
        help: v.help,
        targets: v.nodes.slice(0, 5).map((n) => n.target.join(" ")),
        count: v.nodes.length,
      }));
    // axe no longer looks for ids used twice (only for those ARIA points at): one id, one
    // element, so that a label, a link to #id or an error summary finds the right field.
    const counts = {};
    for (const el of document.querySelectorAll("[id]")) counts[el.id] = (counts[el.id] || 0) + 1;
    const twice = Object.keys(counts).filter((id) => counts[id] > 1);
    if (twice.length) {
      violations.push({
        id: "duplicate-id",
        impact: "serious",
        help: "An id is used once in a page",
        targets: twice.slice(0, 5).map((id) => "#" + id),
        count: twice.length,
      });
    }
    window.__bkPageChecked(location.href, JSON.stringify(violations));
  };
  if (document.readyState === "complete") run();
  else window.addEventListener("load", run, {once: true});
})();
"""
)

# The empty page of the live server's origin the phone stands on: each page it is shown is
# written into it (`_based`), so that it loads the styles, scripts and fonts from the origin
# and keeps them in the browser's cache, and never asks the live server for the page again.
PHONE_HOME = "/__phone__"
BLANK = "<!DOCTYPE html><title>Phone</title>"
HEAD = re.compile(r"<head(?:\s[^>]*)?>", re.IGNORECASE)


def _based(html: str, url: str) -> str:
    """The page's HTML with its address as its base, for the addresses in it to resolve as they
    did where the test saw it."""
    base = f'<base href="{html_escape(url)}">'
    found = HEAD.search(html)
    return html[: found.end()] + base + html[found.end() :] if found else base + html


# The widest elements, to say what makes a page scroll sideways.
OVERFLOW = """
() => {
  const root = document.scrollingElement;
  const width = root.clientWidth;
  if (root.scrollWidth <= width) return null;
  const culprits = [];
  for (const el of document.body.querySelectorAll("*")) {
    const box = el.getBoundingClientRect();
    if (box.right > width + 1 && box.width > 0) {
      const parent = el.parentElement && el.parentElement.getBoundingClientRect();
      if (!parent || parent.right <= width + 1 || el.parentElement === document.body) {
        const name = el.tagName.toLowerCase() + (el.id ? "#" + el.id : "")
          + (el.className && typeof el.className === "string"
             ? "." + el.className.trim().split(/\\s+/).join(".") : "");
        culprits.push(name + " (right edge " + Math.round(box.right) + "px)");
      }
    }
  }
  return {scrollWidth: root.scrollWidth, clientWidth: width, culprits: culprits.slice(0, 8)};
}
"""


def _page_url(url: str) -> str:
    return urldefrag(url)[0]


UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")


def _address(url: str) -> str:
    """The page's address without its origin and with its records' uuids left out."""
    parts = urlsplit(_page_url(url))
    return UUID.sub("<uuid>", f"{parts.path}?{parts.query}")


@dataclass
class Checked:
    """What axe has checked (page states) and what a phone has shown (addresses and states):
    in this process (`states`, `shown`) and, with a `folder`, in the other processes that
    share it (a file for each)."""

    states: set[str] = field(default_factory=set)
    shown: set[tuple[str, str]] = field(default_factory=set)
    folder: Path | None = None

    def _file(self, kind: str, *key: str) -> Path | None:
        if self.folder is None:
            return None
        return self.folder / f"{kind}-{hashlib.sha256(chr(10).join(key).encode()).hexdigest()}"

    def _told(self, kind: str, *key: str) -> bool:
        file = self._file(kind, *key)
        return file is not None and file.exists()

    def _tell(self, kind: str, *key: str) -> None:
        file = self._file(kind, *key)
        if file is not None:
            file.touch()  # empty: made whole or not at all

    def axe_checked(self, state: str) -> bool:
        if state not in self.states and self._told("axe", state):
            self.states.add(state)
        return state in self.states

    def add_axe_checked(self, state: str) -> None:
        self.states.add(state)
        self._tell("axe", state)

    def phone_shown(self, address: str, state: str) -> bool:
        if (address, state) not in self.shown and self._told("phone", address, state):
            self.shown.add((address, state))
        return (address, state) in self.shown

    def add_phone_shown(self, address: str, state: str, *, checked: bool) -> None:
        """Shown to this process's phone; `checked` once the phone has judged it (only then is
        it left to this process by the others)."""
        self.shown.add((address, state))
        if checked:
            self._tell("phone", address, state)


SHARED = "BANGKOK_PAGECHECKS_FOLDER"


def share_checks(config) -> None:
    """In the process that starts a run: make the folder through which its processes (itself,
    or pytest-xdist's workers, which inherit its environment) tell each other what they have
    checked, and remove it when the run ends. A folder an earlier run left is never read."""
    if hasattr(config, "workerinput"):
        return
    folder = tempfile.mkdtemp(prefix="bangkok-pagechecks-")
    os.environ[SHARED] = folder
    CHECKED.folder = Path(folder)
    config.add_cleanup(lambda: shutil.rmtree(folder, ignore_errors=True))


# What axe and the phone's width have checked in this run, in any test of any of its processes.
CHECKED = Checked(folder=Path(os.environ[SHARED]) if os.environ.get(SHARED) else None)

NOTHING = {"axe": False, "html": False}


@dataclass
class PageChecks:
    """What a test's browser opened, and what axe made of it."""

    origin: str
    seen: list[str] = field(default_factory=list)  # main-frame URLs, in order
    checked: dict[str, list[dict]] = field(default_factory=dict)  # URL -> violations
    snapshots: dict[tuple[str, str], str] = field(default_factory=dict)  # (URL, state) -> HTML
    _pages: list = field(default_factory=list)
    known: Checked = field(default_factory=Checked)  # checked before (`CHECKED`), to skip
    _checking: dict[str, str] = field(default_factory=dict)  # URL -> the state axe runs in

    def ours(self, url: str) -> bool:
        parts = urlsplit(url)
        return f"{parts.scheme}://{parts.netloc}" == self.origin

    def watch(self, context) -> None:
        """Check every page this browser context opens."""
        context.add_init_script(script=RUNNER)
        context.expose_binding("__bkPageSeen", self._seen)
        context.expose_function("__bkPageShown", self._shown)
        context.expose_function("__bkPageChecked", self._report)
        context.on("page", self._follow)
        for page in context.pages:
            self._follow(page)

    def _follow(self, page) -> None:
        self._pages.append(page)

        def navigated(frame):
            if frame == page.main_frame and self.ours(frame.url):
                self.seen.append(_page_url(frame.url))

        page.on("framenavigated", navigated)

    def _seen(self, source, url: str, state: str) -> dict[str, bool]:
        """Whether the phone is still to be shown the page in this state (`__bkPageShown`
        keeps it), and axe still to check it; if so, axe is put into the page."""
        if not self.ours(url):
            return NOTHING
        url = _page_url(url)
        wanted = {
            "html": not self.known.phone_shown(_address(url), state),
            "axe": not self.known.axe_checked(state),
        }
        if not wanted["axe"]:
            self.checked.setdefault(url, [])
            return wanted
        frame = source["frame"]
        try:
            if not frame.evaluate(LOAD_AXE, _axe_url()):  # another origin's, or not served
                frame.evaluate(AXE_SOURCE)
        except Exception:  # the page went on before axe was in: `settle` opens it again
            return {**wanted, "axe": False}
        self._checking[url] = state
        return wanted

    def _shown(self, url: str, state: str, html: str) -> None:
        self.snapshots[(_page_url(url), state)] = html
        self.known.add_phone_shown(_address(url), state, checked=False)

    def _report(self, url: str, violations: str) -> None:
        url = _page_url(url)
        found = self.checked.setdefault(url, [])
        found.extend(v for v in json.loads(violations) if v not in found)
        if url in self._checking:
            self.known.add_axe_checked(self._checking.pop(url))

    def settle(self) -> None:
        """Let axe finish on the pages still open; open again any page left too soon."""
        for page in self._pages:
            if page.is_closed() or not self.ours(page.url):
                continue
            self._wait_for(page, _page_url(page.url))
        pages = [p for p in self._pages if not p.is_closed()]
        if not pages:
            return
        page = pages[0]
        for url in dict.fromkeys(self.seen):
            if url not in self.checked:
                try:
                    response = page.goto(url)
                except PlaywrightError as error:
                    # The answer to a form posted there, left before axe finished: a GET of
                    # an address that takes only POST has no page to open again.
                    if "ERR_HTTP_RESPONSE_CODE_FAILURE" not in str(error):
                        raise
                    continue
                content_type = response.headers.get("content-type", "") if response else ""
                if content_type.startswith("text/html"):
                    self._wait_for(page, _page_url(page.url))

    def _wait_for(self, page, url: str) -> None:
        for _ in range(200):  # ten seconds at most
            if url in self.checked:
                return
            page.wait_for_timeout(50)

    def axe_failures(self) -> list[str]:
        lines = []
        for url, violations in self.checked.items():
            for v in violations:
                where = ", ".join(v["targets"])
                lines.append(
                    f"{url}: {v['id']} ({v['impact']}) {v['help']} — {v['count']} "
                    f"element(s): {where}"
                )
        return lines

    def phone_failures(self, browser, artifacts: Path | None = None) -> list[str]:
        """Show each page as the test saw it again on a phone; none may scroll sideways.
        A page that does is kept in `artifacts` (its HTML and a screenshot)."""
        if not self.snapshots:
            return []
        phone = _phone(browser)
        home = self.origin + PHONE_HOME
        if phone.url != home:
            # Its origin's empty page, made by the browser's driver, then no route left: a
            # route turns the browser's cache off.
            blank = {"body": BLANK, "content_type": "text/html"}
            phone.context.route(home, lambda route: route.fulfill(**blank))
            try:
                phone.goto(home)
            finally:
                phone.context.unroute_all(behavior="wait")
        failures = []
        try:
            for (url, state), html in list(self.snapshots.items()):
                phone.set_content(_based(html, url), wait_until="load")
                overflow = phone.evaluate(OVERFLOW)
                self.known.add_phone_shown(_address(url), state, checked=True)
                if overflow:
                    if artifacts is not None:
                        name = artifacts / f"too-wide-{len(failures) + 1}"
                        name.with_suffix(".html").write_text(html, encoding="utf-8")
                        phone.screenshot(path=name.with_suffix(".png"), full_page=True)
                    failures.append(
                        f"{url} scrolls sideways at {PHONE['width']}px: "
                        f"{overflow['scrollWidth']}px wide in {overflow['clientWidth']}px; "
                        f"widest: {', '.join(overflow['culprits'])}"
                    )
        finally:
            # The next test's phone starts as a new one would: no cookies, nothing stored, no
            # script of the last page still running.
            phone.context.clear_cookies()
            if phone.url == home:
                phone.set_content(BLANK)
                phone.evaluate("() => { localStorage.clear(); sessionStorage.clear(); }")
        return failures


# The phone of each browser: one context a process, not one a test (one costs most of a second
# of the processor to make).
PHONES: dict = {}


def _phone(browser):
    phone = PHONES.get(browser)
    if phone is None or phone.is_closed():
        phone = PHONES[browser] = browser.new_context(viewport=PHONE).new_page()
    return phone
