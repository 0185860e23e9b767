// Hand-built data sets for tests: give rows per object with contract column names;
// every other contract column is written as NULL with its contract type, so fixtures
// stay short and still have the exact shape of a real export.

import { mkdtempSync, mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { CONTRACT, duckdbType, type ObjectName } from "../../lib/contract.ts";
import { type Value, writeParquet } from "../../lib/parquet-writer.ts";

export type FixtureRows = Partial<Record<ObjectName, Record<string, unknown>[]>>;

export interface FixtureOptions {
  /** Objects to leave out entirely (default: objects with no rows given are written empty). */
  omit?: ObjectName[];
  /** Columns to leave out, as "object.Column". */
  dropColumns?: string[];
}

/** A new folder under the test run's temporary folder (test/helpers/global-setup.ts). */
export function tempDir(prefix = "relay-test-"): string {
  return mkdtempSync(join(process.env.RELAY_TEST_TMP ?? tmpdir(), prefix));
}

/** Write a fixture data directory and return its path. */
export async function writeFixture(rows: FixtureRows, opts: FixtureOptions = {}, dir = tempDir()): Promise<string> {
  mkdirSync(dir, { recursive: true });
  for (const spec of CONTRACT) {
    if (opts.omit?.includes(spec.name)) continue;
    const columns = spec.columns
      .filter((c) => !opts.dropColumns?.includes(`${spec.name}.${c.name}`))
      .map((c) => ({ name: c.name, type: duckdbType(c.type) }));
    // a dropped column is dropped from the rows too
    const kept = new Set(columns.map((c) => c.name));
    const data = (rows[spec.name] ?? []).map((r) => Object.fromEntries(Object.entries(r).filter(([k]) => kept.has(k))));
    await writeParquet(join(dir, `${spec.name}.parquet`), columns, data as Record<string, Value>[]);
  }
  return dir;
}

/** A UTC timestamp for a Tokyo local date and time: jst("2024-04-01", "10:00"). */
export function jst(date: string, time = "10:00"): string {
  const d = new Date(`${date}T${time}:00+09:00`);
  return d.toISOString().replace("T", " ").replace(".000Z", "");
}

