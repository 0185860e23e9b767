// Discovers the SQL models under sql/ and orders them by dependency, like a tiny dbt.
//
// - A file whose first statement is a `create ... macro` is run verbatim (rules that are
//   functions: tiers, calendar). It provides the macros it creates.
// - Any other file is a single SELECT and becomes a table named after the file.
// A model depends on the tables its query reads and the macros it calls. Both are read
// from DuckDB's own parse tree (json_serialize_sql), not from the words of the file, so
// a column or a CTE that happens to share a model's name makes no dependency. A CTE that
// shares a model's name would hide that model inside the query, so it is refused.
// The order is a topological sort, ties broken by layer (rules, staging, intermediate,
// marts) and name, so the run order is stable.

import { readdirSync, readFileSync, statSync } from "node:fs";
import { basename, join, relative } from "node:path";
import { DuckDBInstance } from "@duckdb/node-api";
import { sqlString } from "./db.ts";

export const LAYERS = ["rules", "staging", "intermediate", "marts"] as const;
export type Layer = (typeof LAYERS)[number];

export interface Model {
  name: string;
  layer: Layer;
  file: string;
  sql: string;
  /** Verbatim DDL (macros) rather than a SELECT to materialise. */
  isDdl: boolean;
  /** Table or macro names this file makes available. */
  provides: string[];
  /** One-line description: the first sentence of the file's opening comment. */
  description: string;
  /** The file's opening comment says `download: csv`: the build also writes it as CSV for the pages' download links. */
  csv: boolean;
  /**
   * The opening comment says `page files: one per <column>`: a page may read the mart in
   * parts, `data/<mart>/<value>.json` holding the rows with that value, and load only
   * the part it shows (lib/marts.ts).
   */
  splitBy: string | null;
  /**
   * The opening comment says `materialized: view`: the model is a view, computed where it
   * is read. For an intermediate model read by one other: its rows are not stored twice.
   */
  view: boolean;
  /** Names of the models this one reads (tables) or calls (macros), sorted. */
  dependsOn: string[];
}

export class ModelError extends Error {}

export function stripComments(sql: string): string {
  return sql.replace(/--[^\n]*/g, "").replace(/\/\*[\s\S]*?\*\//g, "");
}

const MACRO = /create\s+(?:or\s+replace\s+)?(?:temp(?:orary)?\s+)?macro\s+(\w+)\s*\(([^)]*)\)\s+as\s+(table\s+)?([\s\S]*)$/i;

/** Every model under `sqlDir`, in the order they must run. */
export async function loadModels(sqlDir: string): Promise<Model[]> {
  const models: Model[] = [];
  for (const layer of LAYERS) {
    const dir = join(sqlDir, layer);
    let names: string[] = [];
    try {
      names = readdirSync(dir).filter((n) => n.endsWith(".sql") && statSync(join(dir, n)).isFile()).sort();
    } catch {
      continue;
    }
    for (const n of names) {
      const file = join(dir, n);
      const sql = readFileSync(file, "utf8");
      const code = stripComments(sql).trim();
      const isDdl = /^create\s/i.test(code);
      const name = basename(n, ".sql");
      const provides = isDdl ? statements(code).map((s) => s.match(MACRO)?.[1]?.toLowerCase()).filter((x): x is string => !!x) : [name];
      models.push({ name, layer, file, sql, isDdl, provides, description: leadingSentence(sql), csv: /^\s*--\s*download:\s*csv\s*$/m.test(openingComment(sql)), splitBy: splitColumn(sql), view: /^\s*--\s*materialized:\s*view\s*$/m.test(openingComment(sql)), dependsOn: [] });
    }
  }
  await resolveDependencies(models, sqlDir);
  return sortModels(models, sqlDir);
}

function statements(code: string): string[] {
  return code.split(";").map((s) => s.trim()).filter(Boolean);
}

/** The comment lines a model file opens with. */
function openingComment(sql: string): string {
  const lines: string[] = [];
  for (const line of sql.split("\n")) {
    if (!/^\s*--/.test(line)) break;
    lines.push(line);
  }
  return lines.join("\n");
}

/** The column of a `-- page files: one per <column>` directive, if the file has one. */
function splitColumn(sql: string): string | null {
  return /^\s*--\s*page files:\s*one per\s+([a-z_][a-z0-9_]*)\s*$/m.exec(openingComment(sql))?.[1] ?? null;
}

/** The first sentence of the comment block a model file opens with (directives left out). */
function leadingSentence(sql: string): string {
  const lines = openingComment(sql).split("\n").map((l) => l.replace(/^\s*--\s?/, "").trim()).filter((l) => !/^(download|page files|materialized):/.test(l));
  const text = lines.join(" ");
  const end = text.search(/\.(\s|$)/);
  return end === -1 ? text : text.slice(0, end + 1);
}

interface Parsed {
  tables: Set<string>;
  ctes: Set<string>;
  functions: Set<string>;
}

/** Tables read, CTEs defined and functions called by each SELECT, from DuckDB's parse tree. */
async function parseSelects(selects: string[]): Promise<({ ok: true; parsed: Parsed } | { ok: false; error: string })[]> {
  const instance = await DuckDBInstance.create(":memory:");
  const con = await instance.connect();
  try {
    const out = [];
    for (const sql of selects) {
      const reader = await con.runAndReadAll(`SELECT json_serialize_sql(${sqlString(sql)}) AS tree`);
      const tree = JSON.parse(String(reader.getRowObjectsJson()[0].tree));
      if (tree.error) {
        out.push({ ok: false as const, error: String(tree.error_message ?? "cannot be parsed").split("\n")[0] });
        continue;
      }
      const parsed: Parsed = { tables: new Set(), ctes: new Set(), functions: new Set() };
      walk(tree.statements, parsed);
      out.push({ ok: true as const, parsed });
    }
    return out;
  } finally {
    con.closeSync();
    instance.closeSync();
  }
}

function walk(node: unknown, into: Parsed) {
  if (Array.isArray(node)) {
    for (const n of node) walk(n, into);
    return;
  }
  if (!node || typeof node !== "object") return;
  const n = node as Record<string, unknown>;
  if (n.type === "BASE_TABLE" && typeof n.table_name === "string") into.tables.add(n.table_name.toLowerCase());
  if (n.class === "FUNCTION" && typeof n.function_name === "string") into.functions.add(n.function_name.toLowerCase());
  const cteMap = (n.cte_map as { map?: { key: string }[] } | undefined)?.map;
  if (cteMap) for (const e of cteMap) into.ctes.add(e.key.toLowerCase());
  for (const v of Object.values(n)) walk(v, into);
}

async function resolveDependencies(models: Model[], sqlDir: string) {
  const tables = new Map<string, Model>();
  const macros = new Map<string, Model>();
  for (const m of models) for (const p of m.provides) (m.isDdl ? macros : tables).set(p, m);

  // one SELECT per model, or per macro body (a macro's body is an expression or a query)
  const jobs: { model: Model; sql: string }[] = [];
  for (const m of models) {
    const code = stripComments(m.sql);
    if (!m.isDdl) {
      jobs.push({ model: m, sql: code });
      continue;
    }
    for (const s of statements(code)) {
      const macro = s.match(MACRO);
      if (!macro) throw new ModelError(`sql/${relative(sqlDir, m.file)}: every statement of a rules file that starts with create must create a macro; found: ${s.slice(0, 60)}…`);
      jobs.push({ model: m, sql: macro[3] ? macro[4] : `SELECT (${macro[4]})` });
    }
  }
  const results = await parseSelects(jobs.map((j) => j.sql));
  const deps = new Map<Model, Set<string>>(models.map((m) => [m, new Set<string>()]));
  results.forEach((r, i) => {
    const { model } = jobs[i];
    const where = `sql/${relative(sqlDir, model.file)}`;
    if (!r.ok) throw new ModelError(`${where}: ${r.error}`);
    for (const cte of r.parsed.ctes) {
      const shadowed = tables.get(cte);
      if (shadowed && shadowed !== model) {
        throw new ModelError(`${where}: the CTE "${cte}" has the name of the model sql/${relative(sqlDir, shadowed.file)} and would hide it inside this query; rename the CTE`);
      }
    }
    for (const t of r.parsed.tables) {
      const d = tables.get(t);
      if (d && d !== model && !r.parsed.ctes.has(t)) deps.get(model)!.add(d.name);
    }
    for (const f of r.parsed.functions) {
      const d = macros.get(f);
      if (d && d !== model) deps.get(model)!.add(d.name);
    }
  });
  for (const m of models) m.dependsOn = [...deps.get(m)!].sort();
}

function sortModels(models: Model[], sqlDir: string): Model[] {
  const byName = new Map(models.map((m) => [m.name, m]));
  if (byName.size !== models.length) {
    const seen = new Set<string>();
    const dup = models.find((m) => (seen.has(m.name) ? true : (seen.add(m.name), false)))!;
    throw new ModelError(`two SQL models are named ${dup.name}: model names must be unique across sql/ (${relative(sqlDir, dup.file)})`);
  }
  const rank = (m: Model) => `${LAYERS.indexOf(m.layer)}:${m.name}`;
  const done = new Set<string>();
  const visiting = new Set<string>();
  const out: Model[] = [];
  const visit = (m: Model, path: string[]) => {
    if (done.has(m.name)) return;
    if (visiting.has(m.name)) throw new ModelError(`SQL models depend on each other in a cycle: ${[...path, m.name].join(" -> ")}`);
    visiting.add(m.name);
    for (const d of m.dependsOn.map((n) => byName.get(n)!).sort((a, b) => rank(a).localeCompare(rank(b)))) visit(d, [...path, m.name]);
    visiting.delete(m.name);
    done.add(m.name);
    out.push(m);
  };
  for (const m of [...models].sort((a, b) => rank(a).localeCompare(rank(b)))) visit(m, []);
  return out;
}
