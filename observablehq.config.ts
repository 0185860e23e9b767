// Observable Framework configuration. Everything the built site loads comes from the
// site itself: no fonts from Google, no CDN imports (libraries are bare imports bundled
// from node_modules), no footer link out, and telemetry is disabled by `relay build`.
import { NAV } from "./src/components/nav.js";
import { setLanguage, t } from "./src/components/i18n.js";
import { footerText, ICON_LINK } from "./src/components/site.js";
import { siteSettings } from "./lib/config.ts";
import { repIds, templateRep } from "./lib/rep-pages.ts";
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
  // One page per IS rep (src/reps/[rep].md).
  dynamicPaths: repPaths,
  search: false,
  // Framework's default stylesheet links Google Fonts; this one is local.
  globalStylesheets: ["observablehq:stdlib/inputs.css"],
  style: "style.css",
  // Framework parses each of these with jsdom once per page (several windows a page, most
  // of the time of a build with a hundred rep pages); `relay build` writes them into the
  // finished HTML instead (lib/build.ts, finishHtml), the preview gets them from here.
  head: site.finishedByRelay ? null : ICON_LINK,
  header: null,
  footer: site.finishedByRelay ? null : footerText(),
};

// Every IS rep (mart is_reps) has a data file of their own in src/data/reps/ (the marts
// of the last build or preview, lib/site-data.ts), written by lib/rep-files.ts; those
// files are the pages. A relay build has Framework render the first rep's page only and
// writes the others from it (lib/rep-pages.ts); the preview renders each page asked for.
function repPaths(): string[] {
  const dir = join("src", "data", "reps");
  const template = templateRep(dir);
  const ids = site.finishedByRelay && site.repPages === "template" ? (template ? [template] : []) : repIds(dir);
  return ids.map((id) => `/reps/${id}`);
}
