// Writes rows to Parquet through DuckDB, streaming: rows go through an appender into a
// scratch table (in a scratch database file, so millions of rows do not sit in memory),
// then one COPY writes the file. The same rows in the same order give a byte-identical
// file. Used by the sample generator and the test fixtures.

import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  type DuckDBAppender,
  type DuckDBConnection,
  DuckDBDateValue,
  DuckDBDecimalValue,
  DuckDBInstance,
  DuckDBTimestampValue,
} from "@duckdb/node-api";
import { sqlIdent, sqlString } from "./db.ts";

export interface ColumnDef {
  name: string;
  /** DuckDB type: VARCHAR, TIMESTAMP, DATE, BOOLEAN, INTEGER, BIGINT, DOUBLE, DECIMAL(18,2) */
  type: string;
}

/**
 * Values: strings; numbers; booleans; null. TIMESTAMP takes epoch milliseconds (UTC) or
 * an ISO string; DATE takes 'YYYY-MM-DD' or days since 1970-01-01.
 */
export type Value = string | number | boolean | null | undefined;

const DAY_MS = 86_400_000;

type Append = (a: DuckDBAppender, v: Exclude<Value, null | undefined>) => void;

function appenderFor(type: string): Append {
  const decimal = type.match(/^DECIMAL\((\d+),(\d+)\)$/);
  if (decimal) {
    const [width, scale] = [Number(decimal[1]), Number(decimal[2])];
    return (a, v) => a.appendDecimal(new DuckDBDecimalValue(decimalUnits(v, scale), width, scale));
  }
  switch (type) {
    case "VARCHAR":
      return (a, v) => a.appendVarchar(String(v));
    case "BOOLEAN":
      return (a, v) => a.appendBoolean(Boolean(v));
    case "INTEGER":
      return (a, v) => a.appendInteger(Number(v));
    case "BIGINT":
      return (a, v) => a.appendBigInt(BigInt(v as number));
    case "DOUBLE":
      return (a, v) => a.appendDouble(Number(v));
    case "TIMESTAMP":
      return (a, v) => a.appendTimestamp(new DuckDBTimestampValue(BigInt(typeof v === "number" ? v : Date.parse(isoUtc(String(v)))) * 1000n));
    case "DATE":
      return (a, v) => a.appendDate(new DuckDBDateValue(typeof v === "number" ? v : Math.round(Date.parse(`${v}T00:00:00Z`) / DAY_MS)));
    default:
      throw new Error(`parquet-writer: unsupported column type ${type}`);
  }
}

/** "2024-04-01 10:00:00" (UTC, no zone) -> a string Date.parse reads as UTC. */
function isoUtc(s: string): string {
  return /[zZ]|[+-]\d\d:?\d\d$/.test(s) ? s : `${s.replace(" ", "T")}Z`;
}

/** An exact decimal in units of 10^-scale, from a number or a decimal string. */
function decimalUnits(v: Exclude<Value, null | undefined>, scale: number): bigint {
  const s = typeof v === "number" ? v.toFixed(scale) : String(v);
  const [int, frac = ""] = s.replace(/^\+/, "").split(".");
  const negative = int.startsWith("-");
  const units = BigInt(int.replace("-", "") + frac.padEnd(scale, "0").slice(0, scale));
  return negative ? -units : units;
}

export class ParquetTable {
  private rows = 0;
  private constructor(
    private readonly con: DuckDBConnection,
    private readonly appender: DuckDBAppender,
    private readonly appends: Append[],
    private readonly columns: ColumnDef[],
    private readonly path: string,
    private readonly scratch: string,
  ) {}

  static async open(path: string, columns: ColumnDef[]): Promise<ParquetTable> {
    const scratch = mkdtempSync(join(tmpdir(), "relay-parquet-"));
    const instance = await DuckDBInstance.create(join(scratch, "scratch.duckdb"));
    const con = await instance.connect();
    await con.run(`CREATE TABLE t (${columns.map((c) => `${sqlIdent(c.name)} ${c.type}`).join(", ")})`);
    const appender = await con.createAppender("t");
    return new ParquetTable(con, appender, columns.map((c) => appenderFor(c.type)), columns, path, scratch);
  }

  /** Append one row; columns not in `row` are null. */
  add(row: Record<string, Value>) {
    for (let i = 0; i < this.columns.length; i++) {
      const v = row[this.columns[i].name];
      if (v === null || v === undefined) this.appender.appendNull();
      else this.appends[i](this.appender, v);
    }
    this.appender.endRow();
    this.rows++;
  }

  /** Write the Parquet file and drop the scratch table. Returns the row count. */
  async close(): Promise<number> {
    this.appender.closeSync();
    // One thread for the write keeps row groups, and so the bytes, the same every time.
    await this.con.run("SET threads = 1");
    await this.con.run(`COPY t TO ${sqlString(this.path)} (FORMAT parquet, COMPRESSION zstd)`);
    this.con.closeSync();
    rmSync(this.scratch, { recursive: true, force: true });
    return this.rows;
  }
}

/** Write all `rows` to `path` in one go. */
export async function writeParquet(path: string, columns: ColumnDef[], rows: Iterable<Record<string, Value>>): Promise<number> {
  const t = await ParquetTable.open(path, columns);
  for (const r of rows) {
    const unknown = Object.keys(r).filter((k) => !columns.some((c) => c.name === k));
    if (unknown.length) throw new Error(`parquet-writer: unknown column(s) ${unknown.join(", ")} for ${path}`);
    t.add(r);
  }
  return t.close();
}
