// The home page's morning summary (home_summary) and its small charts (home_trend) on a
// hand-built export as of Monday 2025-06-30, the last day of FY2025's first quarter
// (fiscal years start in April). Every expected value is worked out in the comments.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resolveConfig } from "../lib/config.ts";
import { queryRows } from "../lib/db.ts";
import { closePipeline, type Pipeline, runPipeline } from "../lib/pipeline.ts";
import { jst, writeFixture } from "./helpers/fixture.ts";

let p: Pipeline;

// an appointment: an SQL set by the IS rep R1, owned by field rep F1
const sql = (id: string, account: string, created: string, stage: string, source: string, more: Record<string, unknown> = {}) => ({
  Id: id, AccountId: account, OwnerId: "F1", CreatedDate: jst(created), StageName: stage,
  Origin__c: "SQL", AppointmentSetterId__c: "R1", LeadSource: source, ...more,
});
const won = (close: string, amount: number) => ({ CloseDate: close, IsClosed: true, IsWon: true, Amount: amount });

beforeAll(async () => {
  const dir = await writeFixture({
    users: [
      { Id: "R1", Name: "Setter", Department: "IS", Team__c: "SDR" },
      { Id: "F1", Name: "Closer", Department: "FS" },
      { Id: "F2", Name: "Closer Two", Department: "FS" },
    ],
    accounts: [
      { Id: "E1", Name: "End user", CustomerType__c: "EndUser", NumberOfEmployees: 50 }, // Tier 1
      { Id: "C1", Name: "Consultants", CustomerType__c: "Consulting", NumberOfEmployees: 300 }, // Tier 3
    ],
    opportunities: [
      // FY2024 (April 2024 - March 2025): three SQLs
      sql("A1", "E1", "2024-05-01", "Closed Won", "Inquiry", won("2024-06-30", 50)), //  passive, won on last year's "today"
      sql("A2", "E1", "2024-06-01", "Closed Won", "Outbound Call", won("2024-07-01", 70)), // active, won a day later
      sql("A3", "E1", "2024-09-01", "01 Pre-Opportunity", "Outbound Call"), // active, never left 01
      // FY2025 so far: four SQLs
      sql("B1", "E1", "2025-04-10", "Closed Won", "Seminar", won("2025-05-20", 100)), // passive, Tier 1
      sql("B2", "C1", "2025-05-01", "Closed Won", "Inquiry", won("2025-06-15", 300)), // passive, Tier 3
      sql("B3", "C1", "2025-06-01", "02 Issue Recognition", "Outbound Call", { Amount: 200, CloseDate: "2025-06-30" }), // active
      sql("B4", "E1", "2025-06-20", "03 Evaluation", "Web", { Amount: 400, CloseDate: "2025-09-30", NextActionDate__c: "2025-07-05" }), // passive
    ],
    // an open lead, which none of these tiles counts (leads is a required object)
    leads: [{ Id: "L1", CreatedDate: jst("2025-06-01"), OwnerId: "R1", LeadSource: "Inquiry", Status: "Open" }],
    forecasting_quotas: [
      { QuotaOwnerId: "F1", StartDate: "2025-04-01", QuotaAmount: 1000 },
      { QuotaOwnerId: "F2", StartDate: "2025-04-01", QuotaAmount: 200 },
    ],
  });
  p = await runPipeline(resolveConfig({ data: dir, asOf: "2025-06-30" }, {}));
});

afterAll(async () => closePipeline(p));

const tiles = async () => {
  const rows = await queryRows(p.db, "select * from home_summary");
  return Object.fromEntries(rows.map((r) => [r.tile as string, r]));
};

describe("home_summary", () => {
  it("has the seven tiles in page order, each linking to its view", async () => {
    const rows = await queryRows(p.db, "select tile, link from home_summary");
    expect(rows).toEqual([
      { tile: "appointments", link: "/productivity" },
      { tile: "stalled_le_02", link: "/stagnation" },
      { tile: "won_revenue", link: "/segments" },
      { tile: "tier1_share", link: "/segments" },
      { tile: "passive_share", link: "/source-mix" },
      { tile: "stalled_deals", link: "/stagnation" },
      { tile: "coverage", link: "/pipeline" },
    ]);
  });

  it("compares this year's appointments with the linear pace to the annual target", async () => {
    // 4 SQLs in FY2025 by June, its third fiscal month: pace = 1,620 x 3 / 12 = 405
    expect((await tiles()).appointments).toMatchObject({ value: 4, compare_value: 405, period: "FY2025" });
    expect((await tiles()).appointments.ratio).toBeCloseTo(4 / 405, 12);
  });

  it("compares the share of SQLs stuck at <= 02 with last year's", async () => {
    // FY2025: B3 (02) of B1-B4 = 1/4; FY2024: A3 (01) of A1-A3 = 1/3
    const t = (await tiles()).stalled_le_02;
    expect(t.value).toBe(0.25);
    expect(t.compare_value).toBeCloseTo(1 / 3, 12);
  });

  it("compares won revenue to date with last year to the same day", async () => {
    // FY2025 to 30 June: B1 100 + B2 300 = 400; FY2024 to 30 June 2024: A1 50 (A2 won on 1 July)
    expect((await tiles()).won_revenue).toMatchObject({ value: 400, compare_value: 50, ratio: 8 });
  });

  it("gives Tier 1's share of won revenue against last year's", async () => {
    // FY2025: B1 100 of 400 is Tier 1; FY2024: A1 + A2 = 120 of 120
    expect((await tiles()).tier1_share).toMatchObject({ value: 0.25, compare_value: 1 });
  });

  it("gives the passive share of appointments against last year's", async () => {
    // FY2025: Seminar, Inquiry, Web of four = 3/4; FY2024: Inquiry of three = 1/3
    const t = (await tiles()).passive_share;
    expect(t.value).toBe(0.75);
    expect(t.compare_value).toBeCloseTo(1 / 3, 12);
  });

  it("counts the deals to chase today out of all open deals", async () => {
    // open: A3 (01 for 302 days), B3 (no task for 29 days, no next action), B4 (10 days old,
    // next action on 5 July): A3 and B3 are stalled
    expect((await tiles()).stalled_deals).toMatchObject({ value: 2, compare_value: 3 });
  });

  it("gives this quarter's coverage of what remains to the quota", async () => {
    // FY2025-Q1 quota 1,000 + 200 = 1,200; won 400; remaining 800; open due: B3 200 (phase 02,
    // 20%: 40 weighted). B4 is due next quarter, A3 has no close date.
    const t = (await tiles()).coverage;
    expect(t).toMatchObject({ value: 0.25, compare_value: 1200, period: "FY2025-Q1" });
    expect(t.ratio).toBeCloseTo(0.05, 12);
  });
});

describe("home_trend", () => {
  it("draws won revenue to date month by month, this year against last", async () => {
    const rows = await queryRows(p.db, "select series, x_order, y from home_trend where tile = 'won_revenue' order by series, x_order");
    const series = (name: string) => rows.filter((r) => r.series === name).map((r) => r.y);
    // this year up to June: April 0, May 100, June 400
    expect(series("this_year")).toEqual([0, 100, 400]);
    // last year, all twelve months: 50 in June, 120 from July
    expect(series("last_year")).toEqual([0, 0, 50, 120, 120, 120, 120, 120, 120, 120, 120, 120]);
  });

  it("draws the pace to target beside cumulative appointments", async () => {
    const rows = await queryRows(p.db, "select series, x_order, y from home_trend where tile = 'appointments' order by series, x_order");
    expect(rows.filter((r) => r.series === "actual").map((r) => r.y)).toEqual([1, 2, 4]);
    expect(rows.filter((r) => r.series === "pace").map((r) => r.y)).toEqual([135, 270, 405]);
  });
});
