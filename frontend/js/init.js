// Bangkok: start GOV.UK Frontend and MoJ Frontend components.
//
// Loaded from templates/base.html as <script type="module">, so it runs only
// in browsers that support ES modules, which is what GOV.UK Frontend needs.
// The Content-Security-Policy forbids inline scripts, so the usual inline
// snippet that marks <body> as supported lives here instead.
import { initAll as initGovuk } from "./govuk-frontend.min.js";
import { initAll as initMoj } from "./moj-frontend.min.js";

document.body.classList.add("js-enabled", "govuk-frontend-supported");

initGovuk();
initMoj();

// Components in content that htmx swaps in later. htmx:load also fires once
// for <body> at start-up, which was initialised above.
document.addEventListener("htmx:load", (event) => {
  const scope = event.detail && event.detail.elt;
  if (!(scope instanceof Element) || scope === document.body) {
    return;
  }
  initGovuk({ scope });
  initMoj({ scope });
});

// A table wider than a narrow screen scrolls inside its own box (bangkok.scss);
// one the keyboard can focus can be scrolled without a mouse.
const markScrollingTables = () => {
  for (const table of document.querySelectorAll(".govuk-table")) {
    if (table.scrollWidth > table.clientWidth) {
      table.setAttribute("tabindex", "0");
    } else if (table.getAttribute("tabindex") === "0") {
      table.removeAttribute("tabindex");
    }
  }
};
markScrollingTables();
window.addEventListener("resize", markScrollingTables);
document.addEventListener("htmx:afterSettle", markScrollingTables);

// A button that prints the page (the information sheet's "Print"): no inline onclick
// under the Content-Security-Policy.
document.querySelectorAll("[data-bk-print]").forEach((button) => {
  button.addEventListener("click", () => window.print());
});

// Her page's sections are read when they are opened (a link to the section's own page, which
// htmx turns into its body swapped in place). The link that had the focus is gone with the
// swap: the focus moves to the body it opened, so the keyboard and a screen reader go on
// from there, not from the top of the page.
document.addEventListener("htmx:afterSettle", (event) => {
  const target = event.detail && event.detail.target;
  if (target instanceof HTMLElement && target.id.startsWith("section-body-")) {
    target.setAttribute("tabindex", "-1");
    target.focus();
  }
});

// A link to one of her page's sections (her page's address with #section-children, as the
// breadcrumbs give) opens that one.
document.addEventListener("DOMContentLoaded", () => {
  const wanted = window.location.hash.match(/^#section-([\w-]+)$/);
  const opener = wanted && document.querySelector(`a[data-section="${wanted[1]}"]`);
  if (opener && window.htmx) {
    window.htmx.ajax("GET", opener.getAttribute("hx-get"), {
      target: opener.getAttribute("hx-target"),
      swap: "innerHTML",
    });
  }
});
