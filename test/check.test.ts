// `relay check`: structural problems stop with a message naming file, column and fix;
// a good export prints a reconciliation that adds up.
import { rmSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { FUNNEL_AS_OF, writeFunnelFixture } from "./fixtures/funnel-fixture.ts";
import { jst, writeFixture } from "./helpers/fixture.ts";
import { relay } from "./helpers/relay.ts";

const check = (...args: string[]) => relay(["check", ...args], { RELAY_DATA: "", RELAY_AS_OF: "" });

const minimal = {
  users: [{ Id: "U1", Name: "Rep" }],
  leads: [{ Id: "L1", CreatedDate: jst("2024-04-01"), OwnerId: "U1", LeadSource: "Web", Status: "Open" }],
  opportunities: [{ Id: "O1", AccountId: "A1", OwnerId: "U1", CreatedDate: jst("2024-04-02"), StageName: "01 Pre-Opportunity" }],
};

describe("relay check", () => {
  it("stops when opportunities.parquet is missing, naming the file and the fix", async () => {
    const dir = await writeFixture(minimal, { omit: ["opportunities"] });
    const r = await check("--data", dir);
    expect(r.code).not.toBe(0);
    expect(r.err).toContain(join(dir, "opportunities.parquet"));
    expect(r.err).toContain("required object opportunities is missing");
    expect(r.err).toMatch(/Fix: export opportunities as opportunities\.parquet \(or a folder opportunities\/ of Parquet parts\)/);
  });

  it("stops when leads lacks CreatedDate, naming the file, the column and the fix", async () => {
    const { CreatedDate: _, ...lead } = minimal.leads[0];
    const dir = await writeFixture({ ...minimal, leads: [lead] }, { dropColumns: ["leads.CreatedDate"] });
    const r = await check("--data", dir);
    expect(r.code).not.toBe(0);
    expect(r.err).toContain(`${join(dir, "leads.parquet")}: column CreatedDate: the required column CreatedDate is missing`);
    expect(r.err).toContain("Fix: add CreatedDate (TIMESTAMP) to the leads export");
  });

  it("stops on a data directory that does not exist", async () => {
    const r = await check("--data", "/nonexistent/relay-data");
    expect(r.code).not.toBe(0);
    expect(r.err).toContain("/nonexistent/relay-data: the data directory cannot be read");
  });

  it("reconciles a good export: read = used + quarantined, with the reasons", async () => {
    const dir = await writeFunnelFixture();
    const r = await check("--data", dir, "--as-of", FUNNEL_AS_OF);
    expect(r.code, r.err).toBe(0);
    // the fixture has 8 lead rows (L1-L6, and L7 twice): both copies of L7 are quarantined
    expect(r.out).toMatch(/^leads\s+8\s+6\s+2\s+leads\.parquet$/m);
    expect(r.out).toMatch(/quarantined\s+2\s+duplicate_id/);
    expect(r.out).toMatch(/^opportunities\s+6\s+6\s+0\s+opportunities\.parquet$/m);
    expect(r.out).toContain("ok: the export meets the contract");
    rmSync(dir, { recursive: true, force: true });
  });

  it("sums the whole export in one row for the data-quality page", async () => {
    const dir = await writeFunnelFixture();
    const r = await relay(["query", "data_quality_summary", "--data", dir, "--as-of", FUNNEL_AS_OF, "--format", "json"]);
    expect(r.code, r.err).toBe(0);
    // users 3, accounts 3, leads 8, opportunities 6, history 8 (tasks, campaigns, members, quotas: none) = 28 rows;
    // the two copies of L7 are the only quarantined rows: leads has the largest share, 2 of 8
    expect(JSON.parse(r.out)).toEqual([
      { rows_read: 28, rows_used: 26, rows_quarantined: 2, quarantined_share: Number((2 / 28).toPrecision(12)), balanced: true, worst_object: "leads", worst_object_quarantined: 2, worst_object_share: 0.25 },
    ]);
    rmSync(dir, { recursive: true, force: true });
  });

  it("rejects a malformed as-of date before reading anything", async () => {
    const r = await check("--data", "/tmp", "--as-of", "2024-13-45");
    expect(r.code).not.toBe(0);
    expect(r.err).toContain('as-of date "2024-13-45" is not a date');
  });
});
