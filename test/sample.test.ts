// The sample generator: deterministic, exactly the contract's shape, and telling the
// stories the dashboard is for. The story checks are plain SQL over the Parquet files,
// independent of the project's models.
import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { DuckDBInstance } from "@duckdb/node-api";
import { beforeAll, describe, expect, it } from "vitest";
import { CONTRACT, duckdbType } from "../lib/contract.ts";
import { generateSample } from "../lib/sample/generate.ts";
import { tempDir } from "./helpers/fixture.ts";

const a = join(tempDir("relay-sample-"), "a");
const b = join(tempDir("relay-sample-"), "b");
const c = join(tempDir("relay-sample-"), "c");

const digest = (dir: string) =>
  Object.fromEntries(readdirSync(dir).sort().map((f) => [f, createHash("sha256").update(readFileSync(join(dir, f))).digest("hex")]));

async function sql(dir: string, query: string): Promise<Record<string, unknown>[]> {
  const db = await DuckDBInstance.create(":memory:");
  const con = await db.connect();
  for (const o of CONTRACT) await con.run(`CREATE VIEW ${o.name} AS SELECT * FROM read_parquet('${join(dir, o.name)}.parquet')`);
  const rows = (await con.runAndReadAll(query)).getRowObjectsJS();
  con.closeSync();
  return rows as Record<string, unknown>[];
}

beforeAll(async () => {
  await generateSample({ outDir: a, seed: 7 });
  await generateSample({ outDir: b, seed: 7 });
  await generateSample({ outDir: c, seed: 8 });
});

describe("relay sample", () => {
  it("writes byte-identical files for the same seed, and different data for another seed", () => {
    expect(digest(b)).toEqual(digest(a));
    expect(digest(c)["leads.parquet"]).not.toBe(digest(a)["leads.parquet"]);
  });

  it("writes every contract object with exactly the contract's columns and types", async () => {
    for (const o of CONTRACT) {
      const cols = await sql(a, `SELECT column_name, column_type FROM (DESCRIBE SELECT * FROM ${o.name})`);
      expect(cols.map((r) => `${r.column_name} ${r.column_type}`), o.name).toEqual(o.columns.map((col) => `${col.name} ${duckdbType(col.type)}`));
    }
    const summary = JSON.parse(readFileSync(join(a, "relay-sample.json"), "utf8"));
    expect(summary.as_of).toBe("2025-09-30");
    expect(summary.seed).toBe(7);
  });

  it("creates nothing after its as-of date (Tokyo) and every reference resolves", async () => {
    const [r] = await sql(a, `
      SELECT
        (SELECT count(*) FROM leads WHERE (CreatedDate + INTERVAL 9 HOUR)::DATE > DATE '2025-09-30') AS late_leads,
        (SELECT count(*) FROM opportunities WHERE (CreatedDate + INTERVAL 9 HOUR)::DATE > DATE '2025-09-30') AS late_opps,
        (SELECT count(*) FROM tasks WHERE (CreatedDate + INTERVAL 9 HOUR)::DATE > DATE '2025-09-30') AS late_tasks,
        (SELECT count(*) FROM leads WHERE OwnerId NOT IN (SELECT Id FROM users)) AS bad_lead_owner,
        (SELECT count(*) FROM opportunities WHERE AccountId NOT IN (SELECT Id FROM accounts) OR OwnerId NOT IN (SELECT Id FROM users)) AS bad_opp,
        (SELECT count(*) FROM opportunity_history WHERE OpportunityId NOT IN (SELECT Id FROM opportunities)) AS bad_history,
        (SELECT count(*) FROM tasks WHERE WhatId IS NOT NULL AND WhatId NOT IN (SELECT Id FROM opportunities)) AS bad_what,
        (SELECT count(*) FROM campaign_members WHERE LeadId NOT IN (SELECT Id FROM leads) OR CampaignId NOT IN (SELECT Id FROM campaigns)) AS bad_member,
        (SELECT count(*) FROM opportunities WHERE CloseDate < (CreatedDate + INTERVAL 9 HOUR)::DATE) AS close_before_create`);
    expect(r).toEqual({ late_leads: 0n, late_opps: 0n, late_tasks: 0n, bad_lead_owner: 0n, bad_opp: 0n, bad_history: 0n, bad_what: 0n, bad_member: 0n, close_before_create: 0n });
  });

  it("tells the stagnation story: most FY2023 SQLs stall at phase <= 02, FY2024 improves", async () => {
    // highest phase from the history rows, straight from the files
    const rows = await sql(a, `
      WITH sqls AS (
        SELECT Id, year((CreatedDate + INTERVAL 9 HOUR)::DATE - INTERVAL 3 MONTH) AS fy
        FROM opportunities WHERE AppointmentSetterId__c IS NOT NULL),
      reached AS (
        SELECT OpportunityId, bool_or(StageName IN ('03 Evaluation', '04 Final Negotiation', '05 Approval', 'Closed Won')) AS ge03
        FROM opportunity_history GROUP BY 1)
      SELECT fy, avg(CASE WHEN coalesce(ge03, false) THEN 0 ELSE 1 END) AS le02
      FROM sqls LEFT JOIN reached ON reached.OpportunityId = sqls.Id GROUP BY fy ORDER BY fy`);
    const le02 = Object.fromEntries(rows.map((r) => [Number(r.fy), Number(r.le02)]));
    expect(le02[2023]).toBeGreaterThan(0.55);
    expect(le02[2024]).toBeLessThan(0.35);
  });

  it("tells the productivity story: unique accounts track appointments more closely than activity volume", async () => {
    const [r] = await sql(a, `
      WITH t AS (
        SELECT OwnerId AS rep, strftime(CreatedDate + INTERVAL 9 HOUR, '%Y-%m') AS m, count(*) AS acts, count(DISTINCT coalesce(AccountId, WhoId)) AS ua
        FROM tasks WHERE OwnerId IN (SELECT Id FROM users WHERE Department = 'IS') GROUP BY ALL),
      a AS (
        SELECT AppointmentSetterId__c AS rep, strftime(CreatedDate + INTERVAL 9 HOUR, '%Y-%m') AS m, count(*) AS appts
        FROM opportunities WHERE AppointmentSetterId__c IS NOT NULL GROUP BY ALL)
      SELECT corr(ua, coalesce(appts, 0)) AS r_ua, corr(acts, coalesce(appts, 0)) AS r_acts
      FROM t LEFT JOIN a USING (rep, m)`);
    expect(Number(r.r_ua)).toBeGreaterThan(Number(r.r_acts) + 0.1);
    expect(Number(r.r_ua)).toBeGreaterThan(0.7);
  });

  it("covers every tier, IS team, source kind and some re-ignited hand-backs", async () => {
    const [r] = await sql(a, `
      SELECT
        (SELECT list(DISTINCT Team__c ORDER BY Team__c) FROM users WHERE Department = 'IS') AS teams,
        (SELECT count(*) FROM accounts WHERE CustomerType__c = 'EndUser') AS tier1_endusers,
        (SELECT count(*) FROM accounts WHERE CustomerType__c = 'SIer' AND NumberOfEmployees >= 1000 AND FocusTheme__c) AS tier1_siers,
        (SELECT count(*) FROM accounts WHERE CustomerType__c = 'SIer' AND NOT (coalesce(NumberOfEmployees, 0) >= 1000) AND NOT coalesce(FocusTheme__c, false)) AS tier3_siers,
        (SELECT count(*) FROM accounts WHERE CustomerType__c IS NULL OR CustomerType__c NOT IN ('EndUser', 'SIer', 'Consulting', 'Other')) AS unclassified,
        (SELECT count(*) FROM accounts WHERE NumberOfEmployees IS NULL) AS unknown_size,
        (SELECT count(DISTINCT LeadSource) FROM leads WHERE LeadSource IN ('Inquiry', 'Document Request')) AS passive_sources,
        (SELECT count(DISTINCT LeadSource) FROM leads WHERE LeadSource IN ('Outbound Call', 'Re-engagement')) AS active_sources,
        (SELECT count(*) FROM leads WHERE LeadSource IS NULL OR LeadSource = '' OR LeadSource = 'Partner') AS unclassified_leads,
        (SELECT count(*) FROM opportunities r JOIN opportunities n ON n.AccountId = r.AccountId AND n.Id <> r.Id
           AND (n.CreatedDate + INTERVAL 9 HOUR)::DATE BETWEEN r.CloseDate AND r.CloseDate + 183
         WHERE r.LossReason__c = 'Returned to IS') AS reignited`);
    expect(r.teams).toEqual(["BDR", "Recycle", "SDR"]);
    for (const k of ["tier1_endusers", "tier1_siers", "tier3_siers", "unclassified", "unknown_size", "unclassified_leads", "reignited"]) expect(Number(r[k]), k).toBeGreaterThan(0);
    expect(Number(r.passive_sources)).toBe(2);
    expect(Number(r.active_sources)).toBe(2);
  });
});

describe("relay sample: the opportunity history moves like a CRM's", () => {
  // the history rows in the order the CRM wrote them, each with the row before it
  const HISTORY = `
    WITH h AS (
      SELECT *,
        (CreatedDate + INTERVAL 9 HOUR)::DATE AS day,
        lag(StageName) OVER w AS prev_stage, lag(Amount) OVER w AS prev_amount, lag(CloseDate) OVER w AS prev_close,
        row_number() OVER (PARTITION BY OpportunityId ORDER BY CreatedDate DESC, Id DESC) AS from_last
      FROM opportunity_history
      WINDOW w AS (PARTITION BY OpportunityId ORDER BY CreatedDate, Id))`;
  const KNOWN_STAGES = `('01 Pre-Opportunity', '02 Issue Recognition', '03 Evaluation', '04 Final Negotiation', '05 Approval', 'Closed Won', 'Closed Lost')`;

  it("ends every deal's history in its current stage, amount and close date", async () => {
    // (a deal whose latest stage is one the stage map does not know is the data-quality page's example)
    const [r] = await sql(a, `${HISTORY}
      SELECT count(*) AS deals,
        count(*) FILTER (WHERE h.StageName <> o.StageName OR h.Amount IS DISTINCT FROM o.Amount OR h.CloseDate IS DISTINCT FROM o.CloseDate) AS differ
      FROM h JOIN opportunities o ON o.Id = h.OpportunityId
      WHERE h.from_last = 1 AND h.StageName IN ${KNOWN_STAGES}`);
    expect(Number(r.deals)).toBeGreaterThan(1000);
    expect(Number(r.differ)).toBe(0);
  });

  it("dates no history row after the as-of date (Tokyo) or before its deal was created", async () => {
    const [r] = await sql(a, `${HISTORY}
      SELECT
        count(*) FILTER (WHERE h.day > DATE '2025-09-30') AS late,
        count(*) FILTER (WHERE h.CreatedDate < o.CreatedDate) AS early,
        count(*) FILTER (WHERE h.CloseDate < (o.CreatedDate + INTERVAL 9 HOUR)::DATE) AS close_before_create,
        count(*) FILTER (WHERE h.prev_stage = h.StageName AND h.Amount IS NOT DISTINCT FROM h.prev_amount AND h.CloseDate = h.prev_close) AS changes_nothing
      FROM h JOIN opportunities o ON o.Id = h.OpportunityId`);
    expect(r).toEqual({ late: 0n, early: 0n, close_before_create: 0n, changes_nothing: 0n });
  });

  it("revises amounts and moves close dates in rows that keep the stage", async () => {
    const [r] = await sql(a, `${HISTORY},
      deals AS (
        SELECT OpportunityId,
          count(*) FILTER (WHERE CloseDate > prev_close) AS pushes,
          count(*) FILTER (WHERE CloseDate > prev_close AND date_trunc('quarter', CloseDate) > date_trunc('quarter', prev_close)) AS into_later_quarter,
          count(*) FILTER (WHERE CloseDate < prev_close AND StageName = prev_stage) AS pulls
        FROM h GROUP BY 1)
      SELECT
        (SELECT count(*) FROM h WHERE StageName = prev_stage AND Amount <> prev_amount AND CloseDate = prev_close) AS amount_only,
        (SELECT count(*) FROM h WHERE StageName = prev_stage AND Amount IS NOT DISTINCT FROM prev_amount AND CloseDate <> prev_close) AS close_only,
        (SELECT count(*) FROM h WHERE StageName = prev_stage AND Amount > prev_amount) AS raised,
        (SELECT count(*) FROM h WHERE StageName = prev_stage AND Amount < prev_amount) AS cut,
        (SELECT count(*) FROM deals WHERE pushes = 1) AS pushed_once,
        (SELECT count(*) FROM deals WHERE pushes = 2) AS pushed_twice,
        (SELECT count(*) FROM deals WHERE pushes >= 3) AS pushed_3_plus,
        (SELECT count(*) FROM deals WHERE into_later_quarter > 0) AS pushed_across_quarters,
        (SELECT count(*) FROM deals WHERE pulls > 0) AS pulled_in,
        (SELECT count(*) FROM deals) AS deals`);
    for (const k of ["amount_only", "close_only", "raised", "cut", "pushed_once", "pushed_twice", "pushed_3_plus", "pushed_across_quarters", "pulled_in"]) {
      expect(Number(r[k]), k).toBeGreaterThan(0);
    }
    // slipping is common but not the rule, and pulling in is rarer than pushing out
    expect(Number(r.pushed_once) + Number(r.pushed_twice) + Number(r.pushed_3_plus)).toBeLessThan(Number(r.deals) * 0.8);
    expect(Number(r.pulled_in)).toBeLessThan(Number(r.pushed_once));
  });

  it("reopens a few lost deals, which are then what their last row says", async () => {
    const rows = await sql(a, `${HISTORY}
      SELECT DISTINCT h.OpportunityId, o.IsClosed, o.StageName
      FROM h JOIN opportunities o ON o.Id = h.OpportunityId
      WHERE h.prev_stage = 'Closed Lost' AND h.StageName NOT IN ('Closed Lost', 'Closed Won')`);
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.length).toBeLessThan(100);
    // some are open again
    expect(rows.some((r) => r.IsClosed === false)).toBe(true);
  });

  it("leaves no deal open in one stage for much more than a year: pipeline reviews close them out", async () => {
    const [r] = await sql(a, `${HISTORY},
      entered AS (SELECT OpportunityId, max(day) AS day FROM h WHERE prev_stage IS NULL OR prev_stage <> StageName GROUP BY 1)
      SELECT
        max(DATE '2025-09-30' - coalesce(e.day, (o.CreatedDate + INTERVAL 9 HOUR)::DATE)) AS longest,
        count(*) AS open_deals,
        (SELECT count(*) FROM opportunities WHERE IsClosed AND NOT IsWon AND LossReason__c IN ('No Decision', 'Timing')) AS no_decision_or_timing
      FROM opportunities o LEFT JOIN entered e ON e.OpportunityId = o.Id
      WHERE NOT o.IsClosed`);
    expect(Number(r.open_deals)).toBeGreaterThan(0);
    expect(Number(r.longest)).toBeLessThanOrEqual(400);
    expect(Number(r.no_decision_or_timing)).toBeGreaterThan(0);
  });

  it("spreads open deals' expected close over the coming year, most of it near", async () => {
    const rows = await sql(a, `
      SELECT date_trunc('quarter', CloseDate)::DATE::VARCHAR AS quarter, sum(coalesce(Amount, 0)) AS amount
      FROM opportunities WHERE NOT IsClosed AND CloseDate >= DATE '2025-10-01' GROUP BY 1 ORDER BY 1`);
    const due = Object.fromEntries(rows.map((r) => [r.quarter, Number(r.amount)]));
    for (const q of ["2025-10-01", "2026-01-01", "2026-04-01"]) expect(due[q], q).toBeGreaterThan(0);
    expect(due["2025-10-01"]).toBeGreaterThan(due["2026-04-01"]);
    expect(Math.max(...rows.map((r) => Date.parse(String(r.quarter))))).toBeLessThan(Date.parse("2026-10-01"));
  });
});
