// The tier rule is SQL an analyst edits: changing the 1,000-employee threshold in a copy
// of sql/ and rebuilding moves a 2,000-employee SIer from Tier 1 to Tier 2 on the site.
import { cpSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { jst, tempDir, writeFixture } from "./helpers/fixture.ts";
import { relay } from "./helpers/relay.ts";

const work = tempDir("relay-tier-");

async function build(sqlDir: string, data: string, out: string) {
  const r = await relay(["build", "--data", data, "--as-of", "2025-03-31", "--out", out], { RELAY_SQL_DIR: sqlDir });
  expect(r.code, r.err).toBe(0);
  const dir = join(out, "_file", "data");
  const file = readdirSync(dir).find((n) => n.startsWith("segment_revenue.") && n.endsWith(".json"))!;
  return JSON.parse(readFileSync(join(dir, file), "utf8")) as Record<string, unknown>[];
}

describe("the tier rule in sql/rules/tiers.sql", () => {
  it("changes the Segments page when the 1,000-employee threshold is edited", async () => {
    const data = await writeFixture({
      users: [{ Id: "F1", Name: "Field", Department: "FS" }],
      accounts: [{ Id: "S1", Name: "SIer 2000", CustomerType__c: "SIer", NumberOfEmployees: 2000, FocusTheme__c: true }],
      leads: [{ Id: "L1", CreatedDate: jst("2024-04-01"), OwnerId: "F1", LeadSource: "Web", Status: "Open" }],
      opportunities: [{ Id: "O1", AccountId: "S1", OwnerId: "F1", CreatedDate: jst("2024-04-01"), StageName: "Closed Won", CloseDate: "2024-05-01", Amount: 100 }],
    }, {}, join(work, "data"));
    const sql = join(work, "sql");
    cpSync("sql", sql, { recursive: true });

    // the shipped rule: 2,000 employees and a focus theme make a Tier 1 SIer
    const before = await build(sql, data, join(work, "before"));
    expect(before.map((r) => r.tier)).toEqual(["Tier 1"]);

    // the analyst raises the threshold to 5,000: the SIer meets only one criterion now
    const rule = join(sql, "rules", "tiers.sql");
    const text = readFileSync(rule, "utf8");
    expect(text.match(/>= 1000/g)).toHaveLength(2);
    writeFileSync(rule, text.replaceAll(">= 1000", ">= 5000"));
    const after = await build(sql, data, join(work, "after"));
    expect(after.map((r) => r.tier)).toEqual(["Tier 2"]);
  });
});
