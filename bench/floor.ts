// The scan floor: the least a DuckDB pass over this export must do. Every column the
// pipeline reads (the src_ views: the contract's non-PII columns) loaded once into
// tables, each object's duplicate-Id check and the reference checks, nothing else; the
// same engine settings as the pipeline (memory limit, threads) and the same methods (a
// duplicate Id is found by grouping hashes, then checked on the Ids).
//   npx tsx bench/floor.ts --data DIR        prints {"floor_seconds": …} as JSON
import { parseArgs } from "node:util";
import { openDb } from "../lib/db.ts";
import { loadSources } from "../lib/source.ts";

const { values } = parseArgs({ options: { data: { type: "string" } } });
if (!values.data) throw new Error("give --data DIR");

// object -> [its Id column, [reference column, referenced object, its Id column]…]
const CHECKS: Record<string, { id?: string; refs: [string, string, string][] }> = {
  users: { id: "Id", refs: [] },
  accounts: { id: "Id", refs: [] },
  leads: { id: "Id", refs: [["OwnerId", "users", "Id"]] },
  opportunities: { id: "Id", refs: [["OwnerId", "users", "Id"], ["AccountId", "accounts", "Id"]] },
  opportunity_history: { id: "Id", refs: [["OpportunityId", "opportunities", "Id"]] },
  tasks: { id: "Id", refs: [["OwnerId", "users", "Id"], ["WhatId", "opportunities", "Id"], ["AccountId", "accounts", "Id"]] },
  campaigns: { id: "Id", refs: [] },
  campaign_members: { id: "Id", refs: [["CampaignId", "campaigns", "Id"], ["LeadId", "leads", "Id"]] },
  forecasting_quotas: { refs: [["QuotaOwnerId", "users", "Id"]] },
};

const db = await openDb();
await loadSources(db, values.data);
const started = performance.now();
for (const object of Object.keys(CHECKS)) await db.run(`CREATE TABLE f_${object} AS SELECT * FROM src_${object}`);
for (const [object, { id, refs }] of Object.entries(CHECKS)) {
  if (id) {
    await db.run(`CREATE TABLE d_${object} AS
      WITH h AS (SELECT hash("${id}") AS k FROM f_${object} GROUP BY k HAVING count(*) > 1)
      SELECT "${id}" FROM f_${object} WHERE hash("${id}") IN (SELECT k FROM h) GROUP BY "${id}" HAVING count(*) > 1`);
  }
  for (const [column, target, key] of refs) {
    await db.run(`CREATE TABLE r_${object}_${column} AS
      SELECT count(*) AS dangling FROM f_${object} s LEFT JOIN f_${target} t ON t."${key}" = s."${column}"
      WHERE s."${column}" IS NOT NULL AND t."${key}" IS NULL`);
  }
}
const seconds = (performance.now() - started) / 1000;
db.closeSync();
console.log(JSON.stringify({ floor_seconds: seconds }));
