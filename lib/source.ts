// The source layer: finds each contract object in the data directory, stops on
// structural problems (missing object or column, unreadable file, wrong type), and
// creates one view per object, `src_<object>`, with exactly the contract's columns
// under their contract names and types. Staging SQL reads only these views, so it
// never has to care whether a column was missing, spelt in another case, or stored as
// ISO text. PII columns are never selected: no rule needs them, so they never leave
// the Parquet file.

import { existsSync, readdirSync, statSync } from "node:fs";
import { basename, join } from "node:path";
import { CONTRACT, type ColumnSpec, type ObjectSpec } from "./contract.ts";
import { type Db, queryRows, sqlIdent, sqlString } from "./db.ts";
import { InputError } from "./errors.ts";

export interface SourceObject {
  object: string;
  present: boolean;
  /** Path relative to the data directory: `leads.parquet` or `leads/` */
  label: string;
  files: string[];
  rowsRead: number;
  /** Contract columns found in the export. */
  columns: string[];
}

export interface SourceWarning {
  object: string;
  column: string;
  warning: string;
  rows: number;
}

export interface SourceReport {
  dataDir: string;
  objects: SourceObject[];
  warnings: SourceWarning[];
}

const INTEGER = /^(TINYINT|SMALLINT|INTEGER|BIGINT|HUGEINT|UTINYINT|USMALLINT|UINTEGER|UBIGINT|UHUGEINT)$/;
const NUMERIC = /^(TINYINT|SMALLINT|INTEGER|BIGINT|HUGEINT|UTINYINT|USMALLINT|UINTEGER|UBIGINT|UHUGEINT|FLOAT|DOUBLE|DECIMAL\(\d+,\d+\))$/;
const NAIVE_TIMESTAMP = /^TIMESTAMP(_S|_MS|_NS)?$/;
const TZ_TIMESTAMP = "TIMESTAMP WITH TIME ZONE";
// ISO-8601 text with an explicit offset; text without one is read as UTC.
const HAS_OFFSET = `'(Z|[+-]\\d{2}(:?\\d{2})?)$'`;

/** Find every contract object in `dataDir` and create its `src_<object>` view. */
export async function loadSources(db: Db, dataDir: string): Promise<SourceReport> {
  const entries = listDataDir(dataDir);
  const report: SourceReport = { dataDir, objects: [], warnings: [] };
  for (const spec of CONTRACT) {
    const found = findObject(dataDir, entries, spec);
    const { obj, types } = found ? await readObject(db, dataDir, spec, found, report.warnings) : absentObject(spec);
    await createView(db, spec, obj, types);
    report.objects.push(obj);
  }
  await recordReport(db, report);
  return report;
}

function listDataDir(dataDir: string): Map<string, string> {
  let names: string[];
  try {
    if (!statSync(dataDir).isDirectory()) throw new Error("not a directory");
    names = readdirSync(dataDir);
  } catch (e) {
    throw new InputError(dataDir, null, `the data directory cannot be read (${(e as Error).message})`,
      "point --data (or RELAY_DATA) at a readable folder holding users.parquet, leads.parquet and opportunities.parquet, or run `relay sample` to make one");
  }
  // Object names match case-insensitively.
  return new Map(names.map((n) => [n.toLowerCase(), n]));
}

interface Found { label: string; files: string[] }

function findObject(dataDir: string, entries: Map<string, string>, spec: ObjectSpec): Found | null {
  const file = entries.get(`${spec.name}.parquet`);
  const folder = entries.get(spec.name);
  const folderIsDir = folder !== undefined && statSync(join(dataDir, folder)).isDirectory();
  if (file && folderIsDir) {
    throw new InputError(join(dataDir, file), null, `both ${file} and the folder ${folder}/ exist, so it is unclear which holds ${spec.name}`,
      `keep one: delete ${file} or the folder ${folder}/`);
  }
  if (file) return { label: file, files: [join(dataDir, file)] };
  if (folderIsDir) {
    const parts = listParts(join(dataDir, folder!));
    return { label: `${folder}/`, files: parts };
  }
  if (spec.required) {
    throw new InputError(join(dataDir, `${spec.name}.parquet`), null, `the required object ${spec.name} is missing`,
      `export ${spec.name} as ${spec.name}.parquet (or a folder ${spec.name}/ of Parquet parts) into ${dataDir}`);
  }
  return null;
}

function listParts(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    let names: string[];
    try {
      names = readdirSync(d).sort();
    } catch (e) {
      throw new InputError(d, null, `the folder cannot be read (${(e as Error).message})`, "make the folder readable by the user running relay");
    }
    for (const n of names) {
      const p = join(d, n);
      if (statSync(p).isDirectory()) walk(p);
      else if (n.toLowerCase().endsWith(".parquet")) out.push(p);
    }
  };
  walk(dir);
  return out;
}

type SourceTypes = Map<string, { name: string; type: string }>;

async function readObject(db: Db, dataDir: string, spec: ObjectSpec, found: Found, warnings: SourceWarning[]): Promise<{ obj: SourceObject; types: SourceTypes }> {
  const where = join(dataDir, found.label);
  if (found.files.length === 0) {
    throw new InputError(where, null, "the folder holds no .parquet files",
      `export ${spec.name} into it as one or more .parquet parts, or remove the empty folder`);
  }
  // Read each part's footer on its own so that a corrupt part is named.
  let rowsRead = 0;
  for (const f of found.files) {
    try {
      const [r] = await queryRows(db, `SELECT count(*)::BIGINT AS n FROM read_parquet(${sqlString(f)})`);
      rowsRead += Number(r.n);
    } catch (e) {
      throw new InputError(f, null, `the file is not readable Parquet (${firstLine(e)})`,
        `re-export ${spec.name}${found.files.length > 1 ? " (this part)" : ""} as Parquet`);
    }
  }
  if (spec.required && rowsRead === 0) {
    throw new InputError(where, null, `the required object ${spec.name} has zero rows`,
      `export a non-empty ${spec.name}; a dashboard cannot be built without it`);
  }
  const types = await describe(db, found.files);
  const columns: string[] = [];
  for (const col of spec.columns) {
    const src = types.get(col.name.toLowerCase());
    if (!src) {
      if (col.required) {
        throw new InputError(where, col.name, `the required column ${col.name} is missing`,
          `add ${col.name} (${col.type}) to the ${spec.name} export; names match case-insensitively`);
      }
      continue;
    }
    columns.push(col.name);
    if (col.pii) continue;
    castExpression(col, src.type, where, spec.name, src.name); // throws on a type it cannot read
    if (src.type === "VARCHAR" && (col.type === "TIMESTAMP" || col.type === "DATE")) {
      await checkIsoText(db, found.files, where, spec.name, col, src.name, warnings);
    }
  }
  const obj = { object: spec.name, present: true, label: found.label, files: found.files, rowsRead, columns };
  return { obj, types };
}

function absentObject(spec: ObjectSpec): { obj: SourceObject; types: SourceTypes } {
  return { obj: { object: spec.name, present: false, label: "", files: [], rowsRead: 0, columns: [] }, types: new Map() };
}

async function describe(db: Db, files: string[]): Promise<SourceTypes> {
  const rows = await queryRows(db, `DESCRIBE SELECT * FROM ${readParquet(files)}`);
  const out: SourceTypes = new Map();
  for (const r of rows) {
    const name = String(r.column_name);
    const key = name.toLowerCase();
    if (out.has(key)) {
      throw new InputError(files[0], name, `two columns differ only in case (${out.get(key)!.name}, ${name})`, "drop one of them from the export");
    }
    out.set(key, { name, type: String(r.column_type) });
  }
  return out;
}

function readParquet(files: string[]): string {
  return `read_parquet([${files.map(sqlString).join(", ")}], union_by_name = true)`;
}

/** The SQL that reads a source column as its contract type, or an InputError if it cannot. */
function castExpression(col: ColumnSpec, srcType: string, file: string, object: string, srcName = col.name): string {
  const c = sqlIdent(srcName);
  const wrong = (fix: string) =>
    new InputError(file, col.name, `has type ${srcType}, which cannot be read as ${col.type}`, fix);
  switch (col.type) {
    case "VARCHAR":
      if (srcType === "VARCHAR") return c;
      if (INTEGER.test(srcType)) return `CAST(${c} AS VARCHAR)`;
      throw wrong(`write ${col.name} as text (VARCHAR) in the ${object} export`);
    case "TIMESTAMP":
      if (NAIVE_TIMESTAMP.test(srcType)) return utcTimestamp(`CAST(${c} AS TIMESTAMP)`);
      if (srcType === TZ_TIMESTAMP) return c;
      if (srcType === "DATE") return `CAST(${c} AS TIMESTAMPTZ)`;
      if (srcType === "VARCHAR") return isoTimestamp(c);
      throw wrong(`write ${col.name} as a UTC TIMESTAMP (or TIMESTAMP WITH TIME ZONE) in the ${object} export`);
    case "DATE":
      if (srcType === "DATE") return c;
      if (NAIVE_TIMESTAMP.test(srcType) || srcType === TZ_TIMESTAMP) return `CAST(${c} AS DATE)`;
      if (srcType === "VARCHAR") return `coalesce(try_cast(${c} AS DATE), CAST(try_cast(${c} AS TIMESTAMP) AS DATE))`;
      throw wrong(`write ${col.name} as a DATE in the ${object} export`);
    case "BOOLEAN":
      if (srcType === "BOOLEAN") return c;
      throw wrong(`write ${col.name} as BOOLEAN (true/false) in the ${object} export`);
    case "INTEGER":
      if (NUMERIC.test(srcType)) return `try_cast(${c} AS BIGINT)`;
      throw wrong(`write ${col.name} as a number (INTEGER) in the ${object} export`);
    case "DECIMAL":
      // Exact decimals; NaN, infinities and overflows become NULL here and are
      // quarantined in staging through the `<column>__invalid` flag.
      if (NUMERIC.test(srcType)) return `try_cast(${c} AS DECIMAL(38,4))`;
      throw wrong(`write ${col.name} as a number (DECIMAL or DOUBLE) in the ${object} export`);
  }
}

function isoTimestamp(c: string): string {
  return `CASE WHEN regexp_matches(${c}, ${HAS_OFFSET}) THEN try_cast(${c} AS TIMESTAMPTZ) ELSE ${utcTimestamp(`try_cast(${c} AS TIMESTAMP)`)} END`;
}

/**
 * A TIMESTAMP that is UTC, as the instant it names (TIMESTAMPTZ). Both types count
 * microseconds from 1970-01-01 UTC, so the value is the same number: make_timestamptz
 * takes it as it is, where timezone('UTC', …) asks ICU for every row (six times slower:
 * 0.8 s against 0.13 s for ten million tasks). ±infinity has no such number and is cast.
 */
function utcTimestamp(ts: string): string {
  return `CASE WHEN isfinite(${ts}) THEN make_timestamptz(epoch_us(${ts})) ELSE CAST(${ts} AS TIMESTAMPTZ) END`;
}

/** ISO-8601 text where a date or timestamp belongs: accepted with a warning, but every value must parse. */
async function checkIsoText(db: Db, files: string[], file: string, object: string, col: ColumnSpec, srcName: string, warnings: SourceWarning[]) {
  const c = sqlIdent(srcName);
  const parsed = castExpression(col, "VARCHAR", file, object, srcName);
  const [r] = await queryRows(db, `
    SELECT count(${c})::BIGINT AS text_rows,
           count(*) FILTER (WHERE ${c} IS NOT NULL AND trim(${c}) <> '' AND (${parsed}) IS NULL)::BIGINT AS bad,
           any_value(${c}) FILTER (WHERE ${c} IS NOT NULL AND trim(${c}) <> '' AND (${parsed}) IS NULL) AS example
    FROM ${readParquet(files)}`);
  if (Number(r.bad) > 0) {
    throw new InputError(file, col.name, `holds text, and ${r.bad} value(s) are not ISO-8601 dates (e.g. "${r.example}")`,
      `write ${col.name} as ${col.type} (or as ISO-8601 text such as 2024-04-01T09:30:00Z)`);
  }
  warnings.push({ object, column: col.name, warning: `text read as ISO-8601 ${col.type === "DATE" ? "date" : "UTC timestamp"}`, rows: Number(r.text_rows) });
}

async function createView(db: Db, spec: ObjectSpec, obj: SourceObject, types: SourceTypes) {
  const select: string[] = [];
  for (const col of spec.columns) {
    if (col.pii) continue;
    const src = types.get(col.name.toLowerCase());
    const expr = src ? castExpression(col, src.type, obj.label, spec.name, src.name) : `CAST(NULL AS ${targetType(col)})`;
    select.push(`${expr} AS ${sqlIdent(col.name)}`);
    if (col.type === "DECIMAL") {
      select.push(`${src ? `(${sqlIdent(src.name)} IS NOT NULL AND ${expr} IS NULL)` : "false"} AS ${sqlIdent(col.name + "__invalid")}`);
    }
  }
  const from = obj.present ? readParquet(obj.files) : "(SELECT 1) WHERE false";
  await db.run(`CREATE OR REPLACE VIEW ${sqlIdent("src_" + spec.name)} AS SELECT ${select.join(",\n  ")} FROM ${from}`);
}

function targetType(col: ColumnSpec): string {
  return col.type === "TIMESTAMP" ? "TIMESTAMPTZ" : col.type === "DECIMAL" ? "DECIMAL(38,4)" : col.type === "INTEGER" ? "BIGINT" : col.type;
}

/** The source report as tables, so staging and the data-quality marts can read it. */
async function recordReport(db: Db, report: SourceReport) {
  await db.run(`CREATE OR REPLACE TABLE relay_source_objects (object VARCHAR, present BOOLEAN, label VARCHAR, parts INTEGER, rows_read BIGINT)`);
  await db.run(`CREATE OR REPLACE TABLE relay_source_columns (object VARCHAR, column_name VARCHAR)`);
  await db.run(`CREATE OR REPLACE TABLE relay_source_warnings (object VARCHAR, column_name VARCHAR, warning VARCHAR, rows BIGINT)`);
  for (const o of report.objects) {
    await db.run(`INSERT INTO relay_source_objects VALUES (${sqlString(o.object)}, ${o.present}, ${sqlString(o.label)}, ${o.files.length}, ${o.rowsRead})`);
    for (const c of o.columns) await db.run(`INSERT INTO relay_source_columns VALUES (${sqlString(o.object)}, ${sqlString(c)})`);
  }
  // The data set's name for the home page: its folder name, never the full path.
  const isSample = existsSync(join(report.dataDir, "relay-sample.json"));
  await db.run(`CREATE OR REPLACE TABLE relay_data AS SELECT ${sqlString(basename(report.dataDir))} AS label, ${isSample} AS is_sample`);
  for (const w of report.warnings) {
    await db.run(`INSERT INTO relay_source_warnings VALUES (${sqlString(w.object)}, ${sqlString(w.column)}, ${sqlString(w.warning)}, ${w.rows})`);
  }
}

function firstLine(e: unknown): string {
  return String((e as Error).message ?? e).split("\n")[0];
}

