// funnel_period and funnel_cohort on test/fixtures/funnel-fixture.ts, against counts
// worked out by hand from the fixture's comments.
import { execFileSync } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resolveConfig } from "../lib/config.ts";
import { queryRows, type Row } from "../lib/db.ts";
import { closePipeline, type Pipeline, runPipeline } from "../lib/pipeline.ts";
import { FUNNEL_AS_OF, writeFunnelFixture } from "./fixtures/funnel-fixture.ts";

const STEPS = ["lead", "mql", "sql", "phase_02", "phase_03", "phase_04", "phase_05", "won"];

let dir: string;
let p: Pipeline;
let period: Row[];
let cohort: Row[];

beforeAll(async () => {
  dir = await writeFunnelFixture();
  p = await runPipeline(resolveConfig({ data: dir, asOf: FUNNEL_AS_OF }, {}));
  period = await queryRows(p.db, "select * from funnel_period");
  cohort = await queryRows(p.db, "select * from funnel_cohort");
});

afterAll(async () => closePipeline(p));

/** Counts per step, in step order, for one period (or cohort) and segment. */
function counts(rows: Row[], key: Record<string, string>): number[] {
  const sel = rows.filter((r) => Object.entries(key).every(([k, v]) => r[k] === v));
  return STEPS.map((s) => {
    const hits = sel.filter((r) => r.step === s);
    expect(hits.length, `one row for step ${s} in ${JSON.stringify(key)}`).toBe(1);
    return Number(hits[0].count);
  });
}

const all = { segment_kind: "all", segment: "all" };

describe("funnel_period", () => {
  it("counts step events in the month they happened (Tokyo dates, as of 2024-09-30)", () => {
    //                                                    lead mql sql p02 p03 p04 p05 won
    // April: L1, L2 created; L1 MQL; O1 created; O1 -> 02 on 04-25
    expect(counts(period, { period_kind: "month", period: "2024-04", ...all })).toEqual([2, 1, 1, 1, 0, 0, 0, 0]);
    // May: L3 and L4 (01:30 Tokyo on May 1st); L2 MQL; O2 created; O1 skips 03 into 04 on 05-20 (03 and 04 dated then)
    expect(counts(period, { period_kind: "month", period: "2024-05", ...all })).toEqual([2, 1, 1, 0, 1, 1, 0, 0]);
    // June: O2 -> 02 on 06-01; O1 won on 06-15, which also passes 05 that day
    expect(counts(period, { period_kind: "month", period: "2024-06", ...all })).toEqual([0, 0, 0, 1, 0, 0, 1, 1]);
    // July: L5 (July 1st in Tokyo) and its MQL; O4 created at 03 with no history: 02 and 03 on 07-03
    expect(counts(period, { period_kind: "month", period: "2024-07", ...all })).toEqual([1, 1, 1, 1, 1, 0, 0, 0]);
    // August: O5 and O6 created; O5 is won only after as_of, O6 lost with no history (phase 01)
    expect(counts(period, { period_kind: "month", period: "2024-08", ...all })).toEqual([0, 0, 2, 0, 0, 0, 0, 0]);
  });

  it("has no period for events after as_of, nor for quarantined or sales-generated records", () => {
    const months = new Set(period.filter((r) => r.period_kind === "month").map((r) => r.period));
    expect([...months].sort()).toEqual(["2024-04", "2024-05", "2024-06", "2024-07", "2024-08"]);
  });

  it("sums to fiscal quarters and the fiscal year, with conversions from previous and first step", () => {
    // Q1 = Apr-Jun: leads L1-L4; MQL L1, L2; SQL O1, O2; 02 O1, O2; 03/04/05/won O1
    expect(counts(period, { period_kind: "fiscal_quarter", period: "FY2024-Q1", ...all })).toEqual([4, 2, 2, 2, 1, 1, 1, 1]);
    // Q2 = Jul-Sep: L5; MQL L5; SQL O4, O5, O6; 02 and 03 O4
    expect(counts(period, { period_kind: "fiscal_quarter", period: "FY2024-Q2", ...all })).toEqual([1, 1, 3, 1, 1, 0, 0, 0]);
    expect(counts(period, { period_kind: "fiscal_year", period: "FY2024", ...all })).toEqual([5, 3, 5, 3, 2, 1, 1, 1]);

    const fy = period.filter((r) => r.period_kind === "fiscal_year" && r.segment_kind === "all");
    const conv = (step: string) => fy.find((r) => r.step === step)!;
    expect(conv("lead").conversion_from_previous).toBeNull();
    expect(conv("lead").conversion_from_first).toBe(1);
    expect(conv("mql").conversion_from_previous).toBeCloseTo(3 / 5, 12);
    // a flow ratio above 1 is shown as is: 5 SQLs in a year with 3 MQLs
    expect(conv("sql").conversion_from_previous).toBeCloseTo(5 / 3, 12);
    expect(conv("phase_03").conversion_from_previous).toBeCloseTo(2 / 3, 12);
    expect(conv("won").conversion_from_first).toBeCloseTo(1 / 5, 12);
  });

  it("gives a zero-lead period null conversions from first, never 0 or an error", () => {
    // August has no leads: sql / lead is 2 / 0
    const aug = period.filter((r) => r.period_kind === "month" && r.period === "2024-08" && r.segment_kind === "all");
    expect(aug.find((r) => r.step === "sql")!.conversion_from_first).toBeNull();
    // mql / lead = 0 / 0 -> null; sql / mql = 2 / 0 -> null
    expect(aug.find((r) => r.step === "mql")!.conversion_from_previous).toBeNull();
    expect(aug.find((r) => r.step === "sql")!.conversion_from_previous).toBeNull();
  });

  it("splits by source kind and tier", () => {
    // FY2024 passive: leads L1 (Inquiry), L2 (Web); MQL L1, L2; SQL O1 (its lead L1 is passive) and O5 (no lead, Inquiry)
    expect(counts(period, { period_kind: "fiscal_year", period: "FY2024", segment_kind: "source_kind", segment: "passive" })).toEqual([2, 2, 2, 1, 1, 1, 1, 1]);
    // active: L3, L4 ("outbound call " matches Outbound Call); SQL O2 (lead L3) and O4 (Referral)
    expect(counts(period, { period_kind: "fiscal_year", period: "FY2024", segment_kind: "source_kind", segment: "active" })).toEqual([2, 0, 2, 2, 1, 0, 0, 0]);
    // unclassified: L5 (no source) and its MQL; O6 (no lead, no source)
    expect(counts(period, { period_kind: "fiscal_year", period: "FY2024", segment_kind: "source_kind", segment: "unclassified" })).toEqual([1, 1, 1, 0, 0, 0, 0, 0]);
    // Tier 1: L1 (converted into A1), L3 (into A2); MQL L1; SQL O1 (A1), O2 (A2), O5 (A1), O6 (A2)
    expect(counts(period, { period_kind: "fiscal_year", period: "FY2024", segment_kind: "tier", segment: "Tier 1" })).toEqual([2, 1, 4, 2, 1, 1, 1, 1]);
    // Tier 3: O4 on A3
    expect(counts(period, { period_kind: "fiscal_year", period: "FY2024", segment_kind: "tier", segment: "Tier 3" })).toEqual([0, 0, 1, 1, 1, 0, 0, 0]);
    // lead sources are spelt as the rule spells them
    const sources = new Set(period.filter((r) => r.segment_kind === "lead_source").map((r) => r.segment));
    expect([...sources].sort()).toEqual(["Inquiry", "Outbound Call", "Referral", "Web", "unclassified"]);
  });
});

describe("funnel_cohort", () => {
  it("follows each month's leads to the furthest step reached by as_of", () => {
    // April cohort: L1, L2; both MQL by as_of; O1 (lead L1) went all the way
    expect(counts(cohort, { cohort_month: "2024-04", ...all })).toEqual([2, 2, 1, 1, 1, 1, 1, 1]);
    // May cohort: L3, L4; no MQL; O2 (lead L3) reached 02 and was lost
    expect(counts(cohort, { cohort_month: "2024-05", ...all })).toEqual([2, 0, 1, 1, 0, 0, 0, 0]);
    // July: L5 and its MQL; O4 has no lead, so it joins the month it was created
    expect(counts(cohort, { cohort_month: "2024-07", ...all })).toEqual([1, 1, 1, 1, 1, 0, 0, 0]);
    // August: O5 and O6, no leads
    expect(counts(cohort, { cohort_month: "2024-08", ...all })).toEqual([0, 0, 2, 0, 0, 0, 0, 0]);
    expect(new Set(cohort.filter((r) => r.cohort_kind === "month").map((r) => r.cohort_month))).toEqual(new Set(["2024-04", "2024-05", "2024-07", "2024-08"]));
  });

  it("counts a fiscal quarter's cohort over its three months, and a fiscal year's over its quarters", () => {
    const quarter = (q: string) => counts(cohort, { cohort_kind: "fiscal_quarter", cohort: q, ...all });
    // FY2024-Q1 = April [2,2,1,1,1,1,1,1] + May [2,0,1,1,0,0,0,0] (+ an empty June)
    expect(quarter("FY2024-Q1")).toEqual([4, 2, 2, 2, 1, 1, 1, 1]);
    // FY2024-Q2 = July [1,1,1,1,1,0,0,0] + August [0,0,2,0,0,0,0,0] (+ an empty September)
    expect(quarter("FY2024-Q2")).toEqual([1, 1, 3, 1, 1, 0, 0, 0]);
    expect(counts(cohort, { cohort_kind: "fiscal_year", cohort: "FY2024", ...all })).toEqual([5, 3, 5, 3, 2, 1, 1, 1]);
    // conversions are recomputed from the quarter's counts, not averaged over its months
    const q1 = cohort.filter((r) => r.cohort_kind === "fiscal_quarter" && r.cohort === "FY2024-Q1" && r.segment_kind === "all");
    expect(q1.find((r) => r.step === "mql")!.conversion_from_previous).toBe(2 / 4);
    expect(q1.find((r) => r.step === "won")!.conversion_from_first).toBe(1 / 4);
    // only month cohorts carry cohort_month
    expect(new Set(cohort.filter((r) => r.cohort_kind !== "month").map((r) => r.cohort_month))).toEqual(new Set([null]));
  });

  it("computes conversions within the cohort", () => {
    const apr = cohort.filter((r) => r.cohort_month === "2024-04" && r.segment_kind === "all");
    expect(apr.find((r) => r.step === "sql")!.conversion_from_previous).toBeCloseTo(1 / 2, 12);
    expect(apr.find((r) => r.step === "won")!.conversion_from_first).toBeCloseTo(1 / 2, 12);
    const may = cohort.filter((r) => r.cohort_month === "2024-05" && r.segment_kind === "all");
    expect(may.find((r) => r.step === "mql")!.conversion_from_previous).toBe(0);
    expect(may.find((r) => r.step === "sql")!.conversion_from_previous).toBeNull(); // 1 / 0 MQLs
    expect(may.find((r) => r.step === "phase_02")!.conversion_from_previous).toBe(1);
  });

  it("splits a cohort by tier", () => {
    // April, Tier 1: L1 (A1) and all of O1; unclassified: L2 (not converted), MQL only
    expect(counts(cohort, { cohort_month: "2024-04", segment_kind: "tier", segment: "Tier 1" })).toEqual([1, 1, 1, 1, 1, 1, 1, 1]);
    expect(counts(cohort, { cohort_month: "2024-04", segment_kind: "tier", segment: "unclassified" })).toEqual([1, 1, 0, 0, 0, 0, 0, 0]);
  });

  it("is what `relay query funnel_cohort --format json` prints", () => {
    const out = execFileSync("node", ["bin/relay.js", "query", "funnel_cohort", "--data", dir, "--as-of", FUNNEL_AS_OF, "--format", "json"], { encoding: "utf8" });
    const rows = JSON.parse(out) as Row[];
    expect(Object.keys(rows[0]).sort()).toEqual(["cohort", "cohort_kind", "cohort_month", "conversion_from_first", "conversion_from_previous", "count", "segment", "segment_kind", "step", "step_order"]);
    expect(counts(rows, { cohort_month: "2024-04", ...all })).toEqual([2, 2, 1, 1, 1, 1, 1, 1]);
    const csv = execFileSync("node", ["bin/relay.js", "query", "funnel_period", "--data", dir, "--as-of", FUNNEL_AS_OF, "--format", "csv"], { encoding: "utf8" });
    expect(csv.split("\n")[0]).toBe("period_kind,period,segment_kind,segment,step,step_order,count,conversion_from_previous,conversion_from_first");
    expect(csv).toContain("fiscal_year,FY2024,all,all,won,8,1,1,0.2");
  });

  it("moves with the as-of date: on 2024-06-14 O1 is not won yet", async () => {
    const early = await runPipeline(resolveConfig({ data: dir, asOf: "2024-06-14" }, {}));
    try {
      const rows = await queryRows(early.db, "select * from funnel_cohort");
      // April cohort on 06-14: O1 had entered 04 (05-20) but not 05 nor won; L2's MQL (05-02) counts
      expect(counts(rows, { cohort_month: "2024-04", ...all })).toEqual([2, 2, 1, 1, 1, 1, 0, 0]);
    } finally {
      await closePipeline(early);
    }
  });
});
