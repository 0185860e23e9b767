// The models store: a second pass on the same data reuses every table; an edit to one
// mart's SQL recomputes that mart alone, an edit to a rule recomputes what depends on it,
// and the rows are the same as a pass in memory.
import { cpSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Config, resolveConfig, resolveSettings } from "../lib/config.ts";
import { readTable, toJson } from "../lib/export.ts";
import { closePipeline, runPipeline } from "../lib/pipeline.ts";
import { queryRows } from "../lib/db.ts";
import { storePath } from "../lib/store.ts";
import { FUNNEL_AS_OF, writeFunnelFixture } from "./fixtures/funnel-fixture.ts";
import { tempDir } from "./helpers/fixture.ts";

let cfg: Config;
let sql: string;
let store: string;

/** Run the pipeline in the store; the names of the tables it computed, and one mart's JSON. */
async function pass(mart = "tier_share", opts: { store?: boolean; only?: string[] } = { store: true }) {
  const p = await runPipeline(cfg, undefined, opts);
  try {
    const tables = new Set(p.models.filter((m) => !m.isDdl).map((m) => m.name));
    const computed = p.timings.filter((t) => tables.has(t.model) && !t.reused).map((t) => t.model).sort();
    return { computed, tables: [...tables], json: toJson(await readTable(p.db, mart)) };
  } finally {
    await closePipeline(p);
  }
}

beforeAll(async () => {
  sql = join(tempDir("relay-store-"), "sql");
  cpSync("sql", sql, { recursive: true });
  cfg = resolveConfig({ data: await writeFunnelFixture(), asOf: FUNNEL_AS_OF }, { RELAY_SQL_DIR: sql });
  store = storePath(cfg, await resolveSettings(cfg));
});

afterAll(() => {
  rmSync(store, { force: true });
  rmSync(`${store}.wal`, { force: true });
});

describe("the models store", () => {
  it("computes every table once, then reuses them all, with the rows of a pass in memory", async () => {
    const first = await pass();
    expect(first.computed).toEqual([...first.tables].sort());
    const second = await pass();
    expect(second.computed).toEqual([]);
    expect(second.json).toBe((await pass("tier_share", {})).json);
  });

  it("recomputes only an edited mart", async () => {
    const file = join(sql, "marts", "tier_share.sql");
    writeFileSync(file, readFileSync(file, "utf8").replace("    g.tier,\n", "    g.tier,\n    'edited' as probe,\n"));
    const edited = await pass();
    // tier_share, and home_trend, the one model that reads it
    expect(edited.computed).toEqual(["home_trend", "tier_share"]);
    expect(JSON.parse(edited.json)[0].probe).toBe("edited");
  });

  it("recomputes what depends on an edited rule, and nothing else", async () => {
    // the tier rule: accounts are staged with it, so everything built on stg_accounts moves
    const file = join(sql, "rules", "tiers.sql");
    writeFileSync(file, readFileSync(file, "utf8").replace("coalesce(employees, 0) >= 1000", "coalesce(employees, 0) >= 5000"));
    const edited = await pass();
    expect(edited.computed).toContain("stg_accounts");
    expect(edited.computed).toContain("tier_share");
    // tasks are checked against accounts, so they move too; users, leads and campaigns do not
    expect(edited.computed).toContain("stg_tasks");
    for (const m of ["stg_users", "stg_leads", "stg_campaigns", "stg_campaign_members"]) expect(edited.computed).not.toContain(m);
    // the SIer with 2,000 employees (A2) is Tier 2 now: its two SQLs, O2 and O6, leave Tier 1
    const fy = JSON.parse(edited.json).filter((r: { period: string }) => r.period === "FY2024");
    expect(fy.find((r: { tier: string }) => r.tier === "Tier 2").sqls).toBe(2);
    expect(fy.find((r: { tier: string }) => r.tier === "Tier 1").sqls).toBe(2);
  });

  it("computes only what one mart needs for relay query", async () => {
    const p = await runPipeline(cfg, undefined, { only: ["tier_share"] });
    try {
      const names = p.models.map((m) => m.name);
      expect(names).toContain("int_opportunities");
      expect(names).not.toContain("stg_tasks");
      expect(names).not.toContain("funnel_period");
    } finally {
      await closePipeline(p);
    }
  });

  it("keeps a model marked `materialized: view` as a view, and turns it into a table and back in the same store", async () => {
    const file = join(sql, "intermediate", "int_funnel_events.sql");
    const asView = readFileSync(file, "utf8");
    expect(asView).toMatch(/^-- materialized: view$/m);
    const kindOf = async (name: string) => {
      const p = await runPipeline(cfg, undefined, { store: true, only: ["funnel_cohort"] });
      try {
        const [row] = await queryRows(p.db, `SELECT (SELECT count(*) FROM duckdb_views() WHERE view_name = '${name}')::INTEGER AS views,
          (SELECT count(*) FROM duckdb_tables() WHERE table_name = '${name}')::INTEGER AS tables`);
        return { kind: row.views ? "view" : row.tables ? "table" : "none", funnel: toJson(await readTable(p.db, "funnel_cohort")) };
      } finally {
        await closePipeline(p);
      }
    };
    const view = await kindOf("int_funnel_events");
    expect(view.kind).toBe("view");
    writeFileSync(file, asView.replace(/^-- materialized: view\n/m, ""));
    const table = await kindOf("int_funnel_events");
    expect(table.kind).toBe("table");
    writeFileSync(file, asView);
    const again = await kindOf("int_funnel_events");
    expect(again.kind).toBe("view");
    // the funnel counts do not depend on how their events are kept
    expect(JSON.parse(view.funnel).length).toBeGreaterThan(0);
    expect(table.funnel).toBe(view.funnel);
    expect(again.funnel).toBe(view.funnel);
  });
});
