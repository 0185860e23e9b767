// Writes rows to Parquet through DuckDB, streaming: each row becomes a CSV line in a
// scratch file (so millions of rows do not sit in memory), plain ASCII text and whole
// numbers going byte by byte into a buffer; then one COPY reads the file with a fixed
// schema (nothing is sniffed) and writes the Parquet file on one thread. A native call
// per value (DuckDB's appender, used before) cost several times more. Values convert as
// the appender converted them (a fraction in an INTEGER or DATE column is an error, never
// rounded), and the same rows in the same order give a byte-identical file. Used by the
// sample generator and the test fixtures.

import { closeSync, openSync, rmSync, writeSync } from "node:fs";
import { join } from "node:path";
import { DuckDBInstance } from "@duckdb/node-api";
import { sqlIdent, sqlString } from "./db.ts";
import { scratchDir } from "./scratch.ts";

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
/** Bytes of CSV buffered before they are written to the scratch file. */
const BUFFER_BYTES = 1 << 22;

/** How one column travels: the text of a non-null value, the type COPY reads it as, and the expression that turns it into the column's type. */
interface Codec {
  encode: (v: Exclude<Value, null | undefined>) => string;
  csvType: string;
  select: (col: string) => string;
}

// A field is quoted only when it must be: an empty string (unquoted empty is NULL) or
// text holding the delimiter, the quote or a line break.
const NEEDS_QUOTES = /[",\r\n]/;
const encodeText = (s: string) => (s === "" ? '""' : NEEDS_QUOTES.test(s) ? `"${s.replaceAll('"', '""')}"` : s);

function codecFor(type: string): Codec {
  const same = (col: string) => col;
  const decimal = type.match(/^DECIMAL\((\d+),(\d+)\)$/);
  if (decimal) {
    const scale = Number(decimal[2]);
    return { encode: (v) => decimalText(decimalUnits(v, scale), scale), csvType: type, select: same };
  }
  switch (type) {
    case "VARCHAR":
      return { encode: (v) => encodeText(String(v)), csvType: "VARCHAR", select: same };
    case "BOOLEAN":
      return { encode: (v) => (v ? "true" : "false"), csvType: "BOOLEAN", select: same };
    case "INTEGER":
      return { encode: (v) => String(int32(Number(v), "number")), csvType: "INTEGER", select: same };
    case "BIGINT":
      return { encode: (v) => String(BigInt(v as number)), csvType: "BIGINT", select: same };
    case "DOUBLE":
      return { encode: (v) => doubleText(Number(v)), csvType: "DOUBLE", select: same };
    case "TIMESTAMP":
      // microseconds since the epoch (UTC)
      return {
        encode: (v) => (typeof v === "number" && Number.isSafeInteger(v) ? `${v}000` : String(BigInt(typeof v === "number" ? v : Date.parse(isoUtc(String(v)))) * 1000n)),
        csvType: "BIGINT",
        select: (col) => `make_timestamp(${col})`,
      };
    case "DATE":
      // days since 1970-01-01, as an int32
      return {
        encode: (v) => String(int32(typeof v === "number" ? v : Math.round(Date.parse(`${v}T00:00:00Z`) / DAY_MS), "days")),
        csvType: "INTEGER",
        select: (col) => `(DATE '1970-01-01' + ${col})`,
      };
    default:
      throw new Error(`parquet-writer: unsupported column type ${type}`);
  }
}

/** An int32, or an error: a fraction, NaN or a value out of range is refused, never rounded. */
function int32(n: number, what: string): number {
  if (!Number.isInteger(n)) throw new Error(`${what} is not an integer`);
  if (n < -2147483648 || n > 2147483647) throw new Error(`${what} out of int32 range`);
  return n;
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

/** Units of 10^-scale as decimal text: 123456n, 2 -> "1234.56". */
function decimalText(units: bigint, scale: number): string {
  const negative = units < 0n;
  const digits = (negative ? -units : units).toString().padStart(scale + 1, "0");
  const text = scale === 0 ? digits : `${digits.slice(0, -scale)}.${digits.slice(-scale)}`;
  return negative ? `-${text}` : text;
}

/** A double as text DuckDB reads back to the same double. */
function doubleText(n: number): string {
  if (Number.isNaN(n)) return "nan";
  if (n === Infinity) return "inf";
  if (n === -Infinity) return "-inf";
  return Object.is(n, -0) ? "-0.0" : String(n);
}

/**
 * Writes one row's CSV line into the table's buffer, as a function compiled for the
 * columns: a constant first field (so that no line is ever blank), then each column's
 * text, empty for null. The common values (text, whole numbers, booleans), the bulk of a
 * large table, go straight into the buffer as bytes; anything else is its codec's text.
 */
type RowWriter = (row: Record<string, Value>, w: ParquetTable, codecs: Codec[]) => void;

function rowWriter(columns: ColumnDef[]): RowWriter {
  const parts = columns.map((c, i) => {
    const v = `v${i}`;
    const slow = `w.raw(codecs[${i}].encode(${v}))`;
    const decimal = c.type.match(/^DECIMAL\((\d+),(\d+)\)$/);
    const fraction = decimal && Number(decimal[2]) > 0 ? `; w.text(${JSON.stringify("." + "0".repeat(Number(decimal[2])))})` : "";
    const write =
      c.type === "VARCHAR" ? `if (typeof ${v} === "string") w.text(${v}); else ${slow};`
      : c.type === "TIMESTAMP" ? `if (typeof ${v} === "number" && Number.isSafeInteger(${v})) { w.int(${v}); w.text("000"); } else ${slow};`
      : c.type === "INTEGER" || c.type === "DATE" ? `if (typeof ${v} === "number" && (${v} | 0) === ${v}) w.int(${v}); else ${slow};`
      : c.type === "BOOLEAN" ? `if (typeof ${v} === "boolean") w.text(${v} ? "true" : "false"); else ${slow};`
      : decimal ? `if (typeof ${v} === "number" && Number.isSafeInteger(${v})) { w.int(${v})${fraction}; } else ${slow};`
      : `${slow};`;
    return `const ${v} = row[${JSON.stringify(c.name)}];\nw.comma();\nif (${v} !== null && ${v} !== undefined) { ${write} }`;
  });
  return new Function(`return function writeRow(row, w, codecs) {\nw.startRow();\n${parts.join("\n")}\nw.endRow();\n};`)() as RowWriter;
}

export class ParquetTable {
  private rows = 0;
  private readonly buffer = Buffer.allocUnsafe(BUFFER_BYTES);
  /** Bytes in the buffer, and bytes already written to the scratch file. */
  private used = 0;
  private written = 0;
  private rowStart = 0;
  /** Bytes of the longest line: the CSV reader must be told of a line over its default limit. */
  private longest = 0;
  private readonly writeRow: RowWriter;
  private constructor(
    private readonly fd: number,
    private readonly codecs: Codec[],
    private readonly columns: ColumnDef[],
    private readonly path: string,
    private readonly scratch: string,
  ) {
    this.writeRow = rowWriter(columns);
  }

  static async open(path: string, columns: ColumnDef[]): Promise<ParquetTable> {
    const codecs = columns.map((c) => codecFor(c.type));
    // in .relay/tmp (lib/scratch.ts): removed when the table closes, or by the next command if killed
    const scratch = scratchDir("parquet");
    const fd = openSync(join(scratch, "rows.csv"), "w");
    return new ParquetTable(fd, codecs, columns, path, scratch);
  }

  /** Append one row; columns not in `row` are null. */
  add(row: Record<string, Value>) {
    this.writeRow(row, this, this.codecs);
    this.rows++;
  }

  // ---- the row writer's steps (public only for the compiled row writer) ----

  startRow() {
    this.rowStart = this.written + this.used;
    this.room(1);
    this.buffer[this.used++] = 48; // "0"
  }

  comma() {
    this.room(1);
    this.buffer[this.used++] = 44;
  }

  endRow() {
    this.room(1);
    this.buffer[this.used++] = 10;
    const bytes = this.written + this.used - this.rowStart;
    if (bytes > this.longest) this.longest = bytes;
  }

  /** Text as a CSV field: plain ASCII byte by byte; an empty string, a delimiter, a quote, a line break or any other character through encodeText. */
  text(s: string) {
    const n = s.length;
    if (n === 0 || this.used + n > this.buffer.length) return this.raw(encodeText(s));
    const b = this.buffer;
    let at = this.used;
    for (let k = 0; k < n; k++) {
      const c = s.charCodeAt(k);
      if (c >= 128 || c === 34 || c === 44 || c === 10 || c === 13) return this.raw(encodeText(s));
      b[at++] = c;
    }
    this.used = at;
  }

  /** A safe integer in decimal digits. */
  int(x: number) {
    this.room(24);
    const b = this.buffer;
    let at = this.used;
    if (x < 0) {
      b[at++] = 45;
      x = -x;
    }
    let digits = 1;
    for (let t = x; t >= 10; t = Math.floor(t / 10)) digits++;
    at += digits;
    this.used = at;
    while (x >= 10) {
      const q = Math.floor(x / 10);
      b[--at] = 48 + (x - q * 10);
      x = q;
    }
    b[--at] = 48 + x;
  }

  /** Text already in CSV form, as UTF-8. */
  raw(s: string) {
    // a UTF-16 code unit takes at most 3 bytes of UTF-8
    if (this.used + 3 * s.length > this.buffer.length) {
      this.flush();
      if (3 * s.length > this.buffer.length) {
        const bytes = Buffer.from(s);
        this.writeAll(bytes, bytes.length);
        return;
      }
    }
    this.used += this.buffer.write(s, this.used);
  }

  private room(bytes: number) {
    if (this.used + bytes > this.buffer.length) this.flush();
  }

  private flush() {
    this.writeAll(this.buffer, this.used);
    this.used = 0;
  }

  private writeAll(bytes: Buffer, length: number) {
    for (let at = 0; at < length; ) at += writeSync(this.fd, bytes, at, length - at);
    this.written += length;
  }

  /** Drop the scratch file without writing anything (a row was refused). */
  discard() {
    closeSync(this.fd);
    rmSync(this.scratch, { recursive: true, force: true });
  }

  /** Write the Parquet file and drop the scratch file. Returns the row count. */
  async close(): Promise<number> {
    this.flush();
    closeSync(this.fd);
    const csv = join(this.scratch, "rows.csv");
    const names = this.columns.map((_, i) => `c${i}`);
    const schema = `{'_': 'VARCHAR', ${this.codecs.map((c, i) => `'${names[i]}': '${c.csvType}'`).join(", ")}}`;
    const select = this.columns.map((c, i) => `${this.codecs[i].select(names[i])} AS ${sqlIdent(c.name)}`).join(", ");
    // DuckDB's defaults (lines up to 2 MiB, a 32 MiB buffer) unless a line is longer
    const maxLine = Math.max(1 << 21, 2 ** Math.ceil(Math.log2(this.longest + 1)));
    const read =
      `read_csv(${sqlString(csv)}, columns = ${schema}, header = false, auto_detect = false, delim = ',', quote = '"', escape = '"', ` +
      `new_line = '\\n', allow_quoted_nulls = false, strict_mode = true, max_line_size = ${maxLine}, buffer_size = ${Math.max(1 << 25, 4 * maxLine)})`;
    const instance = await DuckDBInstance.create(":memory:");
    const con = await instance.connect();
    try {
      // One thread keeps row groups, and so the bytes, the same every time.
      await con.run("SET threads = 1");
      await con.run(`COPY (SELECT ${select} FROM ${read}) TO ${sqlString(this.path)} (FORMAT parquet, COMPRESSION zstd)`);
    } finally {
      con.closeSync();
      instance.closeSync();
      rmSync(this.scratch, { recursive: true, force: true });
    }
    return this.rows;
  }
}

/** Write all `rows` to `path` in one go. */
export async function writeParquet(path: string, columns: ColumnDef[], rows: Iterable<Record<string, Value>>): Promise<number> {
  const t = await ParquetTable.open(path, columns);
  try {
    for (const r of rows) {
      const unknown = Object.keys(r).filter((k) => !columns.some((c) => c.name === k));
      if (unknown.length) throw new Error(`parquet-writer: unknown column(s) ${unknown.join(", ")} for ${path}`);
      t.add(r);
    }
  } catch (e) {
    t.discard();
    throw e;
  }
  return t.close();
}
