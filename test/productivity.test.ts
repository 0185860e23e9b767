// IS rep productivity, the IS rep list and the pace to target on a hand-built export, as
// of 2024-05-15 (Tokyo dates; April 2024 has 22 weekdays less Showa Day on the 29th = 21
// working days; May 1-15 has 11 weekdays less May 3rd and the substitute holiday on the
// 6th = 9). Source mix, passive distribution and speed to lead: test/source-mix.test.ts.
import { cpSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resolveConfig } from "../lib/config.ts";
import { queryRows } from "../lib/db.ts";
import { closePipeline, type Pipeline, runPipeline } from "../lib/pipeline.ts";
import { jst, tempDir, writeFixture } from "./helpers/fixture.ts";

let p: Pipeline;
let data: string;

const lead = (id: string, owner: string, day: string, source: string, time = "10:00", more: Record<string, unknown> = {}) =>
  ({ Id: id, CreatedDate: jst(day, time), OwnerId: owner, LeadSource: source, Status: "Open", ...more });
const appt = (id: string, setter: string, day: string, source: string | null) =>
  ({ Id: id, AccountId: "AC1", OwnerId: "F1", CreatedDate: jst(day), StageName: "01 Pre-Opportunity", AppointmentSetterId__c: setter, Origin__c: "SQL", LeadSource: source });
let n = 0;
const task = (owner: string, day: string, time: string, type: string, disposition: string | null, account: string | null, who: string | null = null) =>
  ({ Id: `T${++n}`, OwnerId: owner, CreatedDate: jst(day, time), Type: type, CallDisposition: disposition, AccountId: account, WhoId: who });

beforeAll(async () => {
  data = await writeFixture({
    users: [
      { Id: "R1", Name: "Rep One", Department: "IS", Team__c: "SDR" },
      { Id: "R2", Name: "Rep Two", Department: "IS", Team__c: "SDR" },
      { Id: "R3", Name: "Rep Three", Department: "IS", Team__c: "BDR" },
      { Id: "F1", Name: "Field", Department: "FS" },
      { Id: "F9", Name: "Field Setter", Department: "FS" }, // credited as a setter once: an IS rep for these marts
      { Id: "R4", Name: "Rep Four", Department: "IS", Team__c: "BDR", IsActive: false }, // no task, no appointment
    ],
    accounts: ["AC1", "AC2", "AC3", "AC4", "AC5"].map((Id) => ({ Id, Name: Id, CustomerType__c: "EndUser" })),
    // leads matter here only as people a task can touch (WhoId); a build needs at least one
    leads: [lead("L1", "R1", "2024-04-01", "Inquiry"), lead("L3", "R1", "2024-04-02", "Inquiry")],
    opportunities: [
      appt("O1", "R1", "2024-04-10", "Inquiry"), // passive
      appt("O2", "R1", "2024-04-11", null), // no source of its own: its lead L2 is Outbound Call, active
      appt("O3", "R3", "2024-04-12", "Outbound Call"),
      appt("O4", "R3", "2024-04-15", "Referral"),
      appt("O5", "R3", "2024-04-16", "Partner"), // not in the source map: unclassified
      appt("O6", "R1", "2024-05-07", "Web"),
      appt("O7", "F9", "2024-04-20", "Inquiry"),
      // an SQL nobody is credited with: counts towards the target, not for a rep
      { Id: "O8", AccountId: "AC1", OwnerId: "F1", CreatedDate: jst("2024-04-22"), StageName: "01 Pre-Opportunity", Origin__c: "SQL" },
    ],
    tasks: [
      // R1 April: 4 activities, 3 calls, 1 conversation, accounts/people {AC1, L3}
      task("R1", "2024-04-01", "10:30", "Call", "Conversation", "AC1", "L1"), // first touch of L1 after 30 min
      task("R1", "2024-04-02", "12:00", "Call", "No Answer", "AC1", "L3"), // first touch of L3 after 120 min
      task("R1", "2024-04-02", "09:00", "Email", null, null, "L3"), // before L3 existed: not a touch
      task("R1", "2024-04-05", "11:00", "Call", "No Answer", "AC1"),
      // R2 April: 3 calls on one account, no conversation
      task("R2", "2024-04-02", "11:00", "Call", "No Answer", "AC2"),
      task("R2", "2024-04-03", "11:00", "Call", "No Answer", "AC2"),
      task("R2", "2024-04-04", "11:00", "Call", "No Answer", "AC2"),
      // R3 April: 3 activities on 3 accounts, 2 conversations
      task("R3", "2024-04-08", "11:00", "Call", "Conversation", "AC3"),
      task("R3", "2024-04-09", "11:00", "Call", "Conversation", "AC4"),
      task("R3", "2024-04-10", "11:00", "Meeting", null, "AC5"),
      // R1 May: one conversation; and one after as_of, ignored
      task("R1", "2024-05-10", "11:00", "Call", "Conversation", "AC1"),
      task("R1", "2024-05-20", "11:00", "Call", "Conversation", "AC2"),
      // field sales work is not IS productivity
      task("F1", "2024-04-10", "11:00", "Meeting", null, "AC1"),
    ],
  });
  p = await runPipeline(resolveConfig({ data, asOf: "2024-05-15" }, {}));
});

afterAll(async () => closePipeline(p));

const rows = (q: string) => queryRows(p.db, q);

describe("rep_productivity", () => {
  it("gives each rep-month's appointments, activity, conversations, accounts and working days", async () => {
    const r = await rows("select rep_id, team, month, appointments, activities, calls, effective_conversations, unique_accounts, working_days, appointments_per_working_day from rep_productivity where period_kind = 'month' order by rep_id, month");
    expect(r).toEqual([
      // F9 set O7 but has no task: a rep-month with an appointment; no team
      { rep_id: "F9", team: "unassigned", month: "2024-04", appointments: 1, activities: 0, calls: 0, effective_conversations: 0, unique_accounts: 0, working_days: 21, appointments_per_working_day: 1 / 21 },
      { rep_id: "R1", team: "SDR", month: "2024-04", appointments: 2, activities: 4, calls: 3, effective_conversations: 1, unique_accounts: 2, working_days: 21, appointments_per_working_day: 2 / 21 },
      // May counts working days up to as_of (9)
      { rep_id: "R1", team: "SDR", month: "2024-05", appointments: 1, activities: 1, calls: 1, effective_conversations: 1, unique_accounts: 1, working_days: 9, appointments_per_working_day: 1 / 9 },
      { rep_id: "R2", team: "SDR", month: "2024-04", appointments: 0, activities: 3, calls: 3, effective_conversations: 0, unique_accounts: 1, working_days: 21, appointments_per_working_day: 0 },
      { rep_id: "R3", team: "BDR", month: "2024-04", appointments: 3, activities: 3, calls: 2, effective_conversations: 2, unique_accounts: 3, working_days: 21, appointments_per_working_day: 3 / 21 },
    ]);
  });
});

describe("rep_productivity by fiscal quarter and year", () => {
  it("counts an account touched in April and in May once over the quarter, and adds the rest up", async () => {
    const r = await rows("select rep_id, period_kind, period, month, appointments, activities, calls, effective_conversations, unique_accounts, working_days, appointments_per_working_day from rep_productivity where period_kind <> 'month' and rep_id = 'R1' order by period_kind, period");
    // R1 touched {AC1, L3} in April and AC1 again in May: 2 accounts over FY2024-Q1, not 2 + 1.
    // April 1-30 has 21 working days, May 1-15 9: 30 in the quarter (and in the year) up to as_of.
    // Appointments O1, O2 (April) and O6 (May); activities 4 + 1, calls 3 + 1, conversations 1 + 1.
    const q1 = { rep_id: "R1", month: null, appointments: 3, activities: 5, calls: 4, effective_conversations: 2, unique_accounts: 2, working_days: 30, appointments_per_working_day: 3 / 30 };
    expect(r).toEqual([
      { ...q1, period_kind: "fiscal_quarter", period: "FY2024-Q1" },
      { ...q1, period_kind: "fiscal_year", period: "FY2024" },
    ]);
  });

  it("counts a quarter's working days from its first day, even before the rep's first task", async () => {
    // F9's only row is an April appointment; its quarter still starts on April 1 (30 working days to as_of)
    const r = await rows("select period, working_days, appointments from rep_productivity where rep_id = 'F9' and period_kind = 'fiscal_quarter'");
    expect(r).toEqual([{ period: "FY2024-Q1", working_days: 30, appointments: 1 }]);
  });
});

describe("productivity_correlation", () => {
  it("matches Pearson r worked out by hand over rep-months with activity", async () => {
    const r = await rows("select team, metric, pearson_r, rep_months from productivity_correlation");
    const get = (team: string, metric: string) => r.find((x) => x.team === team && x.metric === metric)!;
    // all: rep-months with activity R1-Apr, R2-Apr, R3-Apr, R1-May; appointments y = [2, 0, 3, 1], mean 1.5,
    // deviations [0.5, -1.5, 1.5, -0.5], sum of squares 5.
    // unique accounts x = [2, 1, 3, 1], mean 1.75, deviations [.25, -.75, 1.25, -.75]:
    // sum dx*dy = .125 + 1.125 + 1.875 + .375 = 3.5; sum dx^2 = 2.75; r = 3.5 / sqrt(2.75 * 5) = 0.94388...
    expect(get("all", "unique_accounts").pearson_r).toBeCloseTo(3.5 / Math.sqrt(13.75), 10);
    expect(get("all", "unique_accounts").rep_months).toBe(4);
    // conversations x = [1, 0, 2, 1], mean 1: sum dx*dy = 0 + 1.5 + 1.5 + 0 = 3; sum dx^2 = 2; r = 3 / sqrt(10)
    expect(get("all", "effective_conversations").pearson_r).toBeCloseTo(3 / Math.sqrt(10), 10);
    // activities x = [4, 3, 3, 1], mean 2.75: sum dx*dy = .625 - .375 + .375 + .875 = 1.5; sum dx^2 = 4.75
    expect(get("all", "activities").pearson_r).toBeCloseTo(1.5 / Math.sqrt(23.75), 10);
    // SDR: R1-Apr, R2-Apr, R1-May: x = [2, 1, 1], y = [2, 0, 1]: sum dx*dy = 1, sum dx^2 = 2/3, sum dy^2 = 2
    expect(get("SDR", "unique_accounts").pearson_r).toBeCloseTo(1 / Math.sqrt(4 / 3), 10);
    // BDR has one rep-month: fewer than 3, r is null but the row is there
    expect(get("BDR", "activities")).toEqual({ team: "BDR", metric: "activities", pearson_r: null, rep_months: 1 });
    // F9 has no activity at all: no rep-month counts, so no team row for it
    expect(r.filter((x) => x.team === "unassigned")).toEqual([]);
  });

  it("keeps the row with a null r when a metric does not vary", async () => {
    // three Recycle reps, one month each, two calls on one account each, 0, 1 and 2 appointments:
    // activities and unique accounts are constant (variance 0), so r is undefined
    const dir = await writeFixture({
      users: [...["Q1", "Q2", "Q3"].map((Id) => ({ Id, Name: Id, Department: "IS", Team__c: "Recycle" })), { Id: "F1", Name: "Field", Department: "FS" }],
      accounts: [{ Id: "AC1", Name: "AC1", CustomerType__c: "EndUser" }],
      leads: [lead("LQ", "Q1", "2024-04-01", "Re-engagement")],
      opportunities: [appt("OQ1", "Q2", "2024-04-10", "Re-engagement"), appt("OQ2", "Q3", "2024-04-11", "Re-engagement"), appt("OQ3", "Q3", "2024-04-12", "Re-engagement")],
      tasks: ["Q1", "Q2", "Q3"].flatMap((rep) => [task(rep, "2024-04-02", "10:00", "Call", "Conversation", "AC1"), task(rep, "2024-04-03", "10:00", "Call", "No Answer", "AC1")]),
    });
    const flat = await runPipeline(resolveConfig({ data: dir, asOf: "2024-05-15" }, {}));
    try {
      const r = await queryRows(flat.db, "select team, metric, pearson_r, rep_months from productivity_correlation where team = 'Recycle'");
      expect(r).toEqual([
        { team: "Recycle", metric: "unique_accounts", pearson_r: null, rep_months: 3 },
        { team: "Recycle", metric: "effective_conversations", pearson_r: null, rep_months: 3 },
        { team: "Recycle", metric: "activities", pearson_r: null, rep_months: 3 },
      ]);
    } finally {
      await closePipeline(flat);
    }
  });
});

describe("is_reps", () => {
  it("lists IS department users and anyone credited as a setter, with their team", async () => {
    expect(await rows("select rep_id, rep_name, team, is_active from is_reps order by rep_id")).toEqual([
      { rep_id: "F9", rep_name: "Field Setter", team: "unassigned", is_active: true },
      { rep_id: "R1", rep_name: "Rep One", team: "SDR", is_active: true },
      { rep_id: "R2", rep_name: "Rep Two", team: "SDR", is_active: true },
      { rep_id: "R3", rep_name: "Rep Three", team: "BDR", is_active: true },
      // in IS with nothing recorded: a rep (and a page), but no rep-month
      { rep_id: "R4", rep_name: "Rep Four", team: "BDR", is_active: false },
    ]);
  });

  it("counts the open deals each rep set and how many of them are stalled", async () => {
    // every appointment is open at phase 01 with no next action date, so every one is stalled
    expect(await rows("select rep_id, open_deals, stalled_deals from is_reps order by rep_id")).toEqual([
      { rep_id: "F9", open_deals: 1, stalled_deals: 1 }, // O7
      { rep_id: "R1", open_deals: 3, stalled_deals: 3 }, // O1, O2, O6
      { rep_id: "R2", open_deals: 0, stalled_deals: 0 },
      { rep_id: "R3", open_deals: 3, stalled_deals: 3 }, // O3, O4, O5
      { rep_id: "R4", open_deals: 0, stalled_deals: 0 },
    ]);
  });
});

describe("target_pace", () => {
  const columns = "fiscal_year, fiscal_month, month, appointments, cumulative_appointments, target_cumulative, pace_ratio";

  it("compares cumulative appointments with the linear pace to 1,620 a year, up to the as-of month", async () => {
    expect(await rows(`select ${columns} from target_pace`)).toEqual([
      // April: O1-O5, O7 and O8 (an SQL with no setter still counts) = 7; pace 1620 / 12 = 135 a month
      { fiscal_year: 2024, fiscal_month: 1, month: "2024-04", appointments: 7, cumulative_appointments: 7, target_cumulative: 135, pace_ratio: 7 / 135 },
      // May, up to the 15th: O6; 7 + 1 = 8 against 135 * 2 = 270
      { fiscal_year: 2024, fiscal_month: 2, month: "2024-05", appointments: 1, cumulative_appointments: 8, target_cumulative: 270, pace_ratio: 8 / 270 },
    ]);
  });

  it("projects the year end at each month's pace", async () => {
    // April's 7 a month make 84 a year; by May, 8 in two months make 48, 48 / 1620 of the target
    expect(await rows("select month, projected_year_end, projected_vs_target from target_pace")).toEqual([
      { month: "2024-04", projected_year_end: 84, projected_vs_target: 84 / 1620 },
      { month: "2024-05", projected_year_end: 48, projected_vs_target: 48 / 1620 },
    ]);
  });

  it("follows settings.annual_appointment_target, and shows the as-of fiscal year before its first appointment", async () => {
    // an analyst sets the target to 120 a year (10 a month) in a copy of sql/
    const sql = join(tempDir("relay-target-"), "sql");
    cpSync("sql", sql, { recursive: true });
    const settings = join(sql, "rules", "settings.sql");
    const before = readFileSync(settings, "utf8");
    writeFileSync(settings, before.replace(/1620(\s+as annual_appointment_target)/, "120$1"));
    expect(readFileSync(settings, "utf8")).not.toBe(before);
    const later = await runPipeline(resolveConfig({ data, asOf: "2025-04-10" }, { RELAY_SQL_DIR: sql }));
    try {
      const r = await queryRows(later.db, `select ${columns} from target_pace`);
      // FY2024 in full (12 months) and FY2025's first month, which has no appointment yet
      expect(r.length).toBe(13);
      expect(r[0]).toEqual({ fiscal_year: 2024, fiscal_month: 1, month: "2024-04", appointments: 7, cumulative_appointments: 7, target_cumulative: 10, pace_ratio: 7 / 10 });
      // nothing after O6 in May: 8 by May against 10 * 2 = 20 ... still 8 by March against 120
      expect(r[1]).toEqual({ fiscal_year: 2024, fiscal_month: 2, month: "2024-05", appointments: 1, cumulative_appointments: 8, target_cumulative: 20, pace_ratio: 8 / 20 });
      expect(r[11]).toEqual({ fiscal_year: 2024, fiscal_month: 12, month: "2025-03", appointments: 0, cumulative_appointments: 8, target_cumulative: 120, pace_ratio: 8 / 120 });
      expect(r[12]).toEqual({ fiscal_year: 2025, fiscal_month: 1, month: "2025-04", appointments: 0, cumulative_appointments: 0, target_cumulative: 10, pace_ratio: 0 });
    } finally {
      await closePipeline(later);
    }
  });
});
