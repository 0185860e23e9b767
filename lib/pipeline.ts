// One DuckDB pass per build: source views -> rules -> staging -> intermediate -> marts,
// every model materialised once. The CLI, the Framework loaders and the tests all go
// through here, so `relay query` prints exactly what a page shows.

import { existsSync } from "node:fs";
import { isAbsolute, join, relative, resolve } from "node:path";
import { type BusinessSettings, type Config, resolveSettings } from "./config.ts";
import { type Db, openDb, queryRows, sqlIdent, sqlString } from "./db.ts";
import { InputError } from "./errors.ts";
import { loadModels, type Model } from "./models.ts";
import { loadSources, type SourceReport } from "./source.ts";

export type Settings = BusinessSettings & Record<string, unknown>;

export interface Pipeline {
  db: Db;
  config: Config;
  source: SourceReport;
  models: Model[];
  settings: Settings;
  /** Seconds spent per model, for benchmarks. */
  timings: { model: string; seconds: number }[];
}

/**
 * Run every model. `settings` is the resolved calendar (resolveSettings); a caller that
 * has already resolved it (the marts cache key) passes it so both describe the same day.
 */
export async function runPipeline(config: Config, settings?: BusinessSettings): Promise<Pipeline> {
  const calendar = settings ?? (await resolveSettings(config));
  const models = await loadModels(config.sqlDir);
  const db = await openDb();
  try {
    const source = await loadSources(db, config.dataDir);
    // the holiday list is input, like the export: sql/rules/working_days.sql reads it
    await loadHolidays(db, calendar.holidays, config.sqlDir);
    const timings: Pipeline["timings"] = [];
    let resolved: Settings | undefined;
    for (const model of models) {
      const started = performance.now();
      await runModel(db, model, config.sqlDir);
      if (model.name === "settings") resolved = await applySettings(db, calendar);
      timings.push({ model: model.name, seconds: (performance.now() - started) / 1000 });
    }
    if (!resolved) throw new Error(`sql/rules/settings.sql is missing: it holds the business calendar every model needs`);
    return { db, config, source, models, settings: resolved, timings };
  } catch (e) {
    db.closeSync();
    throw e;
  }
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
