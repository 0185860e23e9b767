// `relay build` and `relay dev`: one DuckDB pass for all marts, then Observable
// Framework renders the pages into a temporary folder that replaces dist/ only when
// everything succeeded.
//
// The pages read the marts as static files: src/data is a link to .relay/site-data,
// which holds this build's marts (lib/site-data.ts). Static files need no data loader:
// no process per file, no loader cache that could serve yesterday's numbers, and
// Framework finds them without searching for a loader (which it does per file and per
// page, and which cost seconds with a hundred rep pages).

import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, watch, writeFileSync } from "node:fs";
import { basename, join, relative, resolve } from "node:path";
import { type Config, configEnv, outputDir, PROJECT_ROOT, reuseEnabled, siteSettings } from "./config.ts";
import { filesBelow, keepNewest } from "./files.ts";
import { ensureMarts } from "./marts.ts";
import { pageSources, SRC_DIR } from "./page-files.ts";
import { type Progress, progressView, shownPath, type Stage } from "./progress.ts";
import { newBuildDir, publish, withBuildLock } from "./publish.ts";
import { repIds, writeRepPages } from "./rep-pages.ts";
import { publishSiteData } from "./site-data.ts";
import { setLanguage } from "../src/components/i18n.js";
import { footerText, ICON_LINK, pageTitle, sidebarScript } from "../src/components/site.js";

const SITES_ROOT = join(PROJECT_ROOT, ".relay", "sites");
const CACHE = join(SRC_DIR, ".observablehq", "cache");

// Framework looks up the latest version of these packages on the npm registry while
// bundling its own client, only to write lazy import paths nobody here uses. An empty
// cache folder per package answers the lookup offline and pins the client bundle, so
// builds need no network and stay reproducible. (Measured offline with Framework 1.13.4; see docs/developing.md.)
const NPM_STUBS = [
  "parquet-wasm@0.8.0", "htl@1.0.0", "d3-dsv@3.0.2", "react-dom@19.3.1", "lodash@4.18.1", "echarts@6.1.0",
  "arquero@8.0.3", "react@19.3.1", "@observablehq/sample-datasets@1.0.1", "@observablehq/plot@0.6.17",
  "topojson-client@3.1.0", "apache-arrow@21.2.0", "d3@7.9.2", "leaflet@1.9.4", "mapbox-gl@3.32.0",
];

function prepareFrameworkCache() {
  for (const stub of NPM_STUBS) mkdirSync(join(CACHE, "_npm", stub), { recursive: true });
}

/** How Framework's log is shown: as it comes (--verbose, the preview), or to a function per line. */
type FrameworkLog = "inherit" | ((line: string) => void);

function framework(command: "build" | "preview", env: Record<string, string>, log: FrameworkLog = "inherit"): Promise<number> {
  const bin = join(PROJECT_ROOT, "node_modules", ".bin");
  return new Promise((resolve, reject) => {
    const child = spawn(join(bin, "observable"), [command], {
      cwd: PROJECT_ROOT,
      stdio: log === "inherit" ? "inherit" : ["ignore", "pipe", "pipe"],
      env: {
        ...process.env,
        ...env,
        PATH: `${bin}:${process.env.PATH}`,
        OBSERVABLE_TELEMETRY_DISABLE: "true",
      },
    });
    if (log !== "inherit") {
      for (const stream of [child.stdout!, child.stderr!]) {
        let rest = "";
        stream.setEncoding("utf8").on("data", (chunk: string) => {
          const lines = (rest + chunk).split("\n");
          rest = lines.pop()!;
          for (const l of lines) log(plain(l));
        }).on("end", () => rest && log(plain(rest)));
      }
    }
    child.on("error", reject);
    child.on("close", (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

/** A log line without terminal colours (Framework colours its log where it sees CI=true). */
function plain(line: string): string {
  return line.replace(/\x1b\[[0-9;]*m/g, "");
}

export interface BuildTimings {
  /** The DuckDB pass and the mart files (0 when the marts of these inputs existed). */
  marts_seconds: number;
  /** Framework rendering the pages, and relay finishing their HTML. */
  render_seconds: number;
  /** Of which Framework's own process (0 when the site was reused). */
  framework_seconds: number;
  /** The rep pages relay wrote from the template page, and how long that took. */
  rep_pages: { written: number; seconds: number };
  total_seconds: number;
  reused_marts: boolean;
  /** The same marts, pages and code were built before: that site was copied. */
  reused_site: boolean;
  pages: number;
  /** The marts the site was built from. */
  marts_dir: string;
}

export interface BuildOptions {
  /** Where the stages are reported (default: stderr). */
  progress?: Progress;
  /** Show Framework's own log as it comes instead of a bar over the pages. */
  verbose?: boolean;
}

export async function buildSite(cfg: Config, out = outputDir(), opts: BuildOptions = {}): Promise<BuildTimings> {
  return withBuildLock(() => buildUnlocked(cfg, resolve(out), { progress: progressView(), ...opts }));
}

async function buildUnlocked(cfg: Config, out: string, { progress, verbose }: Required<Pick<BuildOptions, "progress">> & BuildOptions): Promise<BuildTimings> {
  const started = performance.now();
  const seconds = (from: number) => (performance.now() - from) / 1000;
  const { dir: martsDir, reused: reusedMarts } = await ensureMarts(cfg, { progress });
  const martsSeconds = seconds(started);
  const renderStarted = performance.now();
  const lang = siteSettings().lang;
  const cached = join(SITES_ROOT, siteFingerprint(martsDir, lang));
  const reusedSite = reuseEnabled() && existsSync(cached);
  const tmp = newBuildDir(out);
  let rendered: RenderTimings = { framework_seconds: 0, rep_pages: { written: 0, seconds: 0 } };
  try {
    if (reusedSite) {
      // nothing a page shows changed since that build: the same bytes, without Framework
      const copying = progress.start("pages");
      cpSync(cached, tmp, { recursive: true });
      copying.done("reused: nothing they show changed");
    } else {
      prepareFrameworkCache();
      publishSiteData(martsDir);
      const rendering = progress.start("render the pages");
      rendered = await renderSite(cfg, tmp, join(martsDir, "reps"), verbose ? "inherit" : rendering, out);
      verifySite(tmp);
      rendering.done(`${htmlFiles(tmp).length} pages`);
      const finishing = progress.start("finish the HTML");
      const asOf = JSON.parse(readFileSync(join(martsDir, "build_info.json"), "utf8"))[0].as_of as string;
      finishHtml(tmp, lang, Date.parse(`${asOf}T00:00:00Z`), martsDir);
      keepSite(tmp, cached);
      finishing.done(lang === "en" ? undefined : `lang ${lang}`);
    }
    const publishing = progress.start("publish");
    publish(tmp, out);
    publishing.done(shownPath(out));
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
  const timings: BuildTimings = {
    marts_seconds: martsSeconds,
    render_seconds: seconds(renderStarted),
    ...rendered,
    total_seconds: seconds(started),
    reused_marts: reusedMarts,
    reused_site: reusedSite,
    pages: htmlFiles(out).length,
    marts_dir: martsDir,
  };
  return timings;
}

/**
 * A key for "these pages were built before": the marts (their folder is named by the
 * fingerprint of every input), the pages and components, the site configuration, the
 * language, the build code and Framework's version.
 */
function siteFingerprint(martsDir: string, lang: string): string {
  const h = createHash("sha256").update(basename(martsDir)).update(lang);
  for (const f of [...pageSources(),
    join(PROJECT_ROOT, "observablehq.config.ts"), join(PROJECT_ROOT, "lib", "build.ts"), join(PROJECT_ROOT, "lib", "rep-pages.ts"), join(PROJECT_ROOT, "package-lock.json")]) {
    h.update(relative(PROJECT_ROOT, f)).update(readFileSync(f));
  }
  return h.digest("hex").slice(0, 16);
}

/** Keep a copy of a finished site for the next build of the same inputs (the two latest). */
function keepSite(dir: string, cached: string) {
  const tmp = `${cached}.tmp-${process.pid}`;
  rmSync(tmp, { recursive: true, force: true });
  cpSync(dir, tmp, { recursive: true });
  rmSync(cached, { recursive: true, force: true });
  renameSync(tmp, cached);
  keepNewest(readdirSync(SITES_ROOT).filter((n) => !n.includes(".tmp-")).map((n) => join(SITES_ROOT, n)), 2);
}

/**
 * Framework renders the view pages and the template rep page; relay writes the other rep
 * pages from the template (lib/rep-pages.ts). The bar counts Framework reading each page
 * ("load") and writing it ("render").
 */
type RenderTimings = Pick<BuildTimings, "framework_seconds" | "rep_pages">;

async function renderSite(cfg: Config, out: string, repsDir: string, show: "inherit" | Stage, published: string): Promise<RenderTimings> {
  const byFramework = siteSettings().repPages === "framework";
  const reps = repIds(repsDir).length;
  const total = 2 * (viewPages() + (byFramework ? reps : Math.min(1, reps)));
  let steps = 0;
  const log: string[] = [];
  const onLine = show === "inherit" ? "inherit" : (line: string) => {
    log.push(line);
    if (/^(load|render) \//.test(line)) show.step(++steps, total);
  };
  const started = performance.now();
  const code = await framework("build", { ...configEnv(cfg), RELAY_OUTPUT: out }, onLine);
  const frameworkSeconds = (performance.now() - started) / 1000;
  if (code !== 0) {
    // the end of Framework's log says why; its paths name the folder being published
    const tail = log.slice(-25).map((l) => l.replaceAll(out, published)).join("\n");
    throw new Error(`observable build exited with code ${code}; ${shownPath(published)} was left as it was${tail ? `\n${tail}` : ""}`);
  }
  const writing = performance.now();
  const written = byFramework ? 0 : writeRepPages(out, repsDir);
  return { framework_seconds: frameworkSeconds, rep_pages: { written, seconds: (performance.now() - writing) / 1000 } };
}

/** The pages of the views (src/*.md). */
function viewPages(): number {
  return readdirSync(SRC_DIR).filter((n) => n.endsWith(".md")).length;
}

/** A build that "succeeded" but lacks its pages or data must not be published. */
function verifySite(dir: string) {
  if (!existsSync(join(dir, "index.html"))) throw new Error(`the build wrote no index.html; nothing was published`);
  const data = join(dir, "_file", "data");
  if (!existsSync(data) || readdirSync(data).length === 0) throw new Error(`the build wrote no data files; nothing was published`);
}

/**
 * What the HTML Framework writes still needs:
 * - <html lang>: Framework has no option for it; screen readers, translation and our
 *   i18n need it;
 * - the icon link and the footer, which Framework would parse with jsdom on every page
 *   (observablehq.config.ts leaves them out of a relay build);
 * - a fixed lastModified: Framework stamps each data file with the modification time of
 *   its cache file, which differs on every build; the as-of date (the date the data
 *   describes) makes two builds of the same inputs byte-identical.
 */
function finishHtml(dir: string, lang: string, lastModified: number, martsDir: string) {
  setLanguage(lang);
  const footer = `</main>\n<footer id="observablehq-footer">\n<div>${escapeHtml(footerText())}</div>\n</footer>`;
  const script = lang === "en" ? "" : sidebarScript();
  for (const f of htmlFiles(dir)) {
    const path = relative(dir, f).replace(/\.html$/, "");
    const html = readFileSync(f, "utf8")
      .replace(/<html>/, `<html lang="${lang}">`)
      .replace(/<title>[^<]*<\/title>/, `<title>${escapeHtml(pageTitle(path, repName(martsDir, path)))}</title>`)
      .replace("</head>", `${ICON_LINK}\n</head>`)
      .replace("</main>", footer)
      .replace("</body>", `${script}</body>`)
      .replace(/"lastModified":\d+/g, `"lastModified":${lastModified}`);
    writeFileSync(f, html);
  }
}

/** The name of the rep a rep page is about (reps/<id>), from its data file. */
function repName(martsDir: string, path: string): string | undefined {
  const file = join(martsDir, `${path}.json`);
  if (!path.startsWith("reps/") || !existsSync(file)) return undefined;
  return JSON.parse(readFileSync(file, "utf8")).is_reps[0]?.rep_name;
}

function escapeHtml(s: string): string {
  return s.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;");
}

/** The pages of a built site. */
function htmlFiles(dir: string): string[] {
  return filesBelow(dir).filter((f) => f.endsWith(".html"));
}

/**
 * Live preview. When SQL or data change, the marts are computed again and the files that
 * changed are rewritten in place in .relay/site-data, so Framework sees them change and
 * the open page updates.
 */
export async function previewSite(cfg: Config): Promise<number> {
  // the models store makes an edit cost only the models it touches
  const marts = async () => (await ensureMarts(cfg, { store: "create" })).dir;
  publishSiteData(await marts());
  prepareFrameworkCache();
  let running: Promise<void> = Promise.resolve();
  const refresh = () => {
    running = running.then(async () => publishSiteData(await marts())).catch((e) => console.error(`relay: ${(e as Error).message}`));
  };
  for (const dir of [cfg.sqlDir, cfg.dataDir]) watch(dir, { recursive: true }, refresh);
  return framework("preview", configEnv(cfg));
}
