// One DuckDB pass per build: source views -> rules -> staging -> intermediate -> marts,
// every model materialised once. The CLI, the Framework loaders and the tests all go
// through here, so `relay query` prints exactly what a page shows.

import { existsSync } from "node:fs";
import { isAbsolute, join, relative, resolve } from "node:path";
import type { Config } from "./config.ts";
import { PROJECT_ROOT } from "./config.ts";
import { type Db, openDb, queryRows, sqlIdent, sqlString } from "./db.ts";
import { InputError } from "./errors.ts";
import { type Layer, LAYERS, loadModels, type Model } from "./models.ts";
import { loadSources, type SourceReport } from "./source.ts";

// RELAY_SQL_DIR points a build at another copy of sql/ (an analyst's experiment, a test).
export const SQL_DIR = process.env.RELAY_SQL_DIR ? resolve(process.env.RELAY_SQL_DIR) : join(PROJECT_ROOT, "sql");

export interface Settings {
  as_of: string;
  timezone: string;
  fy_start_month: number;
  holidays: string;
  [key: string]: unknown;
}

export interface Pipeline {
  db: Db;
  config: Config;
  source: SourceReport;
  models: Model[];
  settings: Settings;
  /** Seconds spent per model, for benchmarks. */
  timings: { model: string; seconds: number }[];
}

export interface PipelineOptions {
  sqlDir?: string;
  /** Stop after this layer (e.g. "staging" for `relay check`). */
  upTo?: Layer;
}

export async function runPipeline(config: Config, opts: PipelineOptions = {}): Promise<Pipeline> {
  const sqlDir = opts.sqlDir ?? SQL_DIR;
  const db = await openDb();
  const source = await loadSources(db, config.dataDir);
  const lastLayer = LAYERS.indexOf(opts.upTo ?? "marts");
  const models = loadModels(sqlDir).filter((m) => LAYERS.indexOf(m.layer) <= lastLayer || m.layer === "rules");
  const timings: Pipeline["timings"] = [];
  let settings: Settings | undefined;
  for (const model of models) {
    const started = performance.now();
    await runModel(db, model, sqlDir);
    if (model.name === "settings") settings = await applySettings(db, config, sqlDir);
    timings.push({ model: model.name, seconds: (performance.now() - started) / 1000 });
  }
  if (!settings) throw new Error(`sql/rules/settings.sql is missing: it holds the business calendar every model needs`);
  return { db, config, source, models, settings, timings };
}

async function runModel(db: Db, model: Model, sqlDir: string) {
  const sql = model.isDdl ? model.sql : `CREATE OR REPLACE TABLE ${sqlIdent(model.name)} AS\n${model.sql}`;
  try {
    await db.run(sql);
  } catch (e) {
    throw modelError(e, model, sqlDir);
  }
}

function modelError(e: unknown, model: Model, sqlDir: string): Error {
  const message = String((e as Error).message ?? e);
  // DuckDB names the Parquet file when the data itself is bad (e.g. invalid UTF-8).
  const file = message.match(/["']?([^"'\s]+\.parquet)["']?/i)?.[1];
  if (file) {
    return new InputError(file, null, `could not be read while building ${model.name}: ${message.split("\n")[0]}`,
      "re-export the file; text columns must be valid UTF-8 and every value must fit the contract's type");
  }
  return new Error(`sql/${relative(sqlDir, model.file)}: ${message}`);
}

/** Apply CLI/env overrides to the settings row, then configure the session from it. */
async function applySettings(db: Db, config: Config, sqlDir: string): Promise<Settings> {
  const o = config.overrides;
  const sets: string[] = [];
  if (o.timezone) sets.push(`timezone = ${sqlString(o.timezone)}`);
  if (o.fyStartMonth) sets.push(`fy_start_month = ${o.fyStartMonth}`);
  if (o.holidays) sets.push(`holidays = ${sqlString(o.holidays)}`);
  if (o.asOf) sets.push(`as_of = DATE ${sqlString(o.asOf)}`);
  if (sets.length) await db.run(`UPDATE settings SET ${sets.join(", ")}`);

  const [{ timezone }] = await queryRows(db, "SELECT timezone FROM settings");
  const known = await queryRows(db, `SELECT 1 FROM pg_timezone_names() WHERE name = ${sqlString(String(timezone))}`);
  if (known.length === 0) {
    throw new Error(`time zone "${timezone}" is not known: use an IANA name such as Asia/Tokyo (RELAY_TIMEZONE, --timezone or sql/rules/settings.sql)`);
  }
  await db.run(`SET TimeZone = ${sqlString(String(timezone))}`);
  // The default as-of date is today in the business time zone.
  await db.run(`UPDATE settings SET as_of = coalesce(as_of, CAST(current_timestamp AS DATE))`);
  const [settings] = (await queryRows(db, "SELECT * FROM settings")) as Settings[];
  await loadHolidays(db, String(settings.holidays), sqlDir);
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
