// Serialises a mart as JSON (an array of row objects, one row per line) or CSV.
// Exact numbers (integers, decimals) are written digit for digit; doubles are rounded
// to 12 significant digits so that DuckDB's parallel float summation cannot make two
// builds of the same data differ in the last bit.

import type { Db } from "./db.ts";
import { sqlIdent, sqlString } from "./db.ts";

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

/**
 * Write a mart as CSV (header row; quoting is DuckDB's: fields with a comma, quote or line
 * break are quoted). DuckDB writes it, in parallel, straight from the table: the largest
 * download (the pipeline's moves, 70 MB at ten million tasks) took 5 s through JavaScript.
 * Cells as the JSON has them, but text is guarded against spreadsheet formulas as
 * `guardCell` (src/components/csv.js) does for the pages' own downloads (test/csv.test.ts
 * checks that they agree), lists are joined with ";", and floats have 12 significant
 * digits (two builds must not differ in the last bit of a parallel sum).
 */
export async function writeCsv(db: Db, name: string, file: string): Promise<void> {
  const reader = await db.runAndReadAll(`SELECT column_name, data_type FROM information_schema.columns WHERE table_name = ${sqlString(name)} ORDER BY ordinal_position`);
  const columns = reader.getRowObjectsJson() as { column_name: string; data_type: string }[];
  const cells = columns.map(({ column_name: c, data_type: type }) => {
    const col = sqlIdent(c);
    if (/\[\]$/.test(type)) return `${guarded(`array_to_string(${col}, ';')`)} AS ${col}`;
    if (/^VARCHAR/.test(type)) return `${guarded(col)} AS ${col}`;
    if (FLOAT.test(type)) return `printf('%.12g', ${col}) AS ${col}`;
    return col;
  });
  await db.run(`COPY (SELECT ${cells.join(", ")} FROM ${sqlIdent(name)}) TO ${sqlString(file)} (FORMAT csv, HEADER, PRESERVE_ORDER)`);
}

/**
 * SQL for guardCell: text a spreadsheet would run as a formula gets a leading '. The
 * first character is looked up in a list rather than matched by a regular expression.
 */
function guarded(expr: string): string {
  return `CASE WHEN left(${expr}, 1) IN ('=', '+', '-', '@', chr(9), chr(13)) THEN '''' || ${expr} ELSE ${expr} END`;
}
