// Serialises a mart as JSON (an array of row objects, one row per line) or CSV.
// Exact numbers (integers, decimals) are written digit for digit; doubles are rounded
// to 12 significant digits so that DuckDB's parallel float summation cannot make two
// builds of the same data differ in the last bit.

import { csvFormatRows } from "d3";
import { guardCell } from "../src/components/csv.js";
import type { Db } from "./db.ts";
import { sqlIdent } from "./db.ts";

type Cell = string | number | boolean | null | Cell[];

export interface Table {
  columns: string[];
  types: string[];
  rows: Cell[][];
}

const EXACT = /^(TINYINT|SMALLINT|INTEGER|BIGINT|HUGEINT|UTINYINT|USMALLINT|UINTEGER|UBIGINT|UHUGEINT|DECIMAL)/;
const FLOAT = /^(FLOAT|DOUBLE)/;

export async function readTable(db: Db, name: string): Promise<Table> {
  const reader = await db.runAndReadAll(`SELECT * FROM ${sqlIdent(name)}`);
  const columns = reader.columnNames();
  const types = reader.columnTypes().map(String);
  const cols = reader.getColumnsJson() as Cell[][];
  const rows: Cell[][] = [];
  for (let r = 0; r < reader.currentRowCount; r++) rows.push(cols.map((c) => c[r]));
  return { columns, types, rows };
}

function jsonValue(v: Cell, type: string): string {
  if (v === null || v === undefined) return "null";
  if (EXACT.test(type)) return String(v);
  if (FLOAT.test(type)) {
    const n = typeof v === "number" ? v : Number(v);
    return Number.isFinite(n) ? String(Number(n.toPrecision(12))) : "null";
  }
  return JSON.stringify(v);
}

export function toJson(t: Table): string {
  if (t.rows.length === 0) return "[]\n";
  const keys = t.columns.map((c) => JSON.stringify(c));
  const lines = t.rows.map((row) => "{" + row.map((v, i) => `${keys[i]}:${jsonValue(v, t.types[i])}`).join(",") + "}");
  return "[\n" + lines.join(",\n") + "\n]\n";
}

function csvField(v: Cell, type: string): string {
  if (v === null || v === undefined) return "";
  // numbers as the JSON writes them; text guarded against spreadsheet formulas (csv.js)
  const s = FLOAT.test(type) || EXACT.test(type) ? jsonValue(v, type) : guardCell(v);
  return s === "null" ? "" : s;
}

/** CSV with a header row; quoting is d3's. */
export function toCsv(t: Table): string {
  return csvFormatRows([t.columns, ...t.rows.map((row) => row.map((v, i) => csvField(v, t.types[i])))]) + "\n";
}
