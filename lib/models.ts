// Discovers the SQL models under sql/ and orders them by dependency, like a tiny dbt.
//
// - A file whose first statement is a `create ... macro` is run verbatim (rules that are
//   functions: tiers, calendar). It provides the macros it creates.
// - Any other file is a single SELECT and becomes a table named after the file.
// A model depends on the tables it names and the macros it calls; the order is a
// topological sort, ties broken by layer (rules, staging, intermediate, marts) and name,
// so the run order is stable.

import { readdirSync, readFileSync, statSync } from "node:fs";
import { basename, join, relative } from "node:path";

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
  dependsOn: string[];
}

export function stripComments(sql: string): string {
  return sql.replace(/--[^\n]*/g, "").replace(/\/\*[\s\S]*?\*\//g, "");
}

export function loadModels(sqlDir: string): Model[] {
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
      const provides = isDdl ? [...code.matchAll(/create\s+(?:or\s+replace\s+)?macro\s+(\w+)/gi)].map((m) => m[1].toLowerCase()) : [name];
      models.push({ name, layer, file, sql, isDdl, provides, description: leadingSentence(sql), dependsOn: [] });
    }
  }
  resolveDependencies(models);
  return sortModels(models, sqlDir);
}

/** The first sentence of the comment block a model file opens with. */
function leadingSentence(sql: string): string {
  const lines: string[] = [];
  for (const line of sql.split("\n")) {
    const m = line.match(/^\s*--\s?(.*)$/);
    if (!m) break;
    lines.push(m[1].trim());
  }
  const text = lines.join(" ");
  const end = text.search(/\.(\s|$)/);
  return end === -1 ? text : text.slice(0, end + 1);
}

function resolveDependencies(models: Model[]) {
  const tables = new Map<string, Model>();
  const macros = new Map<string, Model>();
  for (const m of models) for (const p of m.provides) (m.isDdl ? macros : tables).set(p, m);
  for (const m of models) {
    const code = stripComments(m.sql).toLowerCase();
    const deps = new Set<string>();
    for (const word of code.match(/\b[a-z_][a-z0-9_]*\b/g) ?? []) {
      const t = tables.get(word);
      if (t && t !== m) deps.add(t.name);
    }
    for (const call of code.matchAll(/\b([a-z_][a-z0-9_]*)\s*\(/g)) {
      const d = macros.get(call[1]);
      if (d && d !== m) deps.add(d.name);
    }
    m.dependsOn = [...deps].sort();
  }
}

function sortModels(models: Model[], sqlDir: string): Model[] {
  const byName = new Map(models.map((m) => [m.name, m]));
  if (byName.size !== models.length) {
    const seen = new Set<string>();
    const dup = models.find((m) => (seen.has(m.name) ? true : (seen.add(m.name), false)))!;
    throw new Error(`two SQL models are named ${dup.name}: model names must be unique across sql/ (${relative(sqlDir, dup.file)})`);
  }
  const rank = (m: Model) => `${LAYERS.indexOf(m.layer)}:${m.name}`;
  const done = new Set<string>();
  const visiting = new Set<string>();
  const out: Model[] = [];
  const visit = (m: Model, path: string[]) => {
    if (done.has(m.name)) return;
    if (visiting.has(m.name)) throw new Error(`SQL models depend on each other in a cycle: ${[...path, m.name].join(" -> ")}`);
    visiting.add(m.name);
    for (const d of m.dependsOn.map((n) => byName.get(n)!).sort((a, b) => rank(a).localeCompare(rank(b)))) visit(d, [...path, m.name]);
    visiting.delete(m.name);
    done.add(m.name);
    out.push(m);
  };
  for (const m of [...models].sort((a, b) => rank(a).localeCompare(rank(b)))) visit(m, []);
  return out;
}
