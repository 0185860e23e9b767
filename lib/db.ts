// The one DuckDB connection a build uses, and the conversions from DuckDB results to
// plain rows. Kept tiny so every caller (pipeline, CLI, loaders, tests) shares it.
import { rmSync } from "node:fs";
import { DuckDBConnection, DuckDBInstance } from "@duckdb/node-api";
import { engineSettings } from "./config.ts";
import { scratchDir } from "./scratch.ts";

export type Db = DuckDBConnection;

/**
 * A DuckDB connection: in memory, or on a database file (the models store, lib/store.ts).
 * Memory is capped (RELAY_MEMORY_LIMIT); past the cap DuckDB spills to this process's
 * scratch folder, removed when the connection closes.
 */
export async function openDb(file = ":memory:"): Promise<Db> {
  const { memoryLimit, threads } = engineSettings();
  const spill = scratchDir("duckdb");
  const instance = await DuckDBInstance.create(file, {
    memory_limit: memoryLimit,
    threads: String(threads),
    temp_directory: spill,
  });
  const con = await instance.connect();
  // Staging reads timestamps as UTC; the business time zone is set once the settings
  // model has been built (see pipeline.ts).
  await con.run("SET TimeZone = 'UTC'");
  // An in-memory database has nothing to make durable, yet DuckDB checkpoints it when its
  // changes pass checkpoint_threshold (16 MB): once in a scale-100 pass, 0.6-0.8 s of
  // rewriting tables that are thrown away at the end (peak memory measured the same).
  if (file === ":memory:") await con.run("SET checkpoint_threshold = '1TB'");
  const close = con.closeSync.bind(con);
  con.closeSync = () => {
    close();
    instance.closeSync();
    rmSync(spill, { recursive: true, force: true });
  };
  return con;
}

/** Escape a string as a SQL literal. */
export function sqlString(s: string): string {
  return `'${s.replaceAll("'", "''")}'`;
}

/** Quote an identifier. */
export function sqlIdent(s: string): string {
  return `"${s.replaceAll('"', '""')}"`;
}

export type Row = Record<string, unknown>;

/** Run a query and return plain rows: numbers as JS numbers, DATE as 'YYYY-MM-DD', lists as arrays. */
export async function queryRows(db: Db, sql: string): Promise<Row[]> {
  const reader = await db.runAndReadAll(sql);
  const names = reader.columnNames();
  const numeric = reader.columnTypes().map((t) => isNumericType(String(t)));
  return reader.getRowObjectsJson().map((row) => {
    for (let c = 0; c < names.length; c++) {
      const v = row[names[c]];
      if (numeric[c] && typeof v === "string") row[names[c]] = Number(v);
    }
    return row as Row;
  });
}

export function isNumericType(t: string): boolean {
  return /^(TINYINT|SMALLINT|INTEGER|BIGINT|HUGEINT|UTINYINT|USMALLINT|UINTEGER|UBIGINT|UHUGEINT|FLOAT|DOUBLE|DECIMAL)/.test(t);
}
