// Observable Framework configuration. Everything the built site loads comes from the
// site itself: no fonts from Google, no CDN imports (libraries are bare imports bundled
// from node_modules), no footer link out, and telemetry is disabled by `relay build`.
import { NAV } from "./src/components/nav.js";
import { setLanguage, t } from "./src/components/i18n.js";

setLanguage(process.env.RELAY_LANG ?? "en");

export default {
  root: "src",
  // `relay build` renders into a temporary folder and swaps it in when everything succeeded.
  output: process.env.RELAY_OUTPUT ?? "dist",
  title: "Relay",
  pages: NAV.map((p) => ({ name: t(`nav.${p.key}`), path: p.path })),
  pager: false,
  search: false,
  // Framework's default stylesheet links Google Fonts; this one is local.
  globalStylesheets: ["observablehq:stdlib/inputs.css"],
  style: "style.css",
  head: '<link rel="icon" href="data:,">',
  header: "",
  footer: t("site.footer"),
};
