// IS rep productivity and source mix on a hand-built export, as of 2024-05-15 (Tokyo
// dates; April 2024 has 22 weekdays less Showa Day on the 29th = 21 working days; May 1-15
// has 11 weekdays less May 3rd and the substitute holiday on the 6th = 9).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resolveConfig } from "../lib/config.ts";
import { queryRows } from "../lib/db.ts";
import { closePipeline, type Pipeline, runPipeline } from "../lib/pipeline.ts";
import { jst, writeFixture } from "./helpers/fixture.ts";

let p: Pipeline;

const lead = (id: string, owner: string, day: string, source: string, time = "10:00", more: Record<string, unknown> = {}) =>
  ({ Id: id, CreatedDate: jst(day, time), OwnerId: owner, LeadSource: source, Status: "Open", ...more });
const appt = (id: string, setter: string, day: string, source: string | null) =>
  ({ Id: id, AccountId: "AC1", OwnerId: "F1", CreatedDate: jst(day), StageName: "01 Pre-Opportunity", AppointmentSetterId__c: setter, Origin__c: "SQL", LeadSource: source });
let n = 0;
const task = (owner: string, day: string, time: string, type: string, disposition: string | null, account: string | null, who: string | null = null) =>
  ({ Id: `T${++n}`, OwnerId: owner, CreatedDate: jst(day, time), Type: type, CallDisposition: disposition, AccountId: account, WhoId: who });

beforeAll(async () => {
  const dir = await writeFixture({
    users: [
      { Id: "R1", Name: "Rep One", Department: "IS", Team__c: "SDR" },
      { Id: "R2", Name: "Rep Two", Department: "IS", Team__c: "SDR" },
      { Id: "R3", Name: "Rep Three", Department: "IS", Team__c: "BDR" },
      { Id: "F1", Name: "Field", Department: "FS" },
      { Id: "F9", Name: "Field Setter", Department: "FS" }, // credited as a setter once: an IS rep for these marts
    ],
    accounts: ["AC1", "AC2", "AC3", "AC4", "AC5"].map((Id) => ({ Id, Name: Id, CustomerType__c: "EndUser" })),
    leads: [
      // April passive leads: R1 three, R2 three (equal shares: Gini 0)
      lead("L1", "R1", "2024-04-01", "Inquiry"),
      lead("L3", "R1", "2024-04-02", "Inquiry"),
      lead("L4", "R1", "2024-04-03", "Web"),
      lead("L5", "R2", "2024-04-01", "Document Request"),
      lead("L6", "R2", "2024-04-02", "Document Request"),
      lead("L7", "R2", "2024-04-03", "Document Request"),
      // May passive leads: R1 one, R2 three
      lead("L8", "R1", "2024-05-02", "Web"),
      lead("L9", "R2", "2024-05-02", "Inquiry"),
      lead("L10", "R2", "2024-05-07", "Inquiry"),
      lead("L11", "R2", "2024-05-08", "Inquiry"),
      // an active lead (not passive), converted into O2
      lead("L2", "R3", "2024-04-09", "Outbound Call", "10:00", { ConvertedOpportunityId: "O2", ConvertedAccountId: "AC1" }),
      // a passive lead owned by field sales: not an IS rep's
      lead("LF", "F1", "2024-04-04", "Inquiry"),
    ],
    opportunities: [
      appt("O1", "R1", "2024-04-10", "Inquiry"), // passive
      appt("O2", "R1", "2024-04-11", null), // no source of its own: its lead L2 is Outbound Call, active
      appt("O3", "R3", "2024-04-12", "Outbound Call"),
      appt("O4", "R3", "2024-04-15", "Referral"),
      appt("O5", "R3", "2024-04-16", "Partner"), // not in the source map: unclassified
      appt("O6", "R1", "2024-05-07", "Web"),
      appt("O7", "F9", "2024-04-20", "Inquiry"),
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
  p = await runPipeline(resolveConfig({ data: dir, asOf: "2024-05-15" }, {}));
});

afterAll(async () => closePipeline(p));

const rows = (q: string) => queryRows(p.db, q);

describe("rep_productivity", () => {
  it("gives each rep-month's appointments, activity, conversations, accounts and working days", async () => {
    const r = await rows("select rep_id, team, month, appointments, activities, calls, effective_conversations, unique_accounts, working_days, appointments_per_working_day from rep_productivity order by rep_id, month");
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

describe("source_mix", () => {
  it("splits each rep's appointments into passive, active and unclassified", async () => {
    const r = await rows("select rep_id, period_kind, period, passive, active, unclassified, passive_share from source_mix where rep_id in ('R1', 'R3') order by rep_id, period_kind, period");
    expect(r).toEqual([
      // FY2024: O1 passive, O2 active (through its lead), O6 passive
      { rep_id: "R1", period_kind: "fiscal_quarter", period: "FY2024-Q1", passive: 2, active: 1, unclassified: 0, passive_share: 2 / 3 },
      { rep_id: "R1", period_kind: "fiscal_year", period: "FY2024", passive: 2, active: 1, unclassified: 0, passive_share: 2 / 3 },
      { rep_id: "R1", period_kind: "month", period: "2024-04", passive: 1, active: 1, unclassified: 0, passive_share: 0.5 },
      { rep_id: "R1", period_kind: "month", period: "2024-05", passive: 1, active: 0, unclassified: 0, passive_share: 1 },
      // O3, O4 active; O5 has its own unmapped source (Partner): unclassified
      { rep_id: "R3", period_kind: "fiscal_quarter", period: "FY2024-Q1", passive: 0, active: 2, unclassified: 1, passive_share: 0 },
      { rep_id: "R3", period_kind: "fiscal_year", period: "FY2024", passive: 0, active: 2, unclassified: 1, passive_share: 0 },
      { rep_id: "R3", period_kind: "month", period: "2024-04", passive: 0, active: 2, unclassified: 1, passive_share: 0 },
    ]);
  });

  it("lists unmapped sources for the analyst", async () => {
    expect(await rows("select * from unclassified_sources")).toEqual([{ lead_source: "Partner", leads: 0, opportunities: 1 }]);
  });
});

describe("passive_distribution", () => {
  it("gives a Gini of 0 for a perfectly equal month and the population Gini otherwise", async () => {
    const r = await rows("select month, rep_id, passive_leads, share, gini, max_min_ratio from passive_distribution");
    expect(r).toEqual([
      // April: R1 3, R2 3 (LF belongs to field sales and does not count)
      { month: "2024-04", rep_id: "R1", passive_leads: 3, share: 0.5, gini: 0, max_min_ratio: 1 },
      { month: "2024-04", rep_id: "R2", passive_leads: 3, share: 0.5, gini: 0, max_min_ratio: 1 },
      // May: [1, 3], mean 2: sum over ordered pairs |xi - xj| = 4; 4 / (2 * 2^2 * 2) = 0.25
      { month: "2024-05", rep_id: "R1", passive_leads: 1, share: 0.25, gini: 0.25, max_min_ratio: 3 },
      { month: "2024-05", rep_id: "R2", passive_leads: 3, share: 0.75, gini: 0.25, max_min_ratio: 3 },
    ]);
  });
});

describe("speed_to_lead", () => {
  it("measures minutes to the first touch, leaving untouched leads out of the median", async () => {
    const r = await rows("select rep_id, month, leads, median_minutes, touched_within_1h_share from speed_to_lead where month = '2024-04'");
    expect(r).toEqual([
      // L1 touched after 30 min, L3 after 120 (the email before it existed does not count), L4 never
      { rep_id: "R1", month: "2024-04", leads: 3, median_minutes: 75, touched_within_1h_share: 1 / 3 },
      { rep_id: "R2", month: "2024-04", leads: 3, median_minutes: null, touched_within_1h_share: 0 },
    ]);
  });
});

describe("target_pace", () => {
  it("compares cumulative appointments with the linear pace to 1,620 a year", async () => {
    expect(await rows("select fiscal_year, fiscal_month, month, appointments, cumulative_appointments, target_cumulative, pace_ratio from target_pace")).toEqual([
      // April: O1-O5 and O7; pace 1620 / 12 = 135 a month
      { fiscal_year: 2024, fiscal_month: 1, month: "2024-04", appointments: 6, cumulative_appointments: 6, target_cumulative: 135, pace_ratio: 6 / 135 },
      { fiscal_year: 2024, fiscal_month: 2, month: "2024-05", appointments: 1, cumulative_appointments: 7, target_cumulative: 270, pace_ratio: 7 / 270 },
    ]);
  });
});
