// The one DuckDB connection a build uses, and the conversions from DuckDB results to
// plain rows. Kept tiny so every caller (pipeline, CLI, loaders, tests) shares it.
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DuckDBConnection, DuckDBInstance } from "@duckdb/node-api";

export type Db = DuckDBConnection;

export async function openDb(): Promise<Db> {
  const instance = await DuckDBInstance.create(":memory:");
  const con = await instance.connect();
  // Staging reads timestamps as UTC; the business time zone is set once the settings
  // model has been built (see pipeline.ts).
  await con.run("SET TimeZone = 'UTC'");
  // Large exports may spill to disk; keep that out of the project folder.
  await con.run(`SET temp_directory = ${sqlString(join(tmpdir(), "relay-duckdb"))}`);
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
