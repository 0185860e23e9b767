// Materialises every mart of one pipeline run as JSON files in a folder, and finds (or
// makes) the folder that matches the current SQL, data and settings. The Framework
// loaders only ever read these files, so a whole site comes from one DuckDB pass.

import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { type BusinessSettings, type Config, PROJECT_ROOT, resolveSettings } from "./config.ts";
import { readTable, toCsv, toJson } from "./export.ts";
import { closePipeline, martModels, type Pipeline, runPipeline } from "./pipeline.ts";
import { writeRepFiles } from "./rep-files.ts";

export const MARTS_ROOT = join(PROJECT_ROOT, ".relay", "marts");

/** Write every mart of a finished pipeline into `dir` (replaced whole). */
export async function writeMarts(p: Pipeline, dir: string): Promise<string[]> {
  const tmp = `${dir}.tmp-${process.pid}`;
  rmSync(tmp, { recursive: true, force: true });
  mkdirSync(tmp, { recursive: true });
  const names: string[] = [];
  for (const m of martModels(p)) {
    const table = await readTable(p.db, m.name);
    writeFileSync(join(tmp, `${m.name}.json`), toJson(table));
    // long lists the pages offer as a download (`-- download: csv` in the mart's comment)
    if (m.csv) writeFileSync(join(tmp, `${m.name}.csv`), toCsv(table));
    names.push(m.name);
  }
  // the rep pages each read only their own rep's rows
  writeRepFiles(tmp);
  rmSync(dir, { recursive: true, force: true });
  renameSync(tmp, dir);
  return names;
}

/**
 * A key for "same inputs": the SQL, the library code, the data files (path, size,
 * modification time) and the resolved calendar (as-of date included, so a build with no
 * as-of date gets new marts when the business day turns). Any edit gives a new key, so a
 * rebuild never serves marts computed from older inputs.
 */
export function inputsFingerprint(cfg: Config, settings: BusinessSettings): string {
  const h = createHash("sha256");
  for (const dir of [cfg.sqlDir, join(PROJECT_ROOT, "lib")]) {
    for (const f of walk(dir)) h.update(relative(PROJECT_ROOT, f)).update(readFileSync(f));
  }
  for (const f of walk(cfg.dataDir)) {
    const s = statSync(f);
    h.update(relative(cfg.dataDir, f)).update(`${s.size}:${s.mtimeMs}`);
  }
  h.update(JSON.stringify(settings));
  return h.digest("hex").slice(0, 16);
}

function walk(dir: string): string[] {
  if (!existsSync(dir)) return [];
  const out: string[] = [];
  for (const n of readdirSync(dir).sort()) {
    const p = join(dir, n);
    if (statSync(p).isDirectory()) out.push(...walk(p));
    else out.push(p);
  }
  return out;
}

/** The marts folder for the current inputs, computed now if it does not exist yet. */
export async function ensureMarts(cfg: Config): Promise<string> {
  const settings = await resolveSettings(cfg);
  const dir = join(MARTS_ROOT, inputsFingerprint(cfg, settings));
  if (existsSync(join(dir, "build_info.json"))) return dir;
  const p = await runPipeline(cfg, settings);
  try {
    await writeMarts(p, dir);
  } finally {
    await closePipeline(p);
  }
  return dir;
}
