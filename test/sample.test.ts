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
