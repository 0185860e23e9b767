// Observable Framework configuration. Everything the built site loads comes from the
// site itself: no fonts from Google, no CDN imports (libraries are bare imports bundled
// from node_modules), no footer link out, and telemetry is disabled by `relay build`.
import { NAV } from "./src/components/nav.js";
import { setLanguage, t } from "./src/components/i18n.js";
import { siteSettings } from "./lib/config.ts";
import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";

const site = siteSettings();
setLanguage(site.lang);

export default {
  root: "src",
  // `relay build` renders into a temporary folder and swaps it in when everything succeeded.
  output: site.output,
  title: "Relay",
  pages: NAV.map((p) => ({ name: t(`nav.${p.key}`), path: p.path })),
  pager: false,
  // One page per IS rep (src/reps/[rep].md). `relay build` passes the folder of this
  // build's marts; without it (a bare preview) rep pages are served on demand.
  dynamicPaths: () => repPaths(site.martsDir),
  search: false,
  // Framework's default stylesheet links Google Fonts; this one is local.
  globalStylesheets: ["observablehq:stdlib/inputs.css"],
  style: "style.css",
  head: '<link rel="icon" href="data:,">',
  header: "",
  footer: t("site.footer"),
};

// Every IS rep (mart is_reps) has a data file of their own in <marts>/reps/, written by
// lib/rep-files.ts; those files are the pages.
function repPaths(martsDir: string | undefined): string[] {
  const dir = martsDir ? join(martsDir, "reps") : "";
  if (!dir || !existsSync(dir)) return [];
  return readdirSync(dir).filter((n) => n.endsWith(".json")).map((n) => `/reps/${n.slice(0, -".json".length)}`).sort();
}
