// One page per IS rep, built from the generated sample (scale 1) into a temporary folder:
// every IS rep of the sample has a page, each page ships only its own rep's rows (no other
// rep's deals, no lead PII), and the sample tells the productivity story through the marts.
// The sample's own facts are read straight from its Parquet files, not through our models.
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { DuckDBInstance } from "@duckdb/node-api";
import { beforeAll, describe, expect, it } from "vitest";
import { generateSample } from "../lib/sample/generate.ts";
import { tempDir } from "./helpers/fixture.ts";
import { relay } from "./helpers/relay.ts";
import { hasChromium, launch, serve, visit } from "./helpers/browser.ts";

const work = tempDir("relay-rep-pages-");
const data = join(work, "sample");
const out = join(work, "site");

async function sql(query: string): Promise<Record<string, unknown>[]> {
  const db = await DuckDBInstance.create(":memory:");
  const con = await db.connect();
  for (const o of ["users", "leads", "opportunities"]) await con.run(`CREATE VIEW ${o} AS SELECT * FROM read_parquet('${join(data, o)}.parquet')`);
  const rows = (await con.runAndReadAll(query)).getRowObjectsJS();
  con.closeSync();
  return rows as Record<string, unknown>[];
}

/** A file Framework shipped, found by its name before the content hash. */
function shippedFile(dir: string, name: string): string {
  const file = readdirSync(dir).find((n) => n.startsWith(`${name}.`) && n.endsWith(".json"));
  if (!file) throw new Error(`${name} not shipped in ${dir}`);
  return join(dir, file);
}

type Rows = Record<string, unknown>[];
const repData = (rep: string) => JSON.parse(readFileSync(shippedFile(join(out, "_file", "data", "reps"), rep), "utf8")) as Record<string, Rows>;

let isReps: string[];
let setterOf: Map<string, string>;

beforeAll(async () => {
  await generateSample({ outDir: data, seed: 42, scale: 1 });
  const r = await relay(["build", "--data", data, "--as-of", "2025-09-30", "--out", out]);
  expect(r.code, `${r.out}\n${r.err}`).toBe(0);
  // IS reps: users in the IS department, and anyone credited as appointment setter
  isReps = (await sql(`
    SELECT Id AS id FROM users WHERE upper(trim(Department)) = 'IS'
    UNION SELECT AppointmentSetterId__c FROM opportunities WHERE AppointmentSetterId__c IS NOT NULL
    ORDER BY 1`)).map((x) => String(x.id));
  setterOf = new Map((await sql("SELECT Id, AppointmentSetterId__c AS setter FROM opportunities")).map((x) => [String(x.Id), String(x.setter)]));
}, 180_000);

describe("rep pages of the sample", () => {
  it("builds one page per IS rep, and nothing else under reps/", () => {
    expect(isReps.length).toBeGreaterThan(5);
    const pages = readdirSync(join(out, "reps")).filter((n) => n.endsWith(".html")).map((n) => n.slice(0, -".html".length)).sort();
    expect(pages).toEqual(isReps);
  });

  it("ships each rep page only that rep's rows: their own data file, their own deals", () => {
    let deals = 0;
    for (const rep of isReps) {
      const html = readFileSync(join(out, "reps", `${rep}.html`), "utf8");
      // the page loads one data file, its own
      const files = [...new Set([...html.matchAll(/_file\/data\/reps\/([^"'/]+)\.[0-9a-f]+\.json/g)].map((m) => m[1]))];
      expect(files, rep).toEqual([rep]);
      const d = repData(rep);
      expect(d.is_reps.length, `${rep} is one rep`).toBe(1);
      const rows = Object.values(d).flat();
      expect(rows.filter((r) => r.rep_id !== rep), `${rep} ships only its own rows`).toEqual([]);
      // every open deal on the page was set by this rep, according to the export itself
      for (const deal of d.rep_open_deals) expect(setterOf.get(String(deal.opportunity_id)), `${rep}: ${deal.opportunity_id}`).toBe(rep);
      deals += d.rep_open_deals.length;
    }
    expect(deals).toBeGreaterThan(0);
  });

  it("ships no lead PII on a rep page", async () => {
    const pii = await sql("SELECT Email AS v FROM leads WHERE Email IS NOT NULL UNION SELECT Phone FROM leads WHERE Phone IS NOT NULL UNION SELECT LastName FROM leads WHERE length(LastName) > 3");
    expect(pii.length).toBeGreaterThan(0);
    const values = new Set(pii.map((x) => String(x.v)));
    for (const rep of isReps) {
      const text = readFileSync(shippedFile(join(out, "_file", "data", "reps"), rep), "utf8");
      // any quoted string value in the file that is a lead's email, phone or last name
      const leaked = [...text.matchAll(/"((?:[^"\\]|\\.)*)"/g)].map((m) => m[1]).filter((s) => values.has(s));
      expect(leaked, rep).toEqual([]);
    }
  });

  it("links every rep named on the productivity and source-mix pages to an existing rep page", () => {
    for (const page of ["productivity", "source-mix"]) expect(existsSync(join(out, `${page}.html`)), page).toBe(true);
    // the leaderboard's rows: every rep-month's rep has a page to link to
    const repMonths = JSON.parse(readFileSync(shippedFile(join(out, "_file", "data"), "rep_productivity"), "utf8")) as Rows;
    const withPage = new Set(isReps);
    expect([...new Set(repMonths.map((r) => String(r.rep_id)))].filter((id) => !withPage.has(id))).toEqual([]);
  });

  it("writes every rep page but the first byte for byte as Framework renders it itself", async () => {
    // the pages relay writes from the first rep's (lib/rep-pages.ts) against Framework
    // rendering every rep page, on the same export: the whole site, file by file
    const byFramework = join(work, "site-framework");
    const r = await relay(["build", "--data", data, "--as-of", "2025-09-30", "--out", byFramework], { RELAY_REP_PAGES: "framework", RELAY_REUSE: "off" });
    expect(r.code, `${r.out}\n${r.err}`).toBe(0);
    const files = (dir: string) => (readdirSync(dir, { recursive: true }) as string[]).filter((f) => statSync(join(dir, f)).isFile()).sort();
    expect(files(out)).toEqual(files(byFramework));
    expect(files(out).filter((f) => f.startsWith("reps/")).length).toBe(isReps.length);
    for (const f of files(out)) expect(readFileSync(join(out, f)).equals(readFileSync(join(byFramework, f))), f).toBe(true);
  }, 120_000);

  it("tells the story through the marts: unique accounts correlate with appointments more than activity volume", () => {
    const corr = JSON.parse(readFileSync(shippedFile(join(out, "_file", "data"), "productivity_correlation"), "utf8")) as Rows;
    const r = (team: string, metric: string) => corr.find((c) => c.team === team && c.metric === metric)?.pearson_r as number;
    for (const team of ["all", "SDR", "BDR", "Recycle"]) {
      expect(r(team, "unique_accounts"), team).toBeGreaterThan(r(team, "activities"));
      expect(r(team, "unique_accounts"), team).toBeGreaterThan(0.7);
    }
  });
});

describe.skipIf(!hasChromium)("the sample's pages in Chromium", () => {
  it("say that the data is a generated sample, however old it is", async () => {
    const browser = await launch();
    const site = await serve(out);
    try {
      // a reader years later: a sample is never "stale", it is a sample
      for (const path of ["/", "/funnel", `/reps/${isReps[0]}`]) {
        const v = await visit(browser, site, path, { now: new Date("2030-01-01T09:00:00+09:00") });
        expect(await v.page.locator(".freshness").textContent(), path).toBe("Generated sample data, as of Sep 30, 2025: not your company's numbers.");
        expect(await v.page.locator(".freshness.stale").count()).toBe(0);
        await v.page.context().close();
      }
    } finally {
      await site.close();
      await browser.close();
    }
  });
});
