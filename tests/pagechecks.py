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
A page is checked once in each shape (its elements, ids, classes and types, without the text)
by each of the suite's processes: the same page of another woman, or of the same woman in
another test, in the same shape, is not checked again (`CHECKED`, given as `known`).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urldefrag, urlsplit

AXE_SOURCE = (Path(__file__).parent / "assets" / "axe.min.js").read_text(encoding="utf-8")

PHONE = {"width": 390, "height": 844}

# Runs in every document before its own scripts (so the page's Content-Security-Policy,
# which refuses inline scripts, needs no exception). Only the top document is checked; axe
# looks into frames itself.
RUNNER = """
(() => {
  if (window.top !== window) return;
  // The page's shape: its elements, their ids, classes and types, without the text. The same
  // page in the same shape (a form saved again, a list reloaded) is checked once.
  const shape = () => {
    let hash = 0;
    for (const el of document.querySelectorAll("*")) {
      const part = [el.tagName, el.id, el.className, el.getAttribute("type")].join(":");
      for (let i = 0; i < part.length; i++) hash = (hash * 31 + part.charCodeAt(i)) | 0;
    }
    return String(hash);
  };
  const run = async () => {
    if (!window.__bkPageSeen) return;
    const html = document.documentElement.outerHTML;
    const fresh = await window.__bkPageSeen(location.href, shape(), html);
    if (!fresh) return;
    const results = await axe.run(document, {resultTypes: ["violations"]});
    const violations = results.violations.map((v) => ({
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

# The static files the phone's pages load, as the live server first answered them: fetched once a
# process, not once a page (a route in Playwright turns the browser's own cache off).
STATIC: dict[str, tuple[int, dict[str, str], bytes]] = {}


def _static_path(url: str) -> str | None:
    from django.conf import settings

    parts = urlsplit(url)
    prefix = "/" + settings.STATIC_URL.lstrip("/")
    return f"{parts.path}?{parts.query}" if parts.path.startswith(prefix) else None


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

# (the page's address without its origin and with its records' uuids left out, its shape):
# what axe and the phone's width have checked in this process, in any test.
CHECKED: set[tuple[str, str]] = set()


def _kind(url: str, shape: str) -> tuple[str, str]:
    parts = urlsplit(_page_url(url))
    return UUID.sub("<uuid>", f"{parts.path}?{parts.query}"), shape


@dataclass
class PageChecks:
    """What a test's browser opened, and what axe made of it."""

    origin: str
    seen: list[str] = field(default_factory=list)  # main-frame URLs, in order
    checked: dict[str, list[dict]] = field(default_factory=dict)  # URL -> violations
    snapshots: dict[tuple[str, str], str] = field(default_factory=dict)  # (URL, shape) -> HTML
    _pages: list = field(default_factory=list)
    known: set[tuple[str, str]] | None = None  # pages checked before (`CHECKED`), to skip
    _checking: dict[str, tuple[str, str]] = field(default_factory=dict)  # URL -> its kind

    def ours(self, url: str) -> bool:
        parts = urlsplit(url)
        return f"{parts.scheme}://{parts.netloc}" == self.origin

    def watch(self, context) -> None:
        """Check every page this browser context opens."""
        context.add_init_script(script=AXE_SOURCE + "\n" + RUNNER)
        context.expose_function("__bkPageSeen", self._seen)
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

    def _seen(self, url: str, shape: str, html: str) -> bool:
        """Keep the page as it was seen; whether axe is still to check it in this shape."""
        key = (_page_url(url), shape)
        if not self.ours(url) or (key in self.snapshots and key[0] in self.checked):
            return False
        if self.known is not None and _kind(url, shape) in self.known:
            self.checked.setdefault(key[0], [])  # by an earlier test of this process
            return False
        self.snapshots[key] = html
        self._checking[key[0]] = _kind(url, shape)
        return True

    def _report(self, url: str, violations: str) -> None:
        url = _page_url(url)
        found = self.checked.setdefault(url, [])
        found.extend(v for v in json.loads(violations) if v not in found)
        if url in self._checking and self.known is not None:
            self.known.add(self._checking.pop(url))

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
                response = page.goto(url)
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
        pending: dict[str, str] = {}

        def serve(route):
            request = route.request
            if request.resource_type == "document" and _page_url(request.url) in pending:
                route.fulfill(
                    status=200,
                    content_type="text/html; charset=utf-8",
                    body=pending.pop(_page_url(request.url)),
                )
            elif (
                request.method == "GET"
                and (path := _static_path(request.url))
                and self.ours(request.url)
            ):
                if path not in STATIC:
                    answer = route.fetch()
                    STATIC[path] = (answer.status, answer.headers, answer.body())
                status, headers, body = STATIC[path]
                route.fulfill(status=status, headers=headers, body=body)
            else:
                route.continue_()

        context = browser.new_context(viewport=PHONE, java_script_enabled=True)
        context.route("**/*", serve)
        phone = context.new_page()
        failures = []
        try:
            for (url, _shape), html in list(self.snapshots.items()):
                pending[url] = html
                phone.goto(url, wait_until="load")
                overflow = phone.evaluate(OVERFLOW)
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
            # A font or style the last page asked for may still be on its way: let its handler
            # finish before the context goes, or its answer is gone when the handler reads it.
            context.unroute_all(behavior="wait")
            context.close()
        return failures
