// Runs every case of the bad-input corpus (test/corpus/cases.ts) and asserts its exact
// outcome: structural problems stop `relay check` (and `relay build`, leaving a
// published site untouched) with file, column and fix; row-level problems are
// quarantined or warned about with exact counts, and every object reconciles.
import { cpSync, existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { resolveConfig } from "../lib/config.ts";
import { queryRows } from "../lib/db.ts";
import { closePipeline, runPipeline } from "../lib/pipeline.ts";
import { AS_OF, CASES, writeCase } from "./corpus/cases.ts";
import { tempDir } from "./helpers/fixture.ts";
import { relay } from "./helpers/relay.ts";

const work = tempDir("relay-corpus-");

it("has at least 40 cases, each with a distinct name", () => {
  expect(CASES.length).toBeGreaterThanOrEqual(40);
  expect(new Set(CASES.map((c) => c.name)).size).toBe(CASES.length);
});

describe.each(CASES.map((c, i) => ({ ...c, i })))("$name", (c) => {
  const dir = join(work, `case-${c.i}`);
  if ("stop" in c.outcome) {
    const s = c.outcome.stop;
    it("stops relay check naming the file, the column and the fix", async () => {
      await writeCase(c, dir);
      const r = await relay(["check", "--data", dir, "--as-of", AS_OF]);
      expect(r.code, r.out).toBe(1);
      expect(r.err).toContain(join(dir, s.file));
      if (s.column) expect(r.err).toContain(`column ${s.column}`);
      expect(r.err).toContain("Fix: ");
      for (const text of s.includes) expect(r.err).toContain(text);
    });
  } else {
    const o = c.outcome;
    it("quarantines and warns exactly, and every object reconciles", async () => {
      await writeCase(c, dir);
      const p = await runPipeline(resolveConfig({ data: dir, asOf: AS_OF }, {}));
      try {
        const sql = (q: string) => queryRows(p.db, q);
        const got: Record<string, Record<string, number>> = {};
        for (const r of await sql("select * from data_quarantine")) (got[String(r.object)] ??= {})[String(r.reason)] = Number(r.rows);
        expect(got).toEqual(o.quarantine);
        for (const r of await sql("select * from data_reconciliation")) expect(r.rows_read, String(r.object)).toBe(Number(r.rows_used) + Number(r.rows_quarantined));
        const warnings = (await sql("select * from data_warnings")).map((w) => `${w.object}.${w.column}: ${w.warning} (${w.rows})`);
        expect(warnings).toEqual(o.warnings ?? []);
        if (o.check) expect(await sql(o.check.sql)).toEqual(o.check.equals);
      } finally {
        await closePipeline(p);
      }
    });
  }
});

describe("relay build on bad input", () => {
  // a representative few: the build must stop before anything is published
  const picks = ["opportunities object missing", "leads without CreatedDate", "Amount stored as text", "one corrupt part in a folder of parts", "bytes that are not UTF-8 in a name", "Shift_JIS bytes in a UTF-8 text column"];
  for (const name of picks) {
    it(`${name}: stops and leaves the published site as it was`, async () => {
      const c = CASES.find((x) => x.name === name)!;
      const dir = await writeCase(c, join(work, `build-${picks.indexOf(name)}`));
      const site = join(work, `site-${picks.indexOf(name)}`);
      cpSync(join(import.meta.dirname, "corpus"), site, { recursive: true }); // stands for a previously published site
      const before = readdirSync(site).sort();
      const r = await relay(["build", "--data", dir, "--as-of", AS_OF, "--out", site]);
      expect(r.code).toBe(1);
      expect(r.err).toContain("Fix: ");
      expect(readdirSync(site).sort()).toEqual(before);
      expect(readFileSync(join(site, "cases.ts"), "utf8")).toContain("bad-input corpus");
      expect(readdirSync(work).filter((n) => n.includes(".tmp"))).toEqual([]);
      const builds = join(work, `.site-${picks.indexOf(name)}-builds`);
      expect(existsSync(builds) ? readdirSync(builds).filter((n) => n.includes(".tmp")) : []).toEqual([]);
      expect(existsSync(join(site, "index.html"))).toBe(false);
    });
  }
});
