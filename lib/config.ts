// Resolves where the data is and which business calendar to use.
// Precedence: CLI flag > RELAY_* environment variable > default. The defaults of the
// business rules themselves (time zone, fiscal-year start, thresholds) live in
// sql/rules/settings.sql; this module only carries overrides, so an unset value here
// means "use what sql/ says".

import { existsSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

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
  overrides: Overrides;
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

export function resolveConfig(flags: FlagValues = {}, env: NodeJS.ProcessEnv = process.env): Config {
  const data = nonEmpty(flags.data) ?? nonEmpty(env.RELAY_DATA);
  const dataDir = data ? resolve(data) : DEFAULT_SAMPLE_DIR;

  let asOf = nonEmpty(flags.asOf) ?? nonEmpty(env.RELAY_AS_OF);
  if (asOf !== undefined && !(ISO_DATE.test(asOf) && !Number.isNaN(Date.parse(asOf + "T00:00:00Z")))) {
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

  return {
    dataDir,
    usingDefaultSample: !data,
    overrides: {
      asOf,
      timezone: nonEmpty(flags.timezone) ?? nonEmpty(env.RELAY_TIMEZONE),
      fyStartMonth,
      holidays: nonEmpty(flags.holidays) ?? nonEmpty(env.RELAY_HOLIDAYS),
    },
  };
}

function sampleAsOf(dataDir: string): string | undefined {
  const file = join(dataDir, "relay-sample.json");
  if (!existsSync(file)) return undefined;
  const asOf = JSON.parse(readFileSync(file, "utf8")).as_of;
  return typeof asOf === "string" && ISO_DATE.test(asOf) ? asOf : undefined;
}

/** The environment a child process (Framework's loaders) needs to resolve the same config. */
export function configEnv(cfg: Config): Record<string, string> {
  const env: Record<string, string> = { RELAY_DATA: cfg.dataDir };
  const o = cfg.overrides;
  if (o.asOf) env.RELAY_AS_OF = o.asOf;
  if (o.timezone) env.RELAY_TIMEZONE = o.timezone;
  if (o.fyStartMonth) env.RELAY_FY_START_MONTH = String(o.fyStartMonth);
  if (o.holidays) env.RELAY_HOLIDAYS = o.holidays;
  return env;
}
