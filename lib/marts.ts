// Materialises the marts of one pipeline run that the pages read, as JSON (and CSV for
// the lists they offer as downloads) in a folder, and finds (or makes) the folder that
// matches the current SQL, data, settings and pages. The pages read these files as they
// are (lib/site-data.ts), so a whole site comes from one DuckDB pass.

import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { type BusinessSettings, type Config, PROJECT_ROOT, resolveSettings, reuseEnabled } from "./config.ts";
import { filesBelow, keepNewest } from "./files.ts";
import { readTable, type Table, toJson, writeCsv } from "./export.ts";
import { closePipeline, martModels, type Pipeline, runPipeline } from "./pipeline.ts";
import { dataFingerprint } from "./fingerprint.ts";
import { pageFiles } from "./page-files.ts";
import { RECONCILIATION_MARTS } from "./reconcile.ts";
import { REP_MARTS, writeRepFiles } from "./rep-files.ts";
import { type Progress, SILENT } from "./progress.ts";
import { hasStore, storePath } from "./store.ts";

export const MARTS_ROOT = join(PROJECT_ROOT, ".relay", "marts");

/**
 * Write the marts of a finished pipeline into `dir` (replaced whole): those the pages read
 * (JSON, and CSV for marts whose comment says `download: csv`), or every mart as JSON with
 * `all` (scripts/compare-marts.ts).
 */
export async function writeMarts(p: Pipeline, dir: string, { all = false, pages = pageFiles() } = {}): Promise<string[]> {
  const tmp = `${dir}.tmp-${process.pid}`;
  rmSync(tmp, { recursive: true, force: true });
  mkdirSync(tmp, { recursive: true });
  // the check and build summaries read these whatever the pages do
  const used = { ...pages, json: [...pages.json, ...RECONCILIATION_MARTS] };
  const names: string[] = [];
  // the rep files read some of the same marts: those are kept, to be read from DuckDB once
  const kept = new Map<string, Table>();
  const repMarts: readonly string[] = REP_MARTS;
  const table = async (name: string) => {
    if (kept.has(name)) return kept.get(name)!;
    const t = await readTable(p.db, name);
    if (repMarts.includes(name)) kept.set(name, t);
    return t;
  };
  for (const m of martModels(p)) {
    const json = all || used.json.includes(m.name);
    const csv = m.csv && (all || used.csv.includes(m.name));
    const parts = m.splitBy ? used.parts[m.name] ?? [] : [];
    if (!json && !csv && parts.length === 0) continue;
    if (csv) await writeCsv(p.db, m.name, join(tmp, `${m.name}.csv`));
    if (json || parts.length) {
      const t = await table(m.name);
      if (json) writeFileSync(join(tmp, `${m.name}.json`), toJson(t));
      if (parts.length) writeParts(t, m.splitBy!, parts, join(tmp, m.name), m.file);
    }
    names.push(m.name);
  }
  // the rep pages each read only their own rep's rows
  await writeRepFiles(tmp, table);
  rmSync(dir, { recursive: true, force: true });
  renameSync(tmp, dir);
  return names;
}

/**
 * A mart a page loads in parts: `<dir>/<value>.json` holds the rows whose `column` is
 * that value, for every value a page names (an empty part is written as [] so that the
 * page can rely on it).
 */
function writeParts(table: Table, column: string, values: string[], dir: string, file: string) {
  const i = table.columns.indexOf(column);
  if (i === -1) throw new Error(`${file} says "page files: one per ${column}", but ${column} is not one of its columns`);
  mkdirSync(dir, { recursive: true });
  for (const v of values) writeFileSync(join(dir, `${v}.json`), toJson({ ...table, rows: table.rows.filter((r) => r[i] === v) }));
}

/**
 * A key for "same inputs": the SQL, the library code, the data files' content and the
 * resolved calendar (as-of date included, so a build with no
 * as-of date gets new marts when the business day turns). Any edit gives a new key, so a
 * rebuild never serves marts computed from older inputs.
 */
export function inputsFingerprint(cfg: Config, settings: BusinessSettings, pages = pageFiles()): string {
  const h = createHash("sha256");
  for (const dir of [cfg.sqlDir, join(PROJECT_ROOT, "lib")]) {
    for (const f of filesBelow(dir)) h.update(relative(PROJECT_ROOT, f)).update(readFileSync(f));
  }
  h.update(dataFingerprint(cfg.dataDir));
  h.update(JSON.stringify(settings));
  // which marts the pages read decides which files are written
  h.update(JSON.stringify(pages));
  return h.digest("hex").slice(0, 16);
}


/**
 * The marts folder for the current inputs, computed now if it does not exist yet: in the
 * models store when one exists for this data (or `store` is "create": the preview), so
 * that only edited models run again; else in memory.
 */
export async function ensureMarts(cfg: Config, { store = "use", progress = SILENT }: { store?: "use" | "create"; progress?: Progress } = {}): Promise<{ dir: string; reused: boolean }> {
  const settings = await resolveSettings(cfg);
  // the mart files the pages read: part of the key, and what is written
  const pages = pageFiles();
  const dir = join(MARTS_ROOT, inputsFingerprint(cfg, settings, pages));
  if (reuseEnabled() && existsSync(join(dir, "build_info.json"))) {
    progress.start("marts").done("reused: same data, SQL and settings");
    return { dir, reused: true };
  }
  const computing = progress.start("compute the marts");
  const p = await runPipeline(cfg, settings, { store: store === "create" || hasStore(storePath(cfg, settings)) });
  try {
    const reused = p.timings.filter((t) => t.reused).length;
    const rows = p.source.objects.reduce((n, o) => n + o.rowsRead, 0);
    computing.done(`${p.models.length} models on ${rows.toLocaleString("en-US")} rows${reused ? ` (${reused} unchanged, from the store)` : ""}`);
    const writing = progress.start("write the page data");
    const names = await writeMarts(p, dir, { pages });
    writing.done(`${names.length} marts`);
  } finally {
    await closePipeline(p);
  }
  pruneMarts(dir);
  return { dir, reused: false };
}

/** Keep the marts folder in use and the two latest others. */
function pruneMarts(current: string) {
  keepNewest(readdirSync(MARTS_ROOT).filter((n) => !n.includes(".tmp-")).map((n) => join(MARTS_ROOT, n)).filter((p) => p !== current), 2);
}
