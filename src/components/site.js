// What every page carries besides its content, shared by observablehq.config.ts (the
// preview) and lib/build.ts (which writes it into the built HTML itself).
import {t} from "./i18n.js";
import {NAV} from "./nav.js";

/** No favicon to fetch: a static host would answer /favicon.ico with a 404. */
export const ICON_LINK = '<link rel="icon" href="data:,">';

/** The footer line, in the build's language. */
export function footerText() {
  return t("site.footer");
}

/** A page's <title>, in the build's language: the view's name, or a rep's name. */
export function pageTitle(path, repName) {
  const view = NAV.find((p) => p.path === `/${path}`);
  const name = view ? t(`nav.${view.key}`) : path.startsWith("reps/") ? repName : null;
  return name ? `${name} | Relay` : "Relay";
}

/**
 * Framework's sidebar button says "Toggle sidebar" in any language; a small script puts
 * it in the page's (the keyboard shortcut as Framework shows it).
 */
export function sidebarScript() {
  const label = JSON.stringify(t("site.toggle_sidebar"));
  return `<script type="module">const k=/Mac|iPhone/.test(navigator.platform)?(/Firefox/.test(navigator.userAgent)?"\u2325":"\u2318"):"Alt-";for(const e of document.querySelectorAll("#observablehq-sidebar-toggle, label[for='observablehq-sidebar-toggle']"))e.title=${label}+" "+k+"B";</script>`;
}
