// Faults a nightly meets: a build killed (SIGKILL) in the middle of rendering leaves the
// published site exactly as it was, and the next build cleans up after it and succeeds;
// two builds started together take turns, and the site is one build's complete output.
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, realpathSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { PROJECT_ROOT } from "../lib/config.ts";
import { buildsDir } from "../lib/publish.ts";
import { SCRATCH_ROOT } from "../lib/scratch.ts";
import { FUNNEL_AS_OF, writeFunnelFixture } from "./fixtures/funnel-fixture.ts";
import { tempDir } from "./helpers/fixture.ts";
import { relay } from "./helpers/relay.ts";
import { snapshot } from "./helpers/tree.ts";

const work = tempDir("relay-faults-");
const site = join(work, "site");
let data: string;

const build = (asOf = FUNNEL_AS_OF) => relay(["build", "--data", data, "--as-of", asOf, "--out", site], { RELAY_REUSE: "off" });

beforeAll(async () => {
  data = await writeFunnelFixture(join(work, "data"));
  const r = await build();
  expect(r.code, r.err).toBe(0);
});

describe("a build killed with SIGKILL while Framework renders", () => {
  it("leaves the published site as it was; the next build removes what it left and succeeds", async () => {
    const before = snapshot(site);
    const published = realpathSync(site);
    // its own process group, so that the kill takes Framework's processes with it, as a runner's would
    const child = spawn("node", ["bin/relay.js", "build", "--data", data, "--as-of", "2024-09-29", "--out", site], {
      cwd: PROJECT_ROOT, detached: true, stdio: "ignore", env: { ...process.env, RELAY_REUSE: "off" },
    });
    // wait until pages are being written into the new build's folder
    const builds = buildsDir(site);
    const rendering = () => readdirSync(builds).some((n) => n.endsWith(".tmp") && existsSync(join(builds, n, "_observablehq")));
    for (let i = 0; i < 600 && !rendering(); i++) await new Promise((r) => setTimeout(r, 50));
    expect(rendering(), "the build reached the rendering").toBe(true);
    process.kill(-child.pid!, "SIGKILL");
    await new Promise((r) => child.on("exit", r));

    expect(realpathSync(site)).toBe(published);
    expect(snapshot(site)).toEqual(before);
    // what it left: a half-written build and its lock
    expect(readdirSync(builds).filter((n) => n.endsWith(".tmp"))).not.toEqual([]);
    expect(existsSync(join(PROJECT_ROOT, ".relay", "build.lock"))).toBe(true);

    const again = await build("2024-09-29");
    expect(again.code, again.err).toBe(0);
    expect(readdirSync(builds).filter((n) => n.includes(".tmp"))).toEqual([]);
    // the killed build's lock is gone (the lock is the project's: a build of another test
    // file running at this moment may hold it, under its own pid)
    const lock = join(PROJECT_ROOT, ".relay", "build.lock");
    const holder = existsSync(lock) ? Number(readFileSync(lock, "utf8")) : null;
    expect(holder).not.toBe(child.pid);
    expect(existsSync(SCRATCH_ROOT) ? readdirSync(SCRATCH_ROOT).filter((n) => n.endsWith(`-${child.pid}`)) : []).toEqual([]);
    expect(snapshot(site)).not.toEqual(before);
    // the new build and the one before it are kept; the killed one is gone
    expect(readdirSync(builds).length).toBe(2);
  });
});

describe("two builds started together", () => {
  it("take turns, and the site is one build's complete output", async () => {
    const [a, b] = await Promise.all([build("2024-09-30"), build("2024-09-15")]);
    expect(a.code, a.err).toBe(0);
    expect(b.code, b.err).toBe(0);
    expect(`${a.err}${b.err}`).toMatch(/relay: waiting for another build \(pid \d+\) to finish/);
    // every page of the site reads the same build_info, and it is one of the two
    const infos = readdirSync(join(site, "_file", "data")).filter((n) => n.startsWith("build_info."));
    expect(infos).toHaveLength(1);
    const asOf = JSON.parse(readFileSync(join(site, "_file", "data", infos[0]), "utf8"))[0].as_of;
    expect(["2024-09-30", "2024-09-15"]).toContain(asOf);
    for (const page of readdirSync(site).filter((n) => n.endsWith(".html"))) {
      const html = readFileSync(join(site, page), "utf8");
      if (html.includes("build_info.")) expect(html, page).toContain(infos[0]);
    }
  });
});

describe("scratch left by a killed process", () => {
  it("is removed by the next relay command; a live process's is kept", async () => {
    // a pid that has just ended: a child that exited
    const gone = spawn("true");
    await new Promise((r) => gone.on("exit", r));
    mkdirSync(SCRATCH_ROOT, { recursive: true });
    const dead = join(SCRATCH_ROOT, `duckdb-${gone.pid}`);
    const live = join(SCRATCH_ROOT, `duckdb-${process.pid}-7`);
    for (const d of [dead, live]) {
      mkdirSync(d, { recursive: true });
      writeFileSync(join(d, "spill.tmp"), "x");
    }
    try {
      const r = await relay(["query", "--list"]);
      expect(r.code, r.err).toBe(0);
      expect(existsSync(dead)).toBe(false);
      expect(existsSync(live)).toBe(true);
    } finally {
      rmSync(live, { recursive: true, force: true });
    }
  });
});
