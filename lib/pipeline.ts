// One DuckDB pass per build: source views -> rules -> staging -> intermediate -> marts,
// every model materialised once. The CLI, the Framework loaders and the tests all go
// through here, so `relay query` prints exactly what a page shows.

import { existsSync } from "node:fs";
import { isAbsolute, join, relative, resolve } from "node:path";
import { type BusinessSettings, type Config, resolveSettings } from "./config.ts";
import { type Db, openDb, queryRows, sqlIdent, sqlString } from "./db.ts";
import { CONTRACT } from "./contract.ts";
import { InputError } from "./errors.ts";
import { loadModels, type Model } from "./models.ts";
import { modelHash, pruneStores, storePath } from "./store.ts";
import { loadSources, type SourceReport } from "./source.ts";
import { fixedUtcOffsetSeconds } from "../src/components/today.js";

export type Settings = BusinessSettings & Record<string, unknown>;

export interface Pipeline {
  db: Db;
  config: Config;
  source: SourceReport;
  models: Model[];
  settings: Settings;
  /** Seconds spent per model, for benchmarks; `reused` when the store had it already. */
  timings: { model: string; seconds: number; reused: boolean }[];
}

export interface PipelineOptions {
  /** Use (and create) the models store of this data (lib/store.ts): only models whose SQL
   * or dependencies changed are computed again. */
  store?: boolean;
  /** Compute only these models and what they depend on (`relay query`). */
  only?: string[];
}

/**
 * Run every model. `settings` is the resolved calendar (resolveSettings); a caller that
 * has already resolved it (the marts cache key) passes it so both describe the same day.
 */
export async function runPipeline(config: Config, settings?: BusinessSettings, opts: PipelineOptions = {}): Promise<Pipeline> {
  const calendar = settings ?? (await resolveSettings(config));
  const models = needed(await loadModels(config.sqlDir), opts.only);
  const store = opts.store ? storePath(config, calendar) : null;
  const db = await openStore(store);
  try {
    const source = await loadSources(db, config.dataDir);
    // the holiday list is input, like the export: sql/rules/working_days.sql reads it
    await loadHolidays(db, calendar.holidays, config.sqlDir);
    await db.run(`CREATE OR REPLACE TABLE relay_time_zone AS SELECT ${fixedUtcOffsetSeconds(calendar.timezone) ?? "NULL"}::INTEGER AS utc_offset_seconds`);
    const timings: Pipeline["timings"] = [];
    const stored = store ? await storedHashes(db) : new Map<string, string>();
    const hashes = new Map<string, string>();
    let resolved: Settings | undefined;
    for (const model of models) {
      const started = performance.now();
      const hash = modelHash(model.sql, model.dependsOn.map((d) => hashes.get(d) ?? d));
      hashes.set(model.name, hash);
      const reused = !model.isDdl && stored.get(model.name) === hash;
      if (!reused) await runModel(db, model, config.sqlDir, store ? hash : null, source);
      if (model.name === "settings") resolved = await applySettings(db, calendar);
      timings.push({ model: model.name, seconds: (performance.now() - started) / 1000, reused });
    }
    if (!resolved) throw new Error(`sql/rules/settings.sql is missing: it holds the business calendar every model needs`);
    if (store) pruneStores();
    return { db, config, source, models, settings: resolved, timings };
  } catch (e) {
    db.closeSync();
    throw e;
  }
}

/** The models to run: all, or those asked for and everything they depend on. */
function needed(models: Model[], only: string[] | undefined): Model[] {
  if (!only) return models;
  const byName = new Map(models.map((m) => [m.name, m]));
  const keep = new Set<string>();
  const add = (name: string) => {
    if (keep.has(name)) return;
    keep.add(name);
    for (const d of byName.get(name)?.dependsOn ?? []) add(d);
  };
  // settings: the calendar is applied to it in every run
  for (const name of [...only, "settings"]) add(name);
  return models.filter((m) => keep.has(m.name));
}

/** The store's database, or memory when there is none or another process holds it. */
async function openStore(path: string | null): Promise<Db> {
  if (!path) return openDb();
  try {
    const db = await openDb(path);
    await db.run("CREATE TABLE IF NOT EXISTS relay_model_hashes (model VARCHAR PRIMARY KEY, hash VARCHAR)");
    return db;
  } catch (e) {
    if (!/lock/i.test(String((e as Error).message))) throw e;
    console.error(`relay: the models store is in use by another relay process; computing in memory`);
    return openDb();
  }
}

async function storedHashes(db: Db): Promise<Map<string, string>> {
  const rows = await queryRows(db, `SELECT h.model, h.hash FROM relay_model_hashes h
    JOIN (SELECT table_name AS name FROM duckdb_tables() UNION ALL SELECT view_name FROM duckdb_views() WHERE NOT internal) t ON t.name = h.model`);
  return new Map(rows.map((r) => [String(r.model), String(r.hash)]));
}

/** Run one model; in a store, the table and its hash change together or not at all. */
async function runModel(db: Db, model: Model, sqlDir: string, storeHash: string | null, source: SourceReport) {
  const sql = model.isDdl ? model.sql : `CREATE OR REPLACE ${model.view ? "VIEW" : "TABLE"} ${sqlIdent(model.name)} AS\n${model.sql}`;
  try {
    if (storeHash === null || model.isDdl) return void (await db.run(sql));
    await db.run("BEGIN TRANSACTION");
    // a store made before the model became a view (or a table) holds the other kind,
    // which CREATE OR REPLACE does not replace
    const other = model.view ? "table" : "view";
    if ((await queryRows(db, `SELECT 1 FROM duckdb_${other}s() WHERE NOT internal AND ${other}_name = ${sqlString(model.name)}`)).length) {
      await db.run(`DROP ${other.toUpperCase()} ${sqlIdent(model.name)}`);
    }
    await db.run(sql);
    await db.run(`INSERT OR REPLACE INTO relay_model_hashes VALUES (${sqlString(model.name)}, ${sqlString(storeHash)})`);
    await db.run("COMMIT");
  } catch (e) {
    if (storeHash !== null && !model.isDdl) await db.run("ROLLBACK").catch(() => {});
    throw await modelError(db, source, e, model, sqlDir);
  }
}

async function modelError(db: Db, source: SourceReport, e: unknown, model: Model, sqlDir: string): Promise<Error> {
  const message = String((e as Error).message ?? e);
  const encoding = message.match(/Invalid string encoding found in Parquet file "([^"]+)": value "(.*)" is not valid UTF8/);
  if (encoding) return notUtf8(db, source, encoding[1], encoding[2]);
  // DuckDB names the Parquet file when the data itself is bad (e.g. invalid UTF-8).
  const file = message.match(/["']?([^"'\s]+\.parquet)["']?/i)?.[1];
  if (file) {
    return new InputError(file, null, `could not be read while building ${model.name}: ${message.split("\n")[0]}`,
      "re-export the file; text columns must be valid UTF-8 and every value must fit the contract's type");
  }
  return new Error(`sql/${relative(sqlDir, model.file)}: ${message}`);
}

/**
 * A text column whose bytes are not UTF-8 (an export from a Shift_JIS system): DuckDB names
 * the file but not the column, so each text column the pipeline reads from that file is
 * read on its own until one fails.
 */
async function notUtf8(db: Db, source: SourceReport, file: string, value: string): Promise<Error> {
  const object = source.objects.find((o) => o.files.includes(file));
  const spec = CONTRACT.find((o) => o.name === object?.object);
  let column: string | null = null;
  for (const c of spec?.columns ?? []) {
    if (c.type !== "VARCHAR" || c.pii || !object?.columns.includes(c.name)) continue;
    try {
      await db.run(`SELECT max(length(${sqlIdent(c.name)})) FROM read_parquet(${sqlString(file)})`);
    } catch {
      column = c.name;
      break;
    }
  }
  return new InputError(file, column, `holds text that is not UTF-8 (e.g. "${value}"), as an export written in Shift_JIS or another legacy encoding does`,
    `export ${object?.object ?? "the object"} again with UTF-8 text${column ? ` (the column ${column})` : ""}: Relay reads only UTF-8`);
}

/** Write the resolved calendar into the settings row, then configure the session from it. */
async function applySettings(db: Db, s: BusinessSettings): Promise<Settings> {
  await db.run(`UPDATE settings SET as_of = DATE ${sqlString(s.as_of)}, timezone = ${sqlString(s.timezone)},
    fy_start_month = ${s.fy_start_month}, holidays = ${sqlString(s.holidays)}`);
  const known = await queryRows(db, `SELECT 1 FROM pg_timezone_names() WHERE name = ${sqlString(s.timezone)}`);
  if (known.length === 0) {
    throw new Error(`time zone "${s.timezone}" is not known to DuckDB: use an IANA name such as Asia/Tokyo (RELAY_TIMEZONE, --timezone or sql/rules/settings.sql)`);
  }
  await db.run(`SET TimeZone = ${sqlString(s.timezone)}`);
  const [settings] = (await queryRows(db, "SELECT * FROM settings")) as Settings[];
  return settings;
}

async function loadHolidays(db: Db, holidays: string, sqlDir: string) {
  await db.run("CREATE OR REPLACE TABLE relay_holidays (holiday DATE)");
  if (holidays === "none") return;
  const file = holidays === "jp" ? join(sqlDir, "rules", "holidays_jp.csv") : isAbsolute(holidays) ? holidays : resolve(holidays);
  if (!existsSync(file)) {
    throw new InputError(file, null, "the holiday list does not exist",
      "set RELAY_HOLIDAYS to jp, none, or the path of a CSV file with a `holiday` column of dates");
  }
  try {
    await db.run(`INSERT INTO relay_holidays SELECT DISTINCT CAST(holiday AS DATE) FROM read_csv(${sqlString(file)}, header = true)`);
  } catch (e) {
    throw new InputError(file, "holiday", `the holiday list cannot be read (${String((e as Error).message).split("\n")[0]})`,
      "give a CSV with a header row and a `holiday` column of YYYY-MM-DD dates");
  }
}

export function martModels(p: Pipeline): Model[] {
  return p.models.filter((m) => m.layer === "marts").sort((a, b) => a.name.localeCompare(b.name));
}

export async function closePipeline(p: Pipeline) {
  p.db.closeSync();
}
