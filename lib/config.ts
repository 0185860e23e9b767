// Every setting Relay reads from the environment, read here and nowhere else.
// Precedence: CLI flag > RELAY_* environment variable > default. The defaults of the
// business calendar (time zone, fiscal-year start, holidays, as-of date) live in
// sql/rules/settings.sql, where analysts edit them; resolveSettings() reads them from
// there, applies the overrides and fills in "today", so the CLI, the marts cache key and
// the pipeline all describe the same day.

import { existsSync, readFileSync } from "node:fs";
import { availableParallelism } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { DuckDBInstance } from "@duckdb/node-api";
import { businessToday, isTimeZone } from "../src/components/today.js";

export { businessToday };

/** The project root (the folder holding package.json, sql/ and src/). */
export const PROJECT_ROOT = resolve(fileURLToPath(new URL("..", import.meta.url)));

/** Where a fresh clone's default data set is generated (git-ignored). */
export const DEFAULT_SAMPLE_DIR = join(PROJECT_ROOT, ".relay", "sample");

export interface Overrides {
  asOf?: string;
  timezone?: string;
  fyStartMonth?: number;
  holidays?: string;
}

export interface Config {
  dataDir: string;
  /** True when dataDir is the default generated sample (built on demand). */
  usingDefaultSample: boolean;
  /** The SQL models: sql/, or a copy named by RELAY_SQL_DIR (an analyst's experiment, a test). */
  sqlDir: string;
  overrides: Overrides;
}

/** The business calendar a build describes, fully resolved. */
export interface BusinessSettings {
  as_of: string;
  timezone: string;
  fy_start_month: number;
  holidays: string;
}

export interface FlagValues {
  data?: string;
  asOf?: string;
  timezone?: string;
  fyStartMonth?: string;
  holidays?: string;
}

export class ConfigError extends Error {}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function nonEmpty(v: string | undefined): string | undefined {
  return v === undefined || v.trim() === "" ? undefined : v.trim();
}

function isDate(s: string): boolean {
  const t = Date.parse(`${s}T00:00:00Z`);
  return ISO_DATE.test(s) && !Number.isNaN(t) && new Date(t).toISOString().startsWith(s);
}

export function resolveConfig(flags: FlagValues = {}, env: NodeJS.ProcessEnv = process.env): Config {
  const data = nonEmpty(flags.data) ?? nonEmpty(env.RELAY_DATA);
  const dataDir = data ? resolve(data) : DEFAULT_SAMPLE_DIR;
  const sql = nonEmpty(env.RELAY_SQL_DIR);

  let asOf = nonEmpty(flags.asOf) ?? nonEmpty(env.RELAY_AS_OF);
  if (asOf !== undefined && !isDate(asOf)) {
    throw new ConfigError(`as-of date "${asOf}" is not a date: give it as YYYY-MM-DD (--as-of or RELAY_AS_OF).`);
  }
  // A generated sample records the date it describes; building it "as of today" would
  // make every open deal look abandoned, so its own date is the default.
  asOf ??= sampleAsOf(dataDir);

  const fy = nonEmpty(flags.fyStartMonth) ?? nonEmpty(env.RELAY_FY_START_MONTH);
  let fyStartMonth: number | undefined;
  if (fy !== undefined) {
    fyStartMonth = Number(fy);
    if (!Number.isInteger(fyStartMonth) || fyStartMonth < 1 || fyStartMonth > 12) {
      throw new ConfigError(`fiscal-year start month "${fy}" must be a whole number 1-12 (--fy-start-month or RELAY_FY_START_MONTH).`);
    }
  }

  const timezone = nonEmpty(flags.timezone) ?? nonEmpty(env.RELAY_TIMEZONE);
  if (timezone !== undefined && !isTimeZone(timezone)) {
    throw new ConfigError(`time zone "${timezone}" is not known: use an IANA name such as Asia/Tokyo (--timezone or RELAY_TIMEZONE).`);
  }

  return {
    dataDir,
    usingDefaultSample: !data,
    sqlDir: sql ? resolve(sql) : join(PROJECT_ROOT, "sql"),
    overrides: { asOf, timezone, fyStartMonth, holidays: nonEmpty(flags.holidays) ?? nonEmpty(env.RELAY_HOLIDAYS) },
  };
}

function sampleAsOf(dataDir: string): string | undefined {
  const file = join(dataDir, "relay-sample.json");
  if (!existsSync(file)) return undefined;
  const asOf = JSON.parse(readFileSync(file, "utf8")).as_of;
  return typeof asOf === "string" && isDate(asOf) ? asOf : undefined;
}

/**
 * The calendar of a build: sql/rules/settings.sql's defaults, then the overrides, then,
 * with no as-of date anywhere, today in the business time zone. Called once per build
 * (the marts cache key and the pipeline both take its answer).
 */
export async function resolveSettings(cfg: Config, now: Date = new Date()): Promise<BusinessSettings> {
  const defaults = await ruleDefaults(cfg.sqlDir);
  const o = cfg.overrides;
  const timezone = o.timezone ?? defaults.timezone;
  if (!isTimeZone(timezone)) {
    throw new ConfigError(`time zone "${timezone}" is not known: use an IANA name such as Asia/Tokyo (RELAY_TIMEZONE, --timezone or sql/rules/settings.sql)`);
  }
  return {
    as_of: o.asOf ?? defaults.as_of ?? businessToday(timezone, now),
    timezone,
    fy_start_month: o.fyStartMonth ?? defaults.fy_start_month,
    holidays: o.holidays ?? defaults.holidays,
  };
}

/** The calendar columns of sql/rules/settings.sql (a SELECT of literals, run on its own). */
async function ruleDefaults(sqlDir: string): Promise<{ as_of: string | null; timezone: string; fy_start_month: number; holidays: string }> {
  const file = join(sqlDir, "rules", "settings.sql");
  if (!existsSync(file)) throw new ConfigError(`${file} is missing: it holds the business calendar every model needs`);
  const instance = await DuckDBInstance.create(":memory:");
  const con = await instance.connect();
  try {
    const reader = await con.runAndReadAll(
      `SELECT strftime(as_of, '%Y-%m-%d') AS as_of, timezone, fy_start_month::INTEGER AS fy_start_month, holidays FROM (${readFileSync(file, "utf8")})`,
    );
    const [row] = reader.getRowObjectsJson() as { as_of: string | null; timezone: string; fy_start_month: number; holidays: string }[];
    return row;
  } catch (e) {
    throw new ConfigError(`${file}: ${(e as Error).message.split("\n")[0]}`);
  } finally {
    con.closeSync();
    instance.closeSync();
  }
}

/** The environment a child process (Framework and its loaders) needs to resolve the same config. */
export function configEnv(cfg: Config): Record<string, string> {
  const env: Record<string, string> = { RELAY_DATA: cfg.dataDir, RELAY_SQL_DIR: cfg.sqlDir };
  const o = cfg.overrides;
  if (o.asOf) env.RELAY_AS_OF = o.asOf;
  if (o.timezone) env.RELAY_TIMEZONE = o.timezone;
  if (o.fyStartMonth) env.RELAY_FY_START_MONTH = String(o.fyStartMonth);
  if (o.holidays) env.RELAY_HOLIDAYS = o.holidays;
  return env;
}

/** How much of the machine DuckDB may use. */
export interface EngineSettings {
  /** RELAY_MEMORY_LIMIT, e.g. 2GB (default): beyond it DuckDB spills to .relay/tmp/. */
  memoryLimit: string;
  /** RELAY_THREADS (default: every core). */
  threads: number;
}

/** Where `relay build` publishes when --out is not given: RELAY_OUT, or dist/ in the project. */
export function outputDir(env: NodeJS.ProcessEnv = process.env): string {
  const out = nonEmpty(env.RELAY_OUT);
  return out ? resolve(out) : join(PROJECT_ROOT, "dist");
}

/** Where GitHub Actions collects a job's Markdown summary (GITHUB_STEP_SUMMARY), when running there. */
export function ciSettings(env: NodeJS.ProcessEnv = process.env): { stepSummary: string | undefined } {
  return { stepSummary: nonEmpty(env.GITHUB_STEP_SUMMARY) };
}

/** RELAY_REUSE=off: compute the marts and render the pages even when these inputs were built before. */
export function reuseEnabled(env: NodeJS.ProcessEnv = process.env): boolean {
  return nonEmpty(env.RELAY_REUSE) !== "off";
}

export function engineSettings(env: NodeJS.ProcessEnv = process.env): EngineSettings {
  const memoryLimit = nonEmpty(env.RELAY_MEMORY_LIMIT) ?? "2GB";
  if (!/^\d+(\.\d+)?\s*(KB|MB|GB|TB|KiB|MiB|GiB|TiB)$/i.test(memoryLimit)) {
    throw new ConfigError(`RELAY_MEMORY_LIMIT "${memoryLimit}" is not a size: write it as e.g. 2GB or 1500MB`);
  }
  const threads = Number(nonEmpty(env.RELAY_THREADS) ?? availableParallelism());
  if (!Number.isInteger(threads) || threads < 1) throw new ConfigError(`RELAY_THREADS "${env.RELAY_THREADS}" must be a whole number of at least 1`);
  return { memoryLimit, threads };
}

/** What the site build reads (observablehq.config.ts runs in Framework's process). */
export interface SiteSettings {
  /** UI language: en or ja (RELAY_LANG). */
  lang: string;
  /** Where Framework writes: `relay build` points it at a temporary folder (RELAY_OUTPUT). */
  output: string;
  /** `relay build` finishes the HTML itself (it sets RELAY_OUTPUT): head and footer are added there. */
  finishedByRelay: boolean;
  /** Which rep pages Framework renders: the first rep's, from which relay writes the others
   * (default), or every rep's (RELAY_REP_PAGES=framework; lib/rep-pages.ts). */
  repPages: "template" | "framework";
}

export function siteSettings(env: NodeJS.ProcessEnv = process.env): SiteSettings {
  return {
    lang: nonEmpty(env.RELAY_LANG) ?? "en",
    output: nonEmpty(env.RELAY_OUTPUT) ?? "dist",
    finishedByRelay: nonEmpty(env.RELAY_OUTPUT) !== undefined,
    repPages: repPages(nonEmpty(env.RELAY_REP_PAGES)),
  };
}

function repPages(v: string | undefined): SiteSettings["repPages"] {
  if (v === undefined || v === "template") return "template";
  if (v === "framework") return "framework";
  throw new ConfigError(`RELAY_REP_PAGES "${v}" is not known: leave it unset, or set it to framework to have Framework render every rep page`);
}
