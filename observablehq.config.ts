// Observable Framework configuration. Everything the built site loads comes from the
// site itself: no fonts from Google, no CDN imports (libraries are bare imports bundled
// from node_modules), no footer link out, and telemetry is disabled by `relay build`.
import { NAV } from "./src/components/nav.js";

export default {
  root: "src",
  // `relay build` renders into a temporary folder and swaps it in when everything succeeded.
  output: process.env.RELAY_OUTPUT ?? "dist",
  title: "Relay",
  pages: NAV,
  pager: false,
  search: false,
  // Framework's default stylesheet links Google Fonts; this one is local.
  globalStylesheets: ["observablehq:stdlib/inputs.css"],
  style: "style.css",
  head: '<link rel="icon" href="data:,">',
  header: "",
  footer: "Relay — built from the CRM export with DuckDB. Every number is defined in the glossary.",
};
