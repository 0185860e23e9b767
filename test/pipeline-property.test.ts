// pipeline_flow against an independent computation: random exports (stage changes,
// amount and close-date changes, reopenings, missing values, changes near midnight UTC)
// are computed again here in plain TypeScript from the written-down rules, day by day,
// and compared with the mart; and on those exports and on the generated sample, every
// quarter obeys end = start + created + pulled_in + increased - decreased - won - lost
// - pushed_out, for amounts and (without the two change columns) for deals.
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { resolveConfig } from "../lib/config.ts";
import { queryRows, type Row } from "../lib/db.ts";
import { closePipeline, runPipeline } from "../lib/pipeline.ts";
import { generateSample } from "../lib/sample/generate.ts";
import { Random } from "../lib/sample/random.ts";
import { tempDir, writeFixture, type FixtureRows } from "./helpers/fixture.ts";

const STAGES = ["01 Pre-Opportunity", "02 Issue Recognition", "03 Evaluation", "04 Final Negotiation", "05 Approval", "Closed Won", "Closed Lost"];
const isClosedStage = (s: string) => s.startsWith("Closed");
const DAY = 86_400_000;
const day = (iso: string) => Math.round(Date.parse(`${iso}T00:00:00Z`) / DAY);
const iso = (d: number) => new Date(d * DAY).toISOString().slice(0, 10);
/** The Tokyo business date of a UTC timestamp "YYYY-MM-DD HH:MM:SS". */
const tokyoDay = (ts: string) => Math.floor((Date.parse(`${ts.replace(" ", "T")}Z`) + 9 * 3_600_000) / DAY);

interface Hist { id: string; ts: string; stage: string; amount: number | null; close: string | null }
interface Deal { id: string; ts: string; stage: string; amount: number | null; close: string | null; history: Hist[] }

function randomExport(seed: number): { deals: Deal[]; asOf: string } {
  const rng = new Random(seed);
  const asOf = iso(day("2024-06-01") + rng.int(0, 240));
  const deals: Deal[] = [];
  for (let i = 0; i < 70; i++) {
    const created = day("2023-09-01") + rng.int(0, 330);
    const stamp = (d: number) => {
      // some changes at 23:30 UTC: the next business day in Tokyo
      const minute = rng.chance(0.2) ? 23 * 60 + 30 : rng.int(0, 14 * 60);
      return new Date(d * DAY + minute * 60_000).toISOString().slice(0, 19).replace("T", " ");
    };
    const amount = () => (rng.chance(0.12) ? null : rng.int(1, 50) * 10);
    const close = (from: number) => (rng.chance(0.08) ? null : iso(from + rng.int(-20, 200)));
    const history: Hist[] = [];
    let stage = STAGES[rng.int(0, 2)];
    let amt = amount();
    let cls = close(created);
    let t = created;
    const rows = rng.int(0, 7);
    for (let k = 0; k < rows; k++) {
      if (k > 0) {
        t += rng.int(0, 60);
        const what = rng.int(0, 4);
        if (what === 0) stage = STAGES[rng.int(0, 6)]; // any stage: closed, or reopened
        else if (what === 1) amt = amount();
        else if (what === 2) cls = close(t);
        else stage = STAGES[Math.min(6, STAGES.indexOf(stage) + 1)];
      }
      // the first row is written when the deal is created; later ones at any time of day
      const ts = k === 0 ? `${iso(created)} 01:00:00` : stamp(t);
      history.push({ id: `H${i}-${k}`, ts, stage, amount: rng.chance(0.1) ? null : amt, close: rng.chance(0.1) ? null : cls });
    }
    const last = history.at(-1);
    const current = last ? { stage: last.stage, amount: rng.chance(0.9) ? amt : amount(), close: cls } : { stage: STAGES[rng.int(0, 6)], amount: amt, close: cls };
    // a CloseDate before the deal was created is quarantined: keep the export clean
    if (current.close !== null && day(current.close) < created) current.close = iso(created);
    deals.push({ id: `D${String(i).padStart(2, "0")}`, ts: `${iso(created)} 01:00:00`, ...current, history });
  }
  return { deals, asOf };
}

function asRows({ deals }: { deals: Deal[] }): FixtureRows {
  return {
    users: [{ Id: "F1", Name: "Field", Department: "FS" }],
    accounts: [{ Id: "A1", Name: "Acme", CustomerType__c: "EndUser" }],
    leads: [{ Id: "L1", CreatedDate: "2023-09-01 01:00:00", OwnerId: "F1", LeadSource: "Web", Status: "Open" }],
    opportunities: deals.map((d) => ({
      Id: d.id, AccountId: "A1", OwnerId: "F1", CreatedDate: d.ts, StageName: d.stage, Amount: d.amount, CloseDate: d.close,
      IsClosed: isClosedStage(d.stage), IsWon: d.stage === "Closed Won", Origin__c: "SGL",
    })),
    opportunity_history: deals.flatMap((d) => d.history.map((r) => ({ Id: r.id, OpportunityId: d.id, CreatedDate: r.ts, StageName: r.stage, Amount: r.amount, CloseDate: r.close }))),
  };
}

/** The rules of docs/metrics.md ("Pipeline movement"), written out again day by day. */
function expectedFlow(deals: Deal[], asOf: string): Row[] {
  const a = day(asOf);
  const state = (d: Deal, on: number) => {
    if (tokyoDay(d.ts) > on) return null;
    const rows = d.history.filter((r) => tokyoDay(r.ts) <= a).sort((x, y) => (x.ts < y.ts ? -1 : x.ts > y.ts ? 1 : x.id < y.id ? -1 : 1));
    if (rows.length === 0) {
      const close = d.close === null ? null : day(d.close);
      const closed = isClosedStage(d.stage) && close !== null && close <= on;
      return { closed, won: closed && d.stage === "Closed Won", amount: d.amount, close };
    }
    const dated = rows.filter((r) => tokyoDay(r.ts) <= on);
    const r = dated.at(-1) ?? rows[0];
    const close = (r.close ?? d.close) === null ? null : day((r.close ?? d.close)!);
    const closed = isClosedStage(r.stage) && close !== null && close <= on;
    return { closed, won: closed && r.stage === "Closed Won", amount: r.amount ?? d.amount, close };
  };
  const firstCreated = Math.min(...deals.map((d) => tokyoDay(d.ts)));
  const quarters: { q: string; start: number; end: number }[] = [];
  for (let y = 2023; y <= 2025; y++) {
    for (let k = 0; k < 4; k++) {
      const m = 4 + 3 * k; // April, July, October, January
      const start = day(`${m > 12 ? y + 1 : y}-${String(m > 12 ? m - 12 : m).padStart(2, "0")}-01`);
      const next = day(`${m + 3 > 12 ? y + 1 : y}-${String(m + 3 > 12 ? m + 3 - 12 : m + 3).padStart(2, "0")}-01`);
      if (next - 1 >= firstCreated && start <= a) quarters.push({ q: `FY${y}-Q${k + 1}`, start, end: next - 1 });
    }
  }
  return quarters.map(({ q, start, end }) => {
    const t0 = start - 1;
    const t1 = Math.min(a, end);
    const inQ = (s: ReturnType<typeof state>) => !!s && !s.closed && s.close !== null && s.close >= start && s.close <= end;
    const f: Record<string, number> = {};
    const add = (c: string, amount: number | null, deals = true) => {
      f[`${c}_amount`] = (f[`${c}_amount`] ?? 0) + (amount ?? 0);
      if (deals) f[`${c}_deals`] = (f[`${c}_deals`] ?? 0) + 1;
    };
    for (const d of deals) {
      const s0 = state(d, t0);
      const s1 = state(d, t1);
      if (!s1) continue;
      if (inQ(s0)) {
        add("start", s0!.amount);
        if (s1.closed) add(s1.won ? "won" : "lost", s1.amount);
        else if (!inQ(s1)) add("pushed_out", s0!.amount);
        else add("end", s1.amount);
        if (s1.closed || inQ(s1)) {
          const change = (s1.amount ?? 0) - (s0!.amount ?? 0);
          if (change > 0) add("increased", change, false);
          if (change < 0) add("decreased", -change, false);
        }
      } else if (inQ(s1) || (s1.closed && s1.close! >= start && s1.close! <= end)) {
        add(s0 ? "pulled_in" : "created", s1.amount);
        if (s1.closed) add(s1.won ? "won" : "lost", s1.amount);
        else add("end", s1.amount);
      }
    }
    const row: Row = { fiscal_quarter: q };
    for (const c of ["start", "created", "pulled_in", "increased", "decreased", "won", "lost", "pushed_out", "end"]) {
      row[`${c}_amount`] = f[`${c}_amount`] ?? 0;
      if (c !== "increased" && c !== "decreased") row[`${c}_deals`] = f[`${c}_deals`] ?? 0;
    }
    return row;
  });
}

const COLUMNS = "fiscal_quarter, start_amount, start_deals, created_amount, created_deals, pulled_in_amount, pulled_in_deals, increased_amount, decreased_amount, won_amount, won_deals, lost_amount, lost_deals, pushed_out_amount, pushed_out_deals, end_amount, end_deals";

function balances(r: Row) {
  const n = (k: string) => Number(r[k]);
  return {
    amount: n("start_amount") + n("created_amount") + n("pulled_in_amount") + n("increased_amount") - n("decreased_amount") - n("won_amount") - n("lost_amount") - n("pushed_out_amount") - n("end_amount"),
    deals: n("start_deals") + n("created_deals") + n("pulled_in_deals") - n("won_deals") - n("lost_deals") - n("pushed_out_deals") - n("end_deals"),
  };
}

describe("pipeline_flow on random exports", () => {
  for (const seed of [1, 2, 3, 4, 5, 6]) {
    it(`agrees with an independent day-by-day computation and balances (seed ${seed})`, async () => {
      const ex = randomExport(seed);
      const p = await runPipeline(resolveConfig({ data: await writeFixture(asRows(ex)), asOf: ex.asOf }, {}));
      try {
        const flow = await queryRows(p.db, `select ${COLUMNS} from pipeline_flow`);
        expect(flow).toEqual(expectedFlow(ex.deals, ex.asOf));
        // the random export exercises every category somewhere
        for (const c of ["created", "pulled_in", "won", "lost", "pushed_out"]) expect(flow.some((r) => Number(r[`${c}_deals`]) > 0), c).toBe(true);
        for (const r of flow) expect(balances(r), String(r.fiscal_quarter)).toEqual({ amount: 0, deals: 0 });
      } finally {
        await closePipeline(p);
      }
    });
  }
});

describe("pipeline_flow on the generated sample", () => {
  it("balances in every quarter, for amounts and for deals", async () => {
    const dir = join(tempDir("relay-flow-sample-"), "sample");
    await generateSample({ outDir: dir });
    const p = await runPipeline(resolveConfig({ data: dir }, {}));
    try {
      const flow = await queryRows(p.db, `select ${COLUMNS} from pipeline_flow`);
      expect(flow.length).toBeGreaterThan(10);
      for (const r of flow) expect(balances(r), String(r.fiscal_quarter)).toEqual({ amount: 0, deals: 0 });
    } finally {
      await closePipeline(p);
    }
  });
});
