// Finds English left on a page of a Japanese build: every run of Latin letters in the
// rendered text (body text, chart text, the page <title>, tooltips' titles, buttons and
// inputs), less what is allowed to stay Latin — the product name, units and fixed
// abbreviations (ALLOWED), and names from the data: every word of the name columns of
// the marts the site ships (accounts, people, campaigns, lead sources, stages, teams, …).
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import type { Browser } from "playwright-core";
import { type Site, visit } from "./browser.ts";

/** Latin words a Japanese page may show, and why. */
export const ALLOWED: Record<string, string> = {
  Relay: "the product name",
  MQL: "marketing-qualified lead: the term Japanese sales teams use",
  SQL: "sales-qualified lead (an appointment), and the query language in file names",
  SGL: "sales-generated lead",
  IS: "inside sales, as Japanese B2B teams say it",
  FS: "field sales",
  BANT: "budget, authority, need, timing",
  CSV: "the file format",
  r: "Pearson's r",
  p75: "75th percentile",
  p90: "90th percentile",
  n: "a count, as in (n=12)",
  Gini: "the Gini coefficient's name beside ジニ係数",
  max: "max/min ratio",
  min: "max/min ratio",
  relay: "the command (relay query <mart>)",
  query: "the command (relay query <mart>)",
  mart: "the command's argument (relay query <mart>)",
  docs: "a file path (docs/metrics.md)",
  metrics: "a file path (docs/metrics.md)",
  md: "a file path",
  sql: "a file path (sql/marts/…)",
  marts: "a file path",
  rules: "a file path (sql/rules/…)",
  DuckDB: "the engine's name",
  CRM: "a product category",
  Alt: "a key on the keyboard (the sidebar's shortcut, Alt-B)",
  B: "a key on the keyboard (the sidebar's shortcut, Alt-B), and temperature B",
};

// columns whose values are names from the data (or from the rules the analyst writes)
const NAME_COLUMNS = /(^|_)(name|names)$|^(lead_source|stage_name|stage_then|stage_now|team|customer_type|campaign_type|size_band|tier|tiers|data_label|source|detail|segment|department|industry|column|loss_reason|top_loss_reason|temperature|timezone|holidays)$/;

/** The pages of a built site, as paths. */
export function pagesOf(dist: string): string[] {
  const out: string[] = [];
  const walk = (dir: string, prefix: string) => {
    for (const n of readdirSync(dir).sort()) {
      if (n.startsWith("_") || n.startsWith(".")) continue;
      const p = join(dir, n);
      if (statSync(p).isDirectory()) walk(p, `${prefix}${n}/`);
      else if (n.endsWith(".html")) out.push(`/${prefix}${n.replace(/\.html$/, "").replace(/^index$/, "")}`);
    }
  };
  walk(dist, "");
  return out;
}

/** Every word of every name column of the data files the site ships. */
export function dataWords(dist: string): Set<string> {
  const words = new Set<string>();
  const dir = join(dist, "_file", "data");
  const walk = (d: string): string[] => readdirSync(d).flatMap((n) => (statSync(join(d, n)).isDirectory() ? walk(join(d, n)) : [join(d, n)]));
  const take = (v: unknown) => {
    for (const w of String(v).match(/[A-Za-z][A-Za-z0-9]*/g) ?? []) words.add(w);
  };
  const visitRows = (value: unknown) => {
    if (Array.isArray(value)) return value.forEach(visitRows);
    if (value && typeof value === "object") {
      for (const [k, v] of Object.entries(value)) {
        if (NAME_COLUMNS.test(k) && v != null) take(v);
        else if (typeof v === "object") visitRows(v);
      }
    }
  };
  for (const f of walk(dir).filter((f) => f.endsWith(".json"))) visitRows(JSON.parse(readFileSync(f, "utf8")));
  return words;
}

/** The English words left on one page, in order of appearance, each once. */
export async function englishOnPage(browser: Browser, site: Site, dist: string, path: string, data = dataWords(dist)): Promise<string[]> {
  const v = await visit(browser, site, path);
  try {
    // what a reader sees: the page's title, every visible text node (each on its own, so
    // that neighbours do not run together), charts' text and tips, tooltips, placeholders
    const text: string = await v.page.evaluate(() => {
      const parts = [document.title];
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const el = n.parentElement;
        // code (a mart's name, a file, a command) is a name in every language
        if (!el || el.closest("script, style, code")) continue;
        if (el.closest("svg") || el.checkVisibility()) parts.push(n.textContent ?? "");
      }
      for (const e of document.querySelectorAll("[title], input[placeholder]")) parts.push(e.getAttribute("title") ?? "", e.getAttribute("placeholder") ?? "");
      return parts.join("\n");
    });
    // identifiers and file paths (forecasting_quotas, sql/rules/settings.sql) are names too
    const tokens = (text.match(/[A-Za-z][A-Za-z0-9_./-]*[A-Za-z0-9]|[A-Za-z]/g) ?? []).filter((w) => !/[_/]|\.(sql|md|csv|json)$/.test(w));
    const left = tokens.flatMap((w) => w.match(/[A-Za-z][A-Za-z0-9]*/g) ?? []).filter((w) => !(w in ALLOWED) && !data.has(w));
    return [...new Set(left)];
  } finally {
    await v.page.context().close();
  }
}
