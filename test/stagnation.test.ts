// Phase-stagnation marts on a hand-built export, as of 2025-03-31 (Tokyo dates, fiscal
// year from April). Every expected value is worked out in the comments.
import { execFileSync } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resolveConfig } from "../lib/config.ts";
import { queryRows, type Row } from "../lib/db.ts";
import { closePipeline, type Pipeline, runPipeline } from "../lib/pipeline.ts";
import { jst, writeFixture } from "./helpers/fixture.ts";

const AS_OF = "2025-03-31";
let dir: string;
let p: Pipeline;

const sql = (id: string, account: string, created: string, stage: string, more: Record<string, unknown> = {}) =>
  ({ Id: id, AccountId: account, OwnerId: "F1", CreatedDate: jst(created), StageName: stage, AppointmentSetterId__c: "R1", Origin__c: "SQL", ...more });
const sgl = (id: string, account: string, created: string, stage: string, more: Record<string, unknown> = {}) =>
  ({ Id: id, AccountId: account, OwnerId: "F2", CreatedDate: jst(created), StageName: stage, Origin__c: "SGL", ...more });
let h = 0;
const hist = (opp: string, day: string, stage: string) => ({ Id: `H${++h}`, OpportunityId: opp, CreatedDate: jst(day), StageName: stage });
const S = ["01 Pre-Opportunity", "02 Issue Recognition", "03 Evaluation", "04 Final Negotiation", "05 Approval"];

beforeAll(async () => {
  dir = await writeFixture({
    users: [
      { Id: "R1", Name: "Rep One", Department: "IS", Team__c: "SDR" },
      { Id: "F1", Name: "Field One", Department: "FS" },
      { Id: "F2", Name: "Field Two", Department: "FS" },
    ],
    accounts: Array.from({ length: 10 }, (_, i) => ({ Id: `A${i + 1}`, Name: `Account ${i + 1}`, CustomerType__c: "EndUser" })),
    opportunities: [
      // S1 FY2024: 01 -> 02 -> 04 (skips 03) -> won
      sql("S1", "A1", "2024-05-01", "Closed Won", { CloseDate: "2024-07-01", IsClosed: true, IsWon: true }),
      // S2 FY2024: 01 -> 02 -> lost, returned to IS on 2024-08-01
      sql("S2", "A2", "2024-06-01", "Closed Lost", { CloseDate: "2024-08-01", IsClosed: true, LossReason__c: "Returned to IS" }),
      // S3 FY2024: lost without any history (phase 01), returned to IS on 2024-07-15
      sql("S3", "A3", "2024-06-05", "Closed Lost", { CloseDate: "2024-07-15", IsClosed: true, LossReason__c: "Returned to IS" }),
      // S4 FY2024: open at 02 since 2024-09-10, no task, no next action
      sql("S4", "A4", "2024-09-01", S[1]),
      // S5 sales-generated FY2023: open at 03 since 2023-06-01, next action overdue, a task on its account
      sgl("S5", "A5", "2023-05-01", S[2], { NextActionDate__c: "2025-03-30" }),
      // S6 FY2023: 01 -> 03 (skips 02) -> lost, returned to IS on 2024-01-10
      sql("S6", "A6", "2023-10-01", "Closed Lost", { CloseDate: "2024-01-10", IsClosed: true, LossReason__c: "Returned to IS" }),
      // S7 FY2024: open at 01 with no history since 2025-02-01, next action in the future, a task on the deal
      sql("S7", "A7", "2025-02-01", S[0], { NextActionDate__c: "2025-04-10" }),
      // S8 FY2024: 01 -> 03 -> lost, returned to IS on 2025-02-01: its 183 days have not passed by as_of
      sql("S8", "A8", "2024-12-01", "Closed Lost", { CloseDate: "2025-02-01", IsClosed: true, LossReason__c: "Returned to IS" }),
      // O7: a new deal on S2's account exactly 183 days after S2 closed: S2 re-ignited
      sgl("O7", "A2", "2025-01-31", S[0], { NextActionDate__c: "2025-04-05" }),
      // O8: a new deal on S3's account 184 days after S3 closed: too late, S3 did not re-ignite
      sgl("O8", "A3", "2025-01-15", S[1], { NextActionDate__c: "2025-04-01" }),
      // S10 FY2024: won on 2025-04-15, after as_of: open at 02 on as_of
      sql("S10", "A9", "2025-03-01", "Closed Won", { CloseDate: "2025-04-15", IsClosed: true, IsWon: true }),
      // S11: next action due on the as-of day itself is not overdue; touched today
      sgl("S11", "A10", "2025-03-25", S[0], { NextActionDate__c: AS_OF }),
      // S12: lost before as_of, never listed as stalled
      sgl("S12", "A10", "2025-02-01", "Closed Lost", { CloseDate: "2025-03-15", IsClosed: true }),
      // S13: created after as_of: does not exist yet
      sql("S13", "A10", "2025-04-05", S[0]),
    ],
    opportunity_history: [
      hist("S1", "2024-05-01", S[0]), hist("S1", "2024-05-10", S[1]), hist("S1", "2024-06-01", S[3]), hist("S1", "2024-07-01", "Closed Won"),
      hist("S2", "2024-06-01", S[0]), hist("S2", "2024-06-20", S[1]), hist("S2", "2024-08-01", "Closed Lost"),
      hist("S4", "2024-09-01", S[0]), hist("S4", "2024-09-10", S[1]),
      hist("S5", "2023-05-01", S[0]), hist("S5", "2023-06-01", S[2]),
      hist("S6", "2023-10-01", S[0]), hist("S6", "2023-11-01", S[2]), hist("S6", "2024-01-10", "Closed Lost"),
      hist("S8", "2024-12-01", S[0]), hist("S8", "2024-12-20", S[2]), hist("S8", "2025-02-01", "Closed Lost"),
      hist("O8", "2025-01-15", S[0]), hist("O8", "2025-03-20", S[1]),
      hist("S10", "2025-03-01", S[0]), hist("S10", "2025-03-10", S[1]), hist("S10", "2025-04-15", "Closed Won"),
      hist("S12", "2025-02-01", S[0]), hist("S12", "2025-03-15", "Closed Lost"),
    ],
    tasks: [
      { Id: "T1", OwnerId: "F2", CreatedDate: jst("2025-03-25"), Type: "Call", AccountId: "A5" }, // S5 via its account
      { Id: "T2", OwnerId: "F1", CreatedDate: jst("2025-03-20"), Type: "Meeting", WhatId: "S7" }, // S7 via WhatId
      { Id: "T3", OwnerId: "F2", CreatedDate: jst("2025-03-30"), Type: "Email", WhatId: "O7" },
      { Id: "T4", OwnerId: "F2", CreatedDate: jst("2025-03-28"), Type: "Call", AccountId: "A3" }, // O8 via its account
      { Id: "T5", OwnerId: "F1", CreatedDate: jst("2025-04-02"), Type: "Call", WhatId: "S10" }, // after as_of: ignored
      { Id: "T6", OwnerId: "F2", CreatedDate: jst("2025-03-31"), Type: "Call", WhatId: "S11" },
    ],
    leads: [{ Id: "L1", CreatedDate: jst("2024-05-01"), OwnerId: "R1", LeadSource: "Web", Status: "Open" }],
  });
  p = await runPipeline(resolveConfig({ data: dir, asOf: AS_OF }, {}));
});

afterAll(async () => closePipeline(p));

const rows = (q: string) => queryRows(p.db, q);

describe("stagnation_by_cohort", () => {
  it("gives each fiscal year's SQLs by highest phase reached, every phase present", async () => {
    const r = await rows("select * from stagnation_by_cohort");
    const fy = (y: number) => Object.fromEntries(r.filter((x) => x.fiscal_year === y).map((x) => [x.highest_phase, x.deals]));
    // FY2024 SQLs: S1 won; S3 (lost, no history) and S7 at 01; S2, S4 and S10 (won only after as_of) at 02; S8 at 03
    expect(fy(2024)).toEqual({ "01": 2, "02": 3, "03": 1, "04": 0, "05": 0, won: 1 });
    // FY2023: S6 reached 03 (skipping 02) before it was lost; S5 is sales-generated
    expect(fy(2023)).toEqual({ "01": 0, "02": 0, "03": 1, "04": 0, "05": 0, won: 0 });
    expect(new Set(r.map((x) => x.fiscal_year))).toEqual(new Set([2023, 2024]));
  });

  it("splits each year into stuck at <= 02 and reached 03+, with the still-open share", async () => {
    const [y24] = await rows("select * from stagnation_by_cohort where fiscal_year = 2024 and highest_phase = 'won'");
    expect(y24.share).toBeCloseTo(1 / 7, 12);
    expect(y24.share_le_02).toBeCloseTo(5 / 7, 12); // S2, S3, S4, S7, S10
    expect(y24.share_ge_03).toBeCloseTo(2 / 7, 12); // S1 (won), S8
    expect(y24.open_le_02_share).toBeCloseTo(3 / 7, 12); // S4, S7, S10 are still open
    const [y23] = await rows("select * from stagnation_by_cohort where fiscal_year = 2023 and highest_phase = '03'");
    expect([y23.share, y23.share_le_02, y23.share_ge_03, y23.open_le_02_share]).toEqual([1, 0, 1, 0]);
  });
});

describe("stage_durations", () => {
  it("gives median / p75 / p90 days per phase and fiscal year of entering it (linear interpolation)", async () => {
    const r = await rows("select * from stage_durations");
    const get = (phase: string, fy: number) => r.find((x) => x.phase === phase && x.fiscal_year === fy);
    // Phase 01 entered in FY2024: S11 6 (still there), S1 9, S4 9, S10 9, S2 19, S8 19,
    // S3 40 (lost without history), S12 42, S7 58 and O7 59 (still there), O8 64.
    // Sorted, n = 11: median at position 5 = 19, p75 at 7.5 = 42 + 0.5 * (58 - 42) = 50,
    // p90 at position 9 = 59.
    expect(get("01", 2024)).toMatchObject({ deals: 11, median_days: 19, p75_days: 50, p90_days: 59 });
    // Phase 02 in FY2024: O8 11, S10 21, S1 22, S2 42, S4 202 (2024-09-10 to as_of):
    // median 22, p75 at position 3 = 42, p90 at 3.6 = 42 + 0.6 * 160 = 138.
    expect(get("02", 2024)).toMatchObject({ deals: 5, median_days: 22, p75_days: 42, p90_days: 138 });
    // Phase 03 in FY2023: S6 70 days (2023-11-01 to 2024-01-10), S5 669 (2023-06-01 to as_of):
    // median 369.5, p75 = 70 + 0.75 * 599 = 519.25, p90 = 70 + 0.9 * 599 = 609.1
    const p03 = get("03", 2023)!;
    expect(p03.deals).toBe(2);
    expect(p03.median_days).toBeCloseTo(369.5, 9);
    expect(p03.p75_days).toBeCloseTo(519.25, 9);
    expect(p03.p90_days).toBeCloseTo(609.1, 9);
    // S1 skipped 03 and spent 30 days in 04; nobody entered 05
    expect(get("04", 2024)).toMatchObject({ deals: 1, median_days: 30 });
    expect(r.filter((x) => x.phase === "05")).toEqual([]);
    expect(get("01", 2023)).toMatchObject({ deals: 2, median_days: 31 }); // S5 and S6, 31 days each
  });
});

describe("stalled_deals", () => {
  it("lists the open deals that are stalled on the as-of date, with every reason", async () => {
    const r = await rows("select opportunity_id, owner_name, account_name, phase, days_in_stage, days_since_activity, next_action_date, reasons from stalled_deals");
    expect(r).toEqual([
      // at 03 since 2023-06-01 (669 days); touched through its account on 03-25; next action 03-30 is past
      { opportunity_id: "S5", owner_name: "Field Two", account_name: "Account 5", phase: "03", days_in_stage: 669, days_since_activity: 6, next_action_date: "2025-03-30", reasons: ["next_action_overdue"] },
      // at 02 since 2024-09-10 (202 days); no task at all: 211 days since it was created on 2024-09-01
      { opportunity_id: "S4", owner_name: "Field One", account_name: "Account 4", phase: "02", days_in_stage: 202, days_since_activity: 211, next_action_date: null, reasons: ["phase_le_02_30d", "no_activity_14d", "no_next_action"] },
      // at 01 since 2025-01-31 (59 days), touched yesterday
      { opportunity_id: "O7", owner_name: "Field Two", account_name: "Account 2", phase: "01", days_in_stage: 59, days_since_activity: 1, next_action_date: "2025-04-05", reasons: ["phase_le_02_30d"] },
      // at 01 since 2025-02-01 (58 days); the task on the deal was 11 days ago
      { opportunity_id: "S7", owner_name: "Field One", account_name: "Account 7", phase: "01", days_in_stage: 58, days_since_activity: 11, next_action_date: "2025-04-10", reasons: ["phase_le_02_30d"] },
      // won only on 04-15: open at 02 since 03-10 (21 days); its task is dated after as_of, so 30 days since creation
      { opportunity_id: "S10", owner_name: "Field One", account_name: "Account 9", phase: "02", days_in_stage: 21, days_since_activity: 30, next_action_date: null, reasons: ["no_activity_14d", "no_next_action"] },
    ]);
    // O8 (02 for 11 days, touched 3 days ago, next action tomorrow) and S11 (next action due today) are not stalled
  });

  it("`relay query stalled_deals --as-of 2025-03-31` lists only deals open on that date", () => {
    const out = execFileSync("node", ["bin/relay.js", "query", "stalled_deals", "--data", dir, "--as-of", AS_OF, "--format", "json"], { encoding: "utf8" });
    const ids = (JSON.parse(out) as Row[]).map((r) => r.opportunity_id);
    expect(ids).toEqual(["S5", "S4", "O7", "S7", "S10"]);
    // S1, S2, S3, S6, S8 and S12 were closed by then; S13 did not exist yet
  });
});

describe("stalled_deal_counts", () => {
  it("counts the stalled list for every owner / phase / reason filter, null meaning any", async () => {
    const r = await rows("select owner_id, phase, reason, deals from stalled_deal_counts");
    const count = (owner: string | null, phase: string | null, reason: string | null) =>
      r.filter((x) => x.owner_id === owner && x.phase === phase && x.reason === reason).map((x) => x.deals);
    // the five stalled deals above: S5 (F2, 03), S4 (F1, 02), O7 (F2, 01), S7 (F1, 01), S10 (F1, 02)
    expect(count(null, null, null)).toEqual([5]);
    expect(count("F1", null, null)).toEqual([3]);
    expect(count("F2", null, null)).toEqual([2]);
    expect(count(null, "01", null)).toEqual([2]);
    expect(count(null, "03", null)).toEqual([1]);
    // a deal counts under each of its reasons: phase <= 02 S4, O7, S7; no activity S4, S10; overdue S5
    expect(count(null, null, "phase_le_02_30d")).toEqual([3]);
    expect(count(null, null, "no_activity_14d")).toEqual([2]);
    expect(count(null, null, "next_action_overdue")).toEqual([1]);
    expect(count("F1", "02", null)).toEqual([2]);
    expect(count("F1", "02", "no_next_action")).toEqual([2]);
    expect(count("F1", null, "phase_le_02_30d")).toEqual([2]);
    expect(count(null, "02", "phase_le_02_30d")).toEqual([1]);
    // combinations with no deal have no row
    expect(count("F2", "02", null)).toEqual([]);
  });
});

describe("reignition", () => {
  it("counts hand-backs by fiscal half of closing; only matured ones count towards the rate", async () => {
    const r = await rows("select fiscal_half, returned, matured, reignited, rate from reignition");
    expect(r).toEqual([
      // S6 closed 2024-01-10: matured, no new deal on A6
      { fiscal_half: "FY2023-H2", returned: 1, matured: 1, reignited: 0, rate: 0 },
      // S2 re-ignited by O7 on day 183; S3's O8 came on day 184
      { fiscal_half: "FY2024-H1", returned: 2, matured: 2, reignited: 1, rate: 0.5 },
      // S8 closed 2025-02-01: its window runs to 2025-08-03, after as_of
      { fiscal_half: "FY2024-H2", returned: 1, matured: 0, reignited: 0, rate: null },
    ]);
  });
});
