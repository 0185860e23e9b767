// Which mart files the pages read: every `FileAttachment("…data/<mart>.json")` (or .csv,
// or a part `…data/<mart>/<value>.json` of a mart split for its pages) in src/. `relay build` writes those and no others, so a mart that only `relay query`
// prints (pipeline_flow_deals at ten million tasks is 200 MB of JSON) costs no time and
// no disk in a build.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { PROJECT_ROOT } from "./config.ts";
import { filesBelow } from "./files.ts";

export const SRC_DIR = join(PROJECT_ROOT, "src");

export interface PageFiles {
  json: string[];
  csv: string[];
  /** Marts read in parts (`data/<mart>/<value>.json`): the values each is read by. */
  parts: Record<string, string[]>;
}

export function pageFiles(srcDir = SRC_DIR): PageFiles {
  const json = new Set<string>();
  const csv = new Set<string>();
  const parts = new Map<string, Set<string>>();
  for (const file of pageSources(srcDir).filter((f) => /\.(md|js)$/.test(f))) {
    const text = readFileSync(file, "utf8");
    for (const m of text.matchAll(/FileAttachment\(\s*["'`](?:\.\.?\/|\/)*data\/([a-z0-9_]+)\.(json|csv)["'`]\s*\)/g)) {
      (m[2] === "json" ? json : csv).add(m[1]);
    }
    for (const m of text.matchAll(/FileAttachment\(\s*["'`](?:\.\.?\/|\/)*data\/([a-z0-9_]+)\/([a-z0-9_-]+)\.json["'`]\s*\)/g)) {
      if (!parts.has(m[1])) parts.set(m[1], new Set());
      parts.get(m[1])!.add(m[2]);
    }
  }
  return {
    json: [...json].sort(),
    csv: [...csv].sort(),
    parts: Object.fromEntries([...parts].sort(([a], [b]) => a.localeCompare(b)).map(([mart, values]) => [mart, [...values].sort()])),
  };
}

/**
 * The files the pages are made of: src/ but for its data (a link to the marts,
 * lib/site-data.ts) and Framework's cache (.observablehq).
 */
export function pageSources(srcDir = SRC_DIR): string[] {
  return filesBelow(srcDir, (name, depth) => name.startsWith(".") || (depth === 0 && name === "data"));
}
