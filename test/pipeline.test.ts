// Pipeline movement on a hand-built export, as of 2024-09-30 (Tokyo dates; FY2024-Q2 is
// July-September 2024, so t0 = 2024-06-30 and t1 = 2024-09-30). One deal per case:
//   D1  in Q on t0; pushed out (07-10) then pulled back in (08-20) within the window: start, end
//   D2  due in Q3 on t0; pulled into Q2 (07-05), then won (09-10): pulled_in 200, won 200
//   D3  created (07-15) and lost (08-30) inside the quarter: created 50, lost 50
//   D4  in Q on t0 at 300, raised to 400 (07-20), won (08-31): start 300, increased 100, won 400
//   D5  lost in Q1 (05-31), reopened (07-15) due 09-20: pulled_in 80, end 80
//   D6  its only history row has no Amount: the current 120 is used: start 120, end 120
//   D7  due 07-31 on t0; pushed to 10-31 at 2024-06-30 23:30 UTC, which is 07-01 in Tokyo:
//       still in Q on t0 (June 30 in Tokyo), pushed out on t1: start 60, pushed_out 60
//   D8  in Q on t0 at 500, cut to 350 (08-01): start 500, decreased 150, end 350
//   D9  pushed twice (07-01, 08-15), pulled back a little (09-01) but still in Q3: start 90, pushed_out 90
//   D10 no history, no Amount, open at 02 due 09-01: start (0, one deal), end (0, one deal)
// FY2024-Q2: start 1,170 (7) + created 50 (1) + pulled_in 280 (2) + increased 100 - decreased 150
//   - won 600 (2) - lost 50 (1) - pushed_out 150 (2) = end 650 (5).
import { cpSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resolveConfig } from "../lib/config.ts";
import { queryRows, type Row } from "../lib/db.ts";
import { closePipeline, type Pipeline, runPipeline } from "../lib/pipeline.ts";
import { jst, tempDir, writeFixture, type FixtureRows } from "./helpers/fixture.ts";

const AS_OF = "2024-09-30";
const S2 = "02 Issue Recognition";
const S3 = "03 Evaluation";
let p: Pipeline;
let data: FixtureRows;

const deal = (id: string, created: string, stage: string, amount: number | null, close: string | null, more: Record<string, unknown> = {}) =>
  ({ Id: id, AccountId: "A1", OwnerId: "F1", CreatedDate: jst(created), StageName: stage, Amount: amount, CloseDate: close, Origin__c: "SGL", ...more });
let n = 0;
const h = (opp: string, day: string, stage: string, amount: number | null, close: string | null, time = "10:00") =>
  ({ Id: `H${String(++n).padStart(2, "0")}`, OpportunityId: opp, CreatedDate: jst(day, time), StageName: stage, Amount: amount, CloseDate: close });

function fixture(): FixtureRows {
  n = 0;
  return {
    users: [{ Id: "F1", Name: "Field One", Department: "FS" }, { Id: "R1", Name: "Rep", Department: "IS", Team__c: "SDR" }],
    accounts: [{ Id: "A1", Name: "Acme", CustomerType__c: "EndUser" }],
    leads: [{ Id: "L1", CreatedDate: jst("2024-04-01"), OwnerId: "R1", LeadSource: "Web", Status: "Open" }],
    opportunities: [
      deal("D1", "2024-05-01", S2, 100, "2024-09-25"),
      deal("D2", "2024-04-10", "Closed Won", 200, "2024-09-10", { IsClosed: true, IsWon: true, AppointmentSetterId__c: "R1", Origin__c: "SQL" }),
      deal("D3", "2024-07-15", "Closed Lost", 50, "2024-08-30", { IsClosed: true }),
      deal("D4", "2024-06-01", "Closed Won", 400, "2024-08-31", { IsClosed: true, IsWon: true }),
      deal("D5", "2024-03-01", S2, 80, "2024-09-20"),
      deal("D6", "2024-06-10", S2, 120, "2024-09-15"),
      deal("D7", "2024-05-20", S2, 60, "2024-10-31", { AppointmentSetterId__c: "R1", Origin__c: "SQL" }),
      deal("D8", "2024-06-05", S3, 350, "2024-09-29"),
      deal("D9", "2024-06-15", S2, 90, "2024-11-15", { AppointmentSetterId__c: "R1", Origin__c: "SQL" }),
      deal("D10", "2024-06-01", S2, null, "2024-09-01"),
    ],
    opportunity_history: [
      h("D1", "2024-05-01", S2, 100, "2024-08-15"), h("D1", "2024-07-10", S2, 100, "2024-11-20"), h("D1", "2024-08-20", S2, 100, "2024-09-25"),
      h("D2", "2024-04-10", S2, 200, "2024-12-15"), h("D2", "2024-07-05", S3, 200, "2024-09-10"), h("D2", "2024-09-10", "Closed Won", 200, "2024-09-10"),
      h("D3", "2024-07-15", "01 Pre-Opportunity", 50, "2024-09-30"), h("D3", "2024-08-30", "Closed Lost", 50, "2024-08-30"),
      h("D4", "2024-06-01", S2, 300, "2024-08-31"), h("D4", "2024-07-20", S3, 400, "2024-08-31"), h("D4", "2024-08-31", "Closed Won", 400, "2024-08-31"),
      h("D5", "2024-03-01", S2, 80, "2024-05-31"), h("D5", "2024-05-31", "Closed Lost", 80, "2024-05-31"), h("D5", "2024-07-15", S2, 80, "2024-09-20"),
      h("D6", "2024-06-10", S2, null, "2024-09-15"),
      // 2024-06-30 23:30 UTC = 2024-07-01 08:30 in Tokyo
      h("D7", "2024-05-20", S2, 60, "2024-07-31"), { Id: "H7x", OpportunityId: "D7", CreatedDate: "2024-06-30 23:30:00", StageName: S2, Amount: 60, CloseDate: "2024-10-31" },
      h("D8", "2024-06-05", S3, 500, "2024-09-29"), h("D8", "2024-08-01", S3, 350, "2024-09-29"),
      h("D9", "2024-06-15", S2, 90, "2024-09-10"), h("D9", "2024-07-01", S2, 90, "2024-10-15"), h("D9", "2024-08-15", S2, 90, "2024-11-30"), h("D9", "2024-09-01", S2, 90, "2024-11-15"),
    ],
    forecasting_quotas: [
      // monthly quotas: July and August start in FY2024-Q2, so its target is 1,200
      { QuotaOwnerId: "F1", StartDate: "2024-07-01", QuotaAmount: 1000 },
      { QuotaOwnerId: "F1", StartDate: "2024-08-01", QuotaAmount: 200 },
    ],
  };
}

beforeAll(async () => {
  data = fixture();
  p = await runPipeline(resolveConfig({ data: await writeFixture(data), asOf: AS_OF }, {}));
});

afterAll(async () => closePipeline(p));

const rows = (q: string) => queryRows(p.db, q);

describe("pipeline_flow", () => {
  it("accounts for every category of FY2024-Q2 as worked out by hand", async () => {
    const [q2] = await rows("select * from pipeline_flow where fiscal_quarter = 'FY2024-Q2'");
    expect(q2).toEqual({
      fiscal_quarter: "FY2024-Q2", window_start: "2024-07-01", window_end: "2024-09-30",
      start_amount: 1170, start_deals: 7,
      created_amount: 50, created_deals: 1,
      pulled_in_amount: 280, pulled_in_deals: 2,
      increased_amount: 100, decreased_amount: 150,
      won_amount: 600, won_deals: 2,
      lost_amount: 50, lost_deals: 1,
      pushed_out_amount: 150, pushed_out_deals: 2,
      end_amount: 650, end_deals: 5,
    });
  });

  it("covers every quarter from the first opportunity's to the as-of quarter", async () => {
    const r = await rows("select fiscal_quarter, window_start, window_end, start_amount, lost_amount, lost_deals, end_amount from pipeline_flow");
    expect(r).toEqual([
      // D5 (created 2024-03-01) is the first deal; it was due in May, so nothing was due in FY2023-Q4
      { fiscal_quarter: "FY2023-Q4", window_start: "2024-01-01", window_end: "2024-03-31", start_amount: 0, lost_amount: 0, lost_deals: 0, end_amount: 0 },
      // FY2024-Q1: D5 was due in it on 03-31 and was lost on 05-31
      { fiscal_quarter: "FY2024-Q1", window_start: "2024-04-01", window_end: "2024-06-30", start_amount: 80, lost_amount: 80, lost_deals: 1, end_amount: 0 },
      { fiscal_quarter: "FY2024-Q2", window_start: "2024-07-01", window_end: "2024-09-30", start_amount: 1170, lost_amount: 50, lost_deals: 1, end_amount: 650 },
    ]);
  });

  it("names the deals behind each bar, with amounts and close dates then and now", async () => {
    const r = await rows("select category, opportunity_id, amount, amount_then, amount_now, close_date_then, close_date_now from pipeline_flow_deals where fiscal_quarter = 'FY2024-Q2' order by category_order, opportunity_id");
    const key = (x: Row) => `${x.category} ${x.opportunity_id} ${x.amount}`;
    expect(r.map(key)).toEqual([
      "start D1 100", "start D10 0", "start D4 300", "start D6 120", "start D7 60", "start D8 500", "start D9 90",
      "created D3 50",
      "pulled_in D2 200", "pulled_in D5 80",
      "increased D4 100",
      "decreased D8 150",
      "won D2 200", "won D4 400",
      "lost D3 50",
      "pushed_out D7 60", "pushed_out D9 90",
      "end D1 100", "end D10 0", "end D5 80", "end D6 120", "end D8 350",
    ]);
    // D6's history row has no Amount: the current 120, then and now; D10 has no amount at all
    expect(r.find((x) => x.opportunity_id === "D6" && x.category === "start")).toMatchObject({ amount_then: 120, amount_now: 120 });
    expect(r.find((x) => x.opportunity_id === "D10" && x.category === "end")).toMatchObject({ amount_then: null, amount_now: null });
    // D7: due in July when the quarter began (the 23:30 UTC change is July 1st in Tokyo), October now
    expect(r.find((x) => x.opportunity_id === "D7")).toMatchObject({ close_date_then: "2024-07-31", close_date_now: "2024-10-31" });
    // D5 was closed (lost) on t0, so it has no state "then" in the quarter
    expect(r.find((x) => x.opportunity_id === "D5" && x.category === "pulled_in")).toMatchObject({ amount_then: null, amount_now: 80, close_date_now: "2024-09-20" });
  });

  it("lays the quarter out as waterfall bars that add up", async () => {
    const r = await rows("select category, amount, deals, bar_start, bar_end from pipeline_waterfall where fiscal_quarter = 'FY2024-Q2'");
    expect(r).toEqual([
      { category: "start", amount: 1170, deals: 7, bar_start: 0, bar_end: 1170 },
      { category: "created", amount: 50, deals: 1, bar_start: 1170, bar_end: 1220 },
      { category: "pulled_in", amount: 280, deals: 2, bar_start: 1220, bar_end: 1500 },
      { category: "increased", amount: 100, deals: null, bar_start: 1500, bar_end: 1600 },
      { category: "decreased", amount: -150, deals: null, bar_start: 1600, bar_end: 1450 },
      { category: "won", amount: -600, deals: 2, bar_start: 1450, bar_end: 850 },
      { category: "lost", amount: -50, deals: 1, bar_start: 850, bar_end: 800 },
      { category: "pushed_out", amount: -150, deals: 2, bar_start: 800, bar_end: 650 },
      { category: "end", amount: 650, deals: 5, bar_start: 0, bar_end: 650 },
    ]);
  });
});

describe("close_date_pushes", () => {
  it("lists open deals pushed at least once or past due, most pushed first", async () => {
    const r = await rows("select opportunity_id, phase, amount, close_date, first_close_date, pushes, days_pushed, past_due from close_date_pushes");
    expect(r).toEqual([
      // D9: 09-10 -> 10-15 (push) -> 11-30 (push) -> 11-15 (pulled in, not a push)
      { opportunity_id: "D9", phase: "02", amount: 90, close_date: "2024-11-15", first_close_date: "2024-09-10", pushes: 2, days_pushed: 66, past_due: false },
      // one push each, by amount: D1 08-15 -> 11-20 -> 09-25 (past due now); D5's reopening moved 05-31 to 09-20;
      // D7 07-31 -> 10-31
      { opportunity_id: "D1", phase: "02", amount: 100, close_date: "2024-09-25", first_close_date: "2024-08-15", pushes: 1, days_pushed: 41, past_due: true },
      { opportunity_id: "D5", phase: "02", amount: 80, close_date: "2024-09-20", first_close_date: "2024-05-31", pushes: 1, days_pushed: 112, past_due: true },
      { opportunity_id: "D7", phase: "02", amount: 60, close_date: "2024-10-31", first_close_date: "2024-07-31", pushes: 1, days_pushed: 92, past_due: false },
      // never pushed, but their close dates have passed: by amount, a null amount last
      { opportunity_id: "D8", phase: "03", amount: 350, close_date: "2024-09-29", first_close_date: "2024-09-29", pushes: 0, days_pushed: 0, past_due: true },
      { opportunity_id: "D6", phase: "02", amount: 120, close_date: "2024-09-15", first_close_date: "2024-09-15", pushes: 0, days_pushed: 0, past_due: true },
      { opportunity_id: "D10", phase: "02", amount: null, close_date: "2024-09-01", first_close_date: "2024-09-01", pushes: 0, days_pushed: 0, past_due: true },
    ]);
  });

  it("gives each IS rep the pushed deals they set", async () => {
    expect(await rows("select rep_id, opportunity_id, pushes from rep_pushed_deals")).toEqual([
      { rep_id: "R1", opportunity_id: "D9", pushes: 2 },
      { rep_id: "R1", opportunity_id: "D7", pushes: 1 },
    ]);
  });
});

describe("pipeline_coverage", () => {
  it("compares the open pipeline of this and the next three quarters with the quota target", async () => {
    const r = await rows("select fiscal_quarter, open_deals, open_amount, weighted_amount, won_amount, target, target_source, coverage, weighted_coverage from pipeline_coverage");
    expect(r).toEqual([
      // due in Q2 and open on 09-30: D1 100, D5 80, D6 120 (phase 02, 20%), D8 350 (03, 40%), D10 (no amount):
      // 650, weighted 20 + 16 + 24 + 140 = 200; won D2 200 + D4 400; target 1,000 + 200 quotas
      { fiscal_quarter: "FY2024-Q2", open_deals: 5, open_amount: 650, weighted_amount: 200, won_amount: 600, target: 1200, target_source: "forecasting_quotas", coverage: 650 / 600, weighted_coverage: 200 / 600 },
      // D7 60 and D9 90 are due in Q3; no quota and no rule: no target, no coverage
      { fiscal_quarter: "FY2024-Q3", open_deals: 2, open_amount: 150, weighted_amount: 30, won_amount: 0, target: null, target_source: null, coverage: null, weighted_coverage: null },
      { fiscal_quarter: "FY2024-Q4", open_deals: 0, open_amount: 0, weighted_amount: 0, won_amount: 0, target: null, target_source: null, coverage: null, weighted_coverage: null },
      { fiscal_quarter: "FY2025-Q1", open_deals: 0, open_amount: 0, weighted_amount: 0, won_amount: 0, target: null, target_source: null, coverage: null, weighted_coverage: null },
    ]);
  });

  it("takes a quarter's target from sql/rules/revenue_targets.sql where there is no quota, and the probabilities from their rule", async () => {
    const sql = join(tempDir("relay-targets-"), "sql");
    cpSync("sql", sql, { recursive: true });
    const rule = join(sql, "rules", "revenue_targets.sql");
    writeFileSync(rule, readFileSync(rule, "utf8").replace("(null::varchar, null::decimal(38, 4))", "('FY2024-Q2', 5000), ('FY2024-Q3', 300)"));
    const probabilities = join(sql, "rules", "phase_probabilities.sql");
    writeFileSync(probabilities, readFileSync(probabilities, "utf8").replace("(2, 0.20)", "(2, 0.50)"));
    const q = await runPipeline(resolveConfig({ data: await writeFixture(fixture()), asOf: AS_OF }, { RELAY_SQL_DIR: sql }));
    try {
      const r = await queryRows(q.db, "select fiscal_quarter, weighted_amount, target, target_source, coverage from pipeline_coverage where fiscal_quarter in ('FY2024-Q2', 'FY2024-Q3')");
      expect(r).toEqual([
        // the quotas still win in Q2; phase 02 now weighs 50%: 50 + 40 + 60 + 140
        { fiscal_quarter: "FY2024-Q2", weighted_amount: 290, target: 1200, target_source: "forecasting_quotas", coverage: 650 / 600 },
        { fiscal_quarter: "FY2024-Q3", weighted_amount: 75, target: 300, target_source: "revenue_targets", coverage: 150 / 300 },
      ]);
    } finally {
      await closePipeline(q);
    }
  });

  it("leaves coverage null when what was won already meets the target", async () => {
    const rows = fixture();
    rows.forecasting_quotas = [{ QuotaOwnerId: "F1", StartDate: "2024-07-01", QuotaAmount: 600 }];
    const q = await runPipeline(resolveConfig({ data: await writeFixture(rows), asOf: AS_OF }, {}));
    try {
      const [r] = await queryRows(q.db, "select target, won_amount, remaining, coverage from pipeline_coverage where fiscal_quarter = 'FY2024-Q2'");
      expect(r).toEqual({ target: 600, won_amount: 600, remaining: 0, coverage: null });
    } finally {
      await closePipeline(q);
    }
  });
});
