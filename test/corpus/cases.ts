// The bad-input corpus: each case is a small export with ONE defect, and the outcome the
// contract's table prescribes (docs/contract.md, "What bad input gets"): a stop
// naming file, column and fix, or exact quarantine / warning counts.
import { mkdirSync, readFileSync, rmSync, truncateSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { DuckDBInstance } from "@duckdb/node-api";
import { sqlString } from "../../lib/db.ts";
import { jst, writeFixture, type FixtureRows, type FixtureOptions } from "../helpers/fixture.ts";

export const AS_OF = "2024-09-30";

/** A clean export: every object, every reference resolves, nothing to warn about. */
export function baseRows(): FixtureRows {
  return {
    users: [
      { Id: "U1", Name: "Rep", Department: "IS", Team__c: "SDR" },
      { Id: "F1", Name: "Field", Department: "FS" },
    ],
    accounts: [{ Id: "A1", Name: "Acme", CustomerType__c: "EndUser", NumberOfEmployees: 50 }],
    leads: [{ Id: "L1", CreatedDate: jst("2024-04-01"), OwnerId: "U1", LeadSource: "Web", Status: "Converted", ConvertedOpportunityId: "O1", ConvertedAccountId: "A1" }],
    opportunities: [{ Id: "O1", AccountId: "A1", OwnerId: "F1", CreatedDate: jst("2024-04-02"), StageName: "02 Issue Recognition", Amount: 100, CloseDate: "2024-12-31", LeadSource: "Web", AppointmentSetterId__c: "U1", NextActionDate__c: "2024-10-05" }],
    opportunity_history: [
      { Id: "H1", OpportunityId: "O1", CreatedDate: jst("2024-04-02"), StageName: "01 Pre-Opportunity" },
      { Id: "H2", OpportunityId: "O1", CreatedDate: jst("2024-04-10"), StageName: "02 Issue Recognition" },
    ],
    tasks: [{ Id: "T1", OwnerId: "U1", CreatedDate: jst("2024-09-29"), Type: "Call", WhatId: "O1", AccountId: "A1", CallDisposition: "Conversation" }],
    campaigns: [{ Id: "C1", Name: "Seminar", Type: "Seminar", StartDate: "2024-03-01" }],
    campaign_members: [{ Id: "M1", CampaignId: "C1", LeadId: "L1", CreatedDate: jst("2024-04-01"), HasResponded: true }],
  };
}

export type Outcome =
  | { stop: { file: string; column?: string; includes: string[] } }
  | { quarantine: Record<string, Record<string, number>>; warnings?: string[]; check?: { sql: string; equals: Record<string, unknown>[] } };

export interface Case {
  name: string;
  /** Edit the clean rows (and fixture options) ... */
  rows?: (r: FixtureRows) => void;
  options?: FixtureOptions;
  /** ... and/or damage the written export directly. */
  after?: (dir: string) => Promise<void>;
  outcome: Outcome;
}

/** Rewrite one object's file from a SQL query over the clean copy of it. */
async function rewrite(dir: string, object: string, select: (from: string) => string) {
  const file = join(dir, `${object}.parquet`);
  const db = await DuckDBInstance.create(":memory:");
  const con = await db.connect();
  await con.run(`CREATE TABLE t AS SELECT * FROM read_parquet(${sqlString(file)})`);
  await con.run(`COPY (${select("t")}) TO ${sqlString(file)} (FORMAT parquet)`);
  con.closeSync();
}

/** Overwrite every occurrence of `placeholder` in an uncompressed or plain-encoded file with `bytes` (same length). */
async function patchBytes(file: string, placeholder: string, bytes: number[]) {
  const db = await DuckDBInstance.create(":memory:");
  const con = await db.connect();
  // rewrite uncompressed, so that the placeholder's bytes are in the file as they are
  await con.run(`COPY (SELECT * FROM read_parquet(${sqlString(file)})) TO ${sqlString(file + ".plain")} (FORMAT parquet, COMPRESSION uncompressed)`);
  con.closeSync();
  const buf = readFileSync(file + ".plain");
  const needle = Buffer.from(placeholder);
  let n = 0;
  for (let i = buf.indexOf(needle); i >= 0; i = buf.indexOf(needle, i + 1), n++) Buffer.from(bytes).copy(buf, i);
  if (n === 0) throw new Error(`patchBytes: ${placeholder} not found in ${file}`);
  writeFileSync(file, buf);
  rmSync(file + ".plain");
}

const stop = (file: string, column: string | undefined, ...includes: string[]): Outcome => ({ stop: { file, column, includes } });
const q = (quarantine: Record<string, Record<string, number>>, warnings: string[] = []): Outcome => ({ quarantine, warnings });

export const CASES: Case[] = [
  // ---- structural: stop, naming file, column and fix ---------------------------
  { name: "users object missing", options: { omit: ["users"] }, outcome: stop("users.parquet", undefined, "required object users is missing", "Fix: export users") },
  { name: "leads object missing", options: { omit: ["leads"] }, outcome: stop("leads.parquet", undefined, "required object leads is missing") },
  { name: "opportunities object missing", options: { omit: ["opportunities"] }, outcome: stop("opportunities.parquet", undefined, "required object opportunities is missing") },
  { name: "users with zero rows", rows: (r) => (r.users = []), outcome: stop("users.parquet", undefined, "has zero rows", "Fix: export a non-empty users") },
  { name: "opportunities with zero rows", rows: (r) => (r.opportunities = []), outcome: stop("opportunities.parquet", undefined, "has zero rows") },
  {
    name: "both leads.parquet and leads/ present",
    after: async (dir) => {
      mkdirSync(join(dir, "leads"));
      writeFileSync(join(dir, "leads", "part-0.parquet"), "");
    },
    outcome: stop("leads.parquet", undefined, "both leads.parquet and the folder leads/ exist", "Fix: keep one"),
  },
  { name: "leads without CreatedDate", options: { dropColumns: ["leads.CreatedDate"] }, outcome: stop("leads.parquet", "CreatedDate", "required column CreatedDate is missing", "Fix: add CreatedDate") },
  { name: "opportunities without StageName", options: { dropColumns: ["opportunities.StageName"] }, outcome: stop("opportunities.parquet", "StageName", "required column StageName is missing") },
  { name: "users without Name", options: { dropColumns: ["users.Name"] }, outcome: stop("users.parquet", "Name", "required column Name is missing") },
  { name: "optional tasks without OwnerId", options: { dropColumns: ["tasks.OwnerId"] }, outcome: stop("tasks.parquet", "OwnerId", "required column OwnerId is missing") },
  { name: "optional campaign_members without LeadId", options: { dropColumns: ["campaign_members.LeadId"] }, outcome: stop("campaign_members.parquet", "LeadId", "required column LeadId is missing") },
  {
    name: "Amount stored as text",
    after: (dir) => rewrite(dir, "opportunities", (t) => `SELECT * REPLACE (CAST(Amount AS VARCHAR) AS Amount) FROM ${t}`),
    outcome: stop("opportunities.parquet", "Amount", "has type VARCHAR, which cannot be read as DECIMAL", "Fix: write Amount as a number"),
  },
  {
    name: "IsWon as yes/no text",
    after: (dir) => rewrite(dir, "opportunities", (t) => `SELECT * REPLACE (CASE WHEN IsWon THEN 'yes' ELSE 'no' END AS IsWon) FROM ${t}`),
    outcome: stop("opportunities.parquet", "IsWon", "cannot be read as BOOLEAN", "Fix: write IsWon as BOOLEAN"),
  },
  {
    name: "NumberOfEmployees as a struct",
    after: (dir) => rewrite(dir, "accounts", (t) => `SELECT * REPLACE ({'n': NumberOfEmployees} AS NumberOfEmployees) FROM ${t}`),
    outcome: stop("accounts.parquet", "NumberOfEmployees", "cannot be read as INTEGER"),
  },
  {
    name: "CreatedDate as a number",
    after: (dir) => rewrite(dir, "leads", (t) => `SELECT * REPLACE (epoch(CreatedDate)::BIGINT AS CreatedDate) FROM ${t}`),
    outcome: stop("leads.parquet", "CreatedDate", "cannot be read as TIMESTAMP"),
  },
  {
    name: "CreatedDate text that is not a date",
    after: (dir) => rewrite(dir, "leads", (t) => `SELECT * REPLACE ('last tuesday' AS CreatedDate) FROM ${t}`),
    outcome: stop("leads.parquet", "CreatedDate", "not ISO-8601", "last tuesday"),
  },
  {
    name: "truncated opportunities file",
    after: async (dir) => truncateSync(join(dir, "opportunities.parquet"), Math.floor(statSync(join(dir, "opportunities.parquet")).size / 2)),
    outcome: stop("opportunities.parquet", undefined, "is not readable Parquet", "Fix: re-export opportunities"),
  },
  { name: "zero-byte accounts file", after: async (dir) => writeFileSync(join(dir, "accounts.parquet"), ""), outcome: stop("accounts.parquet", undefined, "is not readable Parquet") },
  { name: "tasks file that is not Parquet", after: async (dir) => writeFileSync(join(dir, "tasks.parquet"), "Id,OwnerId\nT1,U1\n"), outcome: stop("tasks.parquet", undefined, "is not readable Parquet") },
  {
    name: "one corrupt part in a folder of parts",
    after: async (dir) => {
      mkdirSync(join(dir, "tasks"));
      const { renameSync } = await import("node:fs");
      renameSync(join(dir, "tasks.parquet"), join(dir, "tasks", "part-0.parquet"));
      writeFileSync(join(dir, "tasks", "part-1.parquet"), "PAR1 not really");
    },
    outcome: stop("tasks/part-1.parquet", undefined, "is not readable Parquet", "(this part)"),
  },
  { name: "a folder object with no parts", after: async (dir) => (rmSync(join(dir, "campaigns.parquet")), mkdirSync(join(dir, "campaigns"))), outcome: stop("campaigns", undefined, "the folder holds no .parquet files") },
  {
    name: "a date column of an optional object stored as a number",
    after: (dir) => rewrite(dir, "campaigns", (t) => `SELECT * REPLACE (20240301 AS StartDate) FROM ${t}`),
    outcome: stop("campaigns.parquet", "StartDate", "cannot be read as DATE", "Fix: write StartDate as a DATE"),
  },
  {
    name: "bytes that are not UTF-8 in a name",
    // a Parquet byte array without the UTF-8 annotation reads as BLOB
    after: (dir) => rewrite(dir, "accounts", (t) => `SELECT * REPLACE (from_hex('41cf') AS Name) FROM ${t}`),
    outcome: stop("accounts.parquet", "Name", "has type BLOB, which cannot be read as VARCHAR", "Fix: write Name as text"),
  },
  {
    name: "Shift_JIS bytes in a UTF-8 text column",
    // an export from a Shift_JIS system: the column says UTF-8, the bytes are not. DuckDB
    // writes only valid UTF-8, so a placeholder of the same length is patched in the file
    after: (dir) => patchBytes(join(dir, "accounts.parquet"), "ZZQXSJIS", [0x83, 0x65, 0x83, 0x58, 0x83, 0x67, 0x8a, 0x94]),
    rows: (r) => r.accounts!.push({ Id: "A2", Name: "ZZQXSJIS", CustomerType__c: "EndUser" }),
    outcome: stop("accounts.parquet", "Name", "holds text that is not UTF-8", "Shift_JIS", "Fix: export accounts again with UTF-8 text (the column Name)"),
  },

  // ---- row level: quarantined, counted, reconciled -------------------------------
  { name: "duplicate lead Id: every copy", rows: (r) => r.leads!.push({ ...r.leads![0] }), outcome: q({ leads: { duplicate_id: 2 }, campaign_members: { lead_quarantined: 1 } }) },
  { name: "lead owned by a user that does not exist", rows: (r) => (r.leads![0].OwnerId = "NOBODY"), outcome: q({ leads: { dangling_owner_id: 1 }, campaign_members: { lead_quarantined: 1 } }) },
  {
    name: "opportunity on a missing account, and what hangs on it",
    rows: (r) => (r.opportunities![0].AccountId = "NOWHERE"),
    outcome: q({ opportunities: { dangling_account_id: 1 }, opportunity_history: { opportunity_quarantined: 2 }, tasks: { opportunity_quarantined: 1 } }),
  },
  { name: "history row of a missing opportunity", rows: (r) => r.opportunity_history!.push({ Id: "H9", OpportunityId: "O404", CreatedDate: jst("2024-05-01"), StageName: "03 Evaluation" }), outcome: q({ opportunity_history: { dangling_opportunity_id: 1 } }) },
  { name: "lead with a null CreatedDate", rows: (r) => r.leads!.push({ Id: "L2", CreatedDate: null, OwnerId: "U1", LeadSource: "Web", Status: "Open" }), outcome: q({ leads: { null_created_date: 1 } }) },
  { name: "opportunity with an empty-string Id", rows: (r) => r.opportunities!.push({ ...r.opportunities![0], Id: "" }), outcome: q({ opportunities: { null_id: 1 } }) },
  { name: "opportunity with a null OwnerId", rows: (r) => r.opportunities!.push({ ...r.opportunities![0], Id: "O2", OwnerId: null }), outcome: q({ opportunities: { null_owner_id: 1 } }) },
  { name: "CloseDate before CreatedDate", rows: (r) => r.opportunities!.push({ ...r.opportunities![0], Id: "O2", CloseDate: "2024-03-01" }), outcome: q({ opportunities: { close_before_create: 1 } }) },
  { name: "negative amount", rows: (r) => r.opportunities!.push({ ...r.opportunities![0], Id: "O2", Amount: -5 }), outcome: q({ opportunities: { negative_amount: 1 } }) },
  { name: "absurd amount above the ceiling", rows: (r) => r.opportunities!.push({ ...r.opportunities![0], Id: "O2", Amount: "10000000000000" }), outcome: q({ opportunities: { amount_above_ceiling: 1 } }) },
  {
    name: "NaN and infinite amounts (a DOUBLE column)",
    rows: (r) => r.opportunities!.push({ ...r.opportunities![0], Id: "O2" }, { ...r.opportunities![0], Id: "O3" }),
    after: (dir) => rewrite(dir, "opportunities", (t) => `SELECT * REPLACE (CASE Id WHEN 'O2' THEN 'NaN'::DOUBLE WHEN 'O3' THEN 'inf'::DOUBLE ELSE Amount::DOUBLE END AS Amount) FROM ${t}`),
    outcome: q({ opportunities: { invalid_amount: 2 } }),
  },
  {
    name: "unknown StageName on an opportunity, listed for mapping",
    rows: (r) => r.opportunities!.push({ ...r.opportunities![0], Id: "O2", StageName: "06 Contract" }),
    outcome: {
      quarantine: { opportunities: { unknown_stage: 1 } },
      check: { sql: "select object, stage_name, rows from unmapped_stages", equals: [{ object: "opportunities", stage_name: "06 Contract", rows: 1 }] },
    },
  },
  { name: "unknown StageName in history", rows: (r) => r.opportunity_history!.push({ Id: "H3", OpportunityId: "O1", CreatedDate: jst("2024-05-01"), StageName: "Stage X" }), outcome: q({ opportunity_history: { unknown_stage: 1 } }) },
  { name: "history dated before its opportunity", rows: (r) => r.opportunity_history!.push({ Id: "H3", OpportunityId: "O1", CreatedDate: jst("2024-03-01"), StageName: "01 Pre-Opportunity" }), outcome: q({ opportunity_history: { before_opportunity_created: 1 } }) },
  { name: "the same history row twice", rows: (r) => r.opportunity_history!.push({ ...r.opportunity_history![1] }), outcome: q({ opportunity_history: { duplicate_id: 2 } }) },
  {
    name: "a duplicated user takes what they own with them",
    rows: (r) => r.users!.push({ ...r.users![1] }),
    outcome: q({ users: { duplicate_id: 2 }, opportunities: { owner_quarantined: 1 }, opportunity_history: { opportunity_quarantined: 2 }, tasks: { opportunity_quarantined: 1 } }),
  },
  { name: "task on a missing opportunity", rows: (r) => r.tasks!.push({ ...r.tasks![0], Id: "T2", WhatId: "O404" }), outcome: q({ tasks: { dangling_what_id: 1 } }) },
  { name: "task on a missing account", rows: (r) => r.tasks!.push({ ...r.tasks![0], Id: "T2", WhatId: null, AccountId: "A404" }), outcome: q({ tasks: { dangling_account_id: 1 } }) },
  { name: "campaign member of a missing lead", rows: (r) => r.campaign_members!.push({ ...r.campaign_members![0], Id: "M2", LeadId: "L404" }), outcome: q({ campaign_members: { dangling_lead_id: 1 } }) },
  { name: "campaign member of a missing campaign", rows: (r) => r.campaign_members!.push({ ...r.campaign_members![0], Id: "M2", CampaignId: "C404" }), outcome: q({ campaign_members: { dangling_campaign_id: 1 } }) },
  { name: "references into an absent object are not checked", options: { omit: ["accounts"] }, outcome: q({}) },

  // ---- kept, counted as warnings -------------------------------------------------
  { name: "unknown lead source", rows: (r) => r.leads!.push({ ...r.leads![0], Id: "L2", LeadSource: "Billboard", ConvertedOpportunityId: null }), outcome: q({}, ["leads.LeadSource: unmapped lead source: Billboard (1)"]) },
  { name: "empty lead source", rows: (r) => r.leads!.push({ ...r.leads![0], Id: "L2", LeadSource: "", ConvertedOpportunityId: null }), outcome: q({}, ["leads.LeadSource: unmapped lead source: (empty) (1)"]) },
  { name: "a lead dated after as_of", rows: (r) => r.leads!.push({ ...r.leads![0], Id: "L2", CreatedDate: jst("2024-10-15"), ConvertedOpportunityId: null }), outcome: q({}, ["leads.CreatedDate: created after as_of (not yet counted) (1)"]) },
  {
    name: "a stage regression 03 -> 02",
    rows: (r) => r.opportunity_history!.push({ Id: "H3", OpportunityId: "O1", CreatedDate: jst("2024-05-01"), StageName: "03 Evaluation" }, { Id: "H4", OpportunityId: "O1", CreatedDate: jst("2024-06-01"), StageName: "02 Issue Recognition" }),
    outcome: {
      quarantine: {},
      warnings: ["opportunity_history.StageName: stage regression (moved back to a lower phase) (1)"],
      check: { sql: "select phase, highest_phase from int_opportunities", equals: [{ phase: 2, highest_phase: "03" }] },
    },
  },
  {
    name: "history rows out of order in the file",
    rows: (r) => {
      r.opportunity_history!.push({ Id: "H3", OpportunityId: "O1", CreatedDate: jst("2024-05-01"), StageName: "03 Evaluation" });
      r.opportunities![0].StageName = "03 Evaluation";
      r.opportunity_history!.reverse();
    },
    outcome: { quarantine: {}, check: { sql: "select phase, highest_phase, stage_entered_date from int_opportunities", equals: [{ phase: 3, highest_phase: "03", stage_entered_date: "2024-05-01" }] } },
  },
  {
    name: "a lost deal without history",
    rows: (r) => r.opportunities!.push({ ...r.opportunities![0], Id: "O2", StageName: "Closed Lost", CloseDate: "2024-06-01" }),
    outcome: q({}, ["opportunities.StageName: lost without stage history (counted as phase 01) (1)"]),
  },
  {
    name: "ISO-8601 text timestamps, read as UTC",
    after: (dir) => rewrite(dir, "leads", (t) => `SELECT * REPLACE (strftime(CreatedDate, '%Y-%m-%dT%H:%M:%S') AS CreatedDate) FROM ${t}`),
    outcome: {
      quarantine: {},
      warnings: ["leads.CreatedDate: text read as ISO-8601 UTC timestamp (1)"],
      check: { sql: "select created_date from int_leads", equals: [{ created_date: "2024-04-01" }] },
    },
  },
  {
    name: "mixed time zones: one part TIMESTAMP, one part TIMESTAMP WITH TIME ZONE",
    rows: (r) => r.tasks!.push({ ...r.tasks![0], Id: "T2", CreatedDate: "2024-09-28 15:30:00" }), // 00:30 on the 29th in Tokyo
    after: async (dir) => {
      mkdirSync(join(dir, "tasks"));
      const db = await DuckDBInstance.create(":memory:");
      const con = await db.connect();
      const src = sqlString(join(dir, "tasks.parquet"));
      await con.run(`COPY (SELECT * FROM read_parquet(${src}) WHERE Id = 'T1') TO ${sqlString(join(dir, "tasks", "a.parquet"))} (FORMAT parquet)`);
      await con.run("SET TimeZone = 'UTC'");
      await con.run(`COPY (SELECT * REPLACE (CAST(CreatedDate AS TIMESTAMPTZ) AS CreatedDate) FROM read_parquet(${src}) WHERE Id = 'T2') TO ${sqlString(join(dir, "tasks", "b.parquet"))} (FORMAT parquet)`);
      con.closeSync();
      rmSync(join(dir, "tasks.parquet"));
    },
    outcome: { quarantine: {}, check: { sql: "select owner_id, created_date from stg_tasks order by created_at", equals: [{ owner_id: "U1", created_date: "2024-09-29" }, { owner_id: "U1", created_date: "2024-09-29" }] } },
  },
  {
    name: "HTML, emoji, Japanese and very long text are data",
    rows: (r) => r.accounts!.push({ Id: "A2", Name: `<script>alert(1)</script> 株式会社テスト 😀 ${"x".repeat(5000)}`, CustomerType__c: "SIer" }),
    outcome: { quarantine: {}, check: { sql: "select account_name = '<script>alert(1)</script> 株式会社テスト 😀 ' || repeat('x', 5000) as intact from stg_accounts where account_id = 'A2'", equals: [{ intact: true }] } },
  },
];

export async function writeCase(c: Case, dir: string): Promise<string> {
  const rows = baseRows();
  c.rows?.(rows);
  await writeFixture(rows, c.options ?? {}, dir);
  await c.after?.(dir);
  return dir;
}
