// The whole site, end to end: built with no network at all (a private network
// namespace), rebuilt after an analyst edits SQL and after a Parquet file is replaced
// (Framework alone would serve its cached loader output), never half-published when a
// build fails, and opened in headless Chromium with no error and no request leaving it.
import { cpSync, existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser } from "playwright-core";
import { FUNNEL_AS_OF, writeFunnelFixture } from "./fixtures/funnel-fixture.ts";
import { jst, tempDir } from "./helpers/fixture.ts";
import { hasChromium, launch, serve, visit } from "./helpers/browser.ts";
import { relay } from "./helpers/relay.ts";
import { filesUnder } from "./helpers/tree.ts";

const work = tempDir("relay-site-");
const sqlCopy = join(work, "sql");
let data: string;

/** `relay build` inside a network namespace with no interface but loopback. */
async function offlineBuild(out: string, flags: string[] = [], env: Record<string, string> = {}) {
  const r = await relay(["build", "--data", data, "--as-of", FUNNEL_AS_OF, "--out", out, ...flags], { RELAY_SQL_DIR: sqlCopy, ...env }, ["unshare", "-rn", "node", "bin/relay.js"]);
  return { code: r.code, log: `${r.out}\n${r.err}`, err: r.err };
}

/**
 * A mart as the built site ships it (Framework adds a content hash to the name), or one
 * part of a mart a page reads in parts ("funnel_period/tier").
 */
function shipped(out: string, mart: string): Record<string, unknown>[] {
  const dir = join(out, "_file", "data", dirname(mart));
  const name = readdirSync(dir).find((n) => n.startsWith(`${basename(mart)}.`) && n.endsWith(".json"));
  if (!name) throw new Error(`${mart} not shipped in ${dir}`);
  return JSON.parse(readFileSync(join(dir, name), "utf8"));
}

function fyCount(out: string, segmentKind: string, segment: string, step: string): number {
  const row = shipped(out, `funnel_period/${segmentKind}`).find(
    (r) => r.period_kind === "fiscal_year" && r.period === "FY2024" && r.segment_kind === segmentKind && r.segment === segment && r.step === step,
  );
  return Number(row?.count ?? 0);
}

beforeAll(async () => {
  cpSync("sql", sqlCopy, { recursive: true });
  data = await writeFunnelFixture(join(work, "data"));
});

describe("relay build", () => {
  const first = join(work, "site-1");
  let firstErr = "";

  it("builds offline: every page with its data, nothing that loads from outside", async () => {
    const r = await offlineBuild(first);
    expect(r.code, r.log).toBe(0);
    firstErr = r.err;
    for (const f of ["index.html", "funnel.html", "stagnation.html", "productivity.html", "source-mix.html", "segments.html", "win-loss.html", "campaigns.html", "data-quality.html"]) expect(existsSync(join(first, f)), f).toBe(true);
    expect(shipped(first, "build_info")[0].as_of).toBe(FUNNEL_AS_OF);
    const external: string[] = [];
    for (const f of filesUnder(first).filter((f) => /\.(html|js|css|json)$/.test(f))) {
      for (const m of readFileSync(f, "utf8").matchAll(/\b(?:https?:)?\/\/[a-z0-9.-]+\.[a-z]{2,}[^\s"'`)]*/gi)) {
        // XML namespace identifiers in SVG code are names, not requests
        if (!/^(https?:)?\/\/www\.w3\.org\//.test(m[0])) external.push(`${f}: ${m[0]}`);
      }
    }
    expect(external).toEqual([]);
    expect(readFileSync(join(first, "index.html"), "utf8")).toMatch(/<html lang="en">/);
    // fiscal year 2024 of the fixture: passive leads L1 (Inquiry) and L2 (Web)
    expect(fyCount(first, "source_kind", "passive", "lead")).toBe(2);
  });

  it("prints a short progress view: each stage with its time, then one line, no temporary paths", () => {
    // (a build of another test file running at the same time makes this one wait, and say so)
    const lines = firstErr.trim().split("\n").filter((l) => !l.startsWith("relay: waiting for another build"));
    // not a terminal: finished stages only, no bar and no control characters
    expect(lines.slice(0, -1).map((l) => l.replace(/\s+[\d.]+ s$/, "").replace(/ · .*/, "").trim())).toEqual([
      "✓ compute the marts", "✓ write the page data", "✓ render the pages", "✓ finish the HTML", "✓ publish",
    ]);
    for (const l of lines.slice(0, -1)) expect(l).toMatch(/\d+\.\d s$/);
    // ten view pages (src/*.md) and one per IS rep of the fixture (U1, U2); the fixture's
    // lead L7 is there twice, a duplicate Id: both copies quarantined
    expect(lines.at(-1), lines.at(-1)).toMatch(/^built .*site-1: 12 pages from data as of 2024-09-30, [\d,]+ rows read, 2 quarantined, in \d+\.\d s$/);
    expect(firstErr).not.toMatch(/\x1b|\r|\.tmp|-builds\/|^(load|render|copy) /m);
  });

  it("says so when nothing changed since the last build", async () => {
    const r = await offlineBuild(join(work, "site-again"));
    expect(r.code, r.log).toBe(0);
    expect(r.err).toMatch(/✓ marts · reused: same data, SQL and settings/);
    expect(r.err).toMatch(/✓ pages · reused: nothing they show changed/);
  });

  it("shows Framework's own log with --verbose", async () => {
    const r = await offlineBuild(join(work, "site-verbose"), ["--verbose"], { RELAY_REUSE: "off" });
    expect(r.code, r.log).toBe(0);
    // (uncoloured: Framework colours its log when CI=true)
    expect(r.log.replace(/\x1b\[[0-9;]*m/g, "")).toMatch(/^render \/funnel/m);
  });

  it("shows an analyst's SQL edit on the next build", async () => {
    // the analyst decides Web leads are outbound
    const rule = join(sqlCopy, "rules", "source_kinds.sql");
    writeFileSync(rule, readFileSync(rule, "utf8").replace("('Web',              'passive')", "('Web',              'active')"));
    const out = join(work, "site-2");
    const r = await offlineBuild(out);
    expect(r.code, r.log).toBe(0);
    expect(fyCount(out, "source_kind", "passive", "lead")).toBe(1); // L1 only
    expect(fyCount(out, "source_kind", "active", "lead")).toBe(3); // L2, L3, L4
  });

  it("shows a replaced Parquet file on the next build", async () => {
    await writeFunnelFixture(data, [{ Id: "L9", CreatedDate: jst("2024-09-01"), OwnerId: "U1", LeadSource: "Seminar", Status: "Open" }]);
    const out = join(work, "site-3");
    const r = await offlineBuild(out);
    expect(r.code, r.log).toBe(0);
    expect(fyCount(out, "all", "all", "lead")).toBe(6); // the fixture's 5 FY2024 leads and L9
  });

  it("leaves the published site untouched when a build fails", async () => {
    const out = join(work, "site-3");
    const before = readFileSync(join(out, "index.html"), "utf8");
    const mart = join(sqlCopy, "marts", "funnel_cohort.sql");
    const good = readFileSync(mart, "utf8");
    writeFileSync(mart, good.replace("select", "selec"));
    try {
      const r = await offlineBuild(out);
      expect(r.code).not.toBe(0);
      expect(r.log).toContain("funnel_cohort.sql");
    } finally {
      writeFileSync(mart, good);
    }
    expect(readFileSync(join(out, "index.html"), "utf8")).toBe(before);
    expect(fyCount(out, "all", "all", "lead")).toBe(6);
    expect(readdirSync(work).filter((n) => n.includes(".tmp-"))).toEqual([]);
  });
});

describe("rep pages", () => {
  it("builds one page per IS rep, each shipping only that rep's rows", () => {
    const out = join(work, "site-3");
    // IS reps of the fixture: U1 and U2 (Department IS, and appointment setters)
    expect(readdirSync(join(out, "reps")).sort()).toEqual(["U1.html", "U2.html"]);
    const data = (rep: string) => {
      const file = readdirSync(join(out, "_file", "data", "reps")).find((n) => n.startsWith(`${rep}.`))!;
      return JSON.parse(readFileSync(join(out, "_file", "data", "reps", file), "utf8")) as Record<string, Record<string, unknown>[]>;
    };
    for (const rep of ["U1", "U2"]) {
      const rows = Object.values(data(rep)).flat();
      expect(rows.length).toBeGreaterThan(0);
      expect(rows.every((r) => r.rep_id === rep), `${rep} ships only its own rows`).toBe(true);
    }
    // open deals at 2024-09-30: U1 set O4, U2 set O5 (O1, O2 and O6 are closed)
    expect(data("U1").rep_open_deals.map((d) => d.opportunity_id)).toEqual(["O4"]);
    expect(data("U2").rep_open_deals.map((d) => d.opportunity_id)).toEqual(["O5"]);
    expect(readFileSync(join(out, "reps", "U1.html"), "utf8")).not.toContain("O5");
  });
});

describe.skipIf(!hasChromium)("the staleness notice", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => browser?.close());

  const notice = async (now: Date, path = "/funnel") => {
    const site = await serve(join(work, "site-3"));
    try {
      const v = await visit(browser, site, path, { now });
      return { stale: await v.page.locator(".freshness.stale").count(), text: await v.page.locator(".freshness").textContent() };
    } finally {
      await site.close();
    }
  };

  it("stays quiet while the data is at most two days old, in the business time zone", async () => {
    // 2024-10-02 in Tokyo: two days after the as-of date, the allowed age
    expect(await notice(new Date("2024-10-02T23:00:00+09:00"))).toEqual({ stale: 0, text: "Data as of Sep 30, 2024." });
  });

  it("tells the reader on every page when the data is older, counting days in Tokyo, not UTC", async () => {
    // 2024-10-02 15:30 UTC is already 00:30 on the 3rd in Tokyo: three days old
    const r = await notice(new Date("2024-10-02T15:30:00Z"));
    expect(r.stale).toBe(1);
    expect(r.text).toBe("This data is 3 days old (as of Sep 30, 2024): the nightly update has not run since. Numbers below describe that day.");
    for (const path of ["/", "/stagnation", "/reps/U1", "/data-quality"]) {
      expect((await notice(new Date("2024-10-09T09:00:00+09:00"), path)).text, path).toContain("This data is 9 days old");
    }
  });
});

describe.skipIf(!hasChromium)("the built site in Chromium", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => browser?.close());

  it("/stagnation renders data text as text: an account named <script>alert(1)</script> shows as written", async () => {
    const site = await serve(join(work, "site-3"));
    try {
      const v = await visit(browser, site, "/stagnation");
      let dialogs = 0;
      v.page.on("dialog", (d) => (dialogs++, d.dismiss()));
      expect(v.consoleErrors).toEqual([]);
      expect(v.externalRequests).toEqual([]);
      // O5 sits at phase 01 on account A1 since 2024-08-01: stalled on 2024-09-30
      const table = await v.page.locator("table").first().innerText();
      expect(table).toContain("<script>alert(1)</script> KK");
      expect(await v.page.locator("table script").count()).toBe(0);
      expect(dialogs).toBe(0);
    } finally {
      await site.close();
    }
  });

  // the data is as of 2024-09-30; the reader's clock is a day later (Tokyo)
  const dayAfter = new Date("2024-10-01T12:00:00+09:00");
  for (const path of ["/", "/funnel", "/stagnation", "/pipeline", "/productivity", "/source-mix", "/reps/U1", "/segments", "/win-loss", "/campaigns", "/data-quality"]) {
    it(`${path} renders its charts with no console error and no outside request, and says as of when`, async () => {
      const site = await serve(join(work, "site-3"));
      try {
        const v = await visit(browser, site, path, { now: dayAfter });
        expect(await v.page.locator(".freshness").textContent()).toBe("Data as of Sep 30, 2024.");
        expect(await v.page.locator(".freshness.stale").count()).toBe(0);
        expect(v.consoleErrors).toEqual([]);
        expect(v.externalRequests).toEqual([]);
        expect(await v.page.locator("h1").first().textContent()).toBeTruthy();
        if (path === "/funnel") {
          expect(await v.page.locator("svg[class^=plot]").count()).toBeGreaterThanOrEqual(3);
          // the finding is computed from the data: FY2024 had 6 leads in this build
          expect(await v.page.locator(".finding").textContent()).toContain("FY2024: 6 leads");
        }
      } finally {
        await site.close();
      }
    });
  }
});
