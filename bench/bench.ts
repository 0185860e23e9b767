// `relay bench`: how the build grows with the data. For each scale, on a generated sample
// of that size (made once, kept in .relay/bench-sample-<scale>/):
//   floor   the scan floor (bench/floor.ts): load every column once, duplicate-Id and
//           reference checks, nothing else
//   pass    one DuckDB pass in memory (bench/pass.ts), per model
//   build   a full `relay build` from nothing (no marts, no store, no cached site), then
//           again with the same inputs (a quiet night), timed by stage
//   RSS     the peak sum over the whole process tree (DuckDB and every Framework process)
//   page    the largest data a page loads when opened (gzipped JSON; CSVs are fetched on
//           a click and reported apart)
// Each measurement runs in a process of its own, one after another. Prints a table, the
// five slowest models per scale, and the JSON of it all (also written to --json FILE).
//   npx tsx bench/bench.ts --scale 1,10,100 [--json bench/results.json]
import { spawn } from "node:child_process";
import { existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { cpus, loadavg, totalmem } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { gzipSync } from "node:zlib";
import { PROJECT_ROOT } from "../lib/config.ts";
import { filesBelow } from "../lib/files.ts";
import { scratchDir } from "../lib/scratch.ts";
import { watchTreeRss } from "./rss.ts";

const { values } = parseArgs({ options: { scale: { type: "string" }, json: { type: "string" }, "memory-limit": { type: "string" } } });
const scales = (values.scale ?? "1").split(",").map(Number);
if (scales.some((s) => !(s > 0))) throw new Error(`--scale takes positive numbers, e.g. 1,10,100`);
const GiB = 2 ** 30;

interface Run { out: string; err: string; seconds: number; peakRss: number; code: number | null }

function run(args: string[], env: Record<string, string> = {}): Promise<Run> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, ["--import", "tsx", ...args], { cwd: PROJECT_ROOT, env: { ...process.env, ...env } });
    const rss = watchTreeRss(child.pid!);
    let out = "";
    let err = "";
    child.stdout.on("data", (d) => (out += d));
    child.stderr.on("data", (d) => (err += d));
    child.on("error", reject);
    child.on("close", (code) => resolve({ out, err, code, seconds: (performance.now() - started) / 1000, peakRss: rss.stop() }));
  });
}

function lastJson(r: Run, what: string) {
  if (r.code !== 0) throw new Error(`${what} failed (exit ${r.code}):\n${r.err.slice(-2000)}`);
  return JSON.parse(r.out.trim().split("\n").at(-1)!);
}

/**
 * Per page, the gzipped size of the JSON it can load at once: every JSON file it registers,
 * except that of a mart read in parts (`_file/data/<mart>/<part>.json`, lib/marts.ts) only
 * the largest part counts, as a page shows one part at a time.
 */
function pageSizes(site: string): { page: string; json_gz: number; csv_gz: number }[] {
  const size = new Map<string, number>();
  const gz = (f: string) => size.get(f) ?? (size.set(f, gzipSync(readFileSync(f), { level: 6 }).length), size.get(f)!);
  const pages: { page: string; json_gz: number; csv_gz: number }[] = [];
  for (const html of filesBelow(site).filter((f) => f.endsWith(".html"))) {
    const text = readFileSync(html, "utf8");
    let json = 0;
    let csv = 0;
    const largestPart = new Map<string, number>();
    for (const m of text.matchAll(/"path":"([^"]+\.(json|csv))"/g)) {
      const file = join(html, "..", m[1]);
      if (!existsSync(file)) continue;
      const part = /_file\/data\/([a-z0-9_]+)\/[^/]+\.json$/.exec(m[1]);
      if (part && !m[1].includes("/reps/")) largestPart.set(part[1], Math.max(largestPart.get(part[1]) ?? 0, gz(file)));
      else if (m[2] === "json") json += gz(file);
      else csv += gz(file);
    }
    for (const n of largestPart.values()) json += n;
    pages.push({ page: html.slice(site.length + 1).replace(/\.html$/, ""), json_gz: json, csv_gz: csv });
  }
  return pages.sort((a, b) => b.json_gz - a.json_gz);
}

const machine = { cores: cpus().length, cpu: cpus()[0]?.model, memory_gib: Math.round(totalmem() / GiB), node: process.version, load: loadavg().map((l) => Number(l.toFixed(2))) };
console.log(`machine: ${machine.cores} cores (${machine.cpu}), ${machine.memory_gib} GiB, node ${machine.node}, load ${machine.load.join(" ")}`);
const results = [];
for (const scale of scales) {
  const data = join(PROJECT_ROOT, ".relay", `bench-sample-${scale}`);
  let generateSeconds: number | null = null;
  if (!existsSync(join(data, "relay-sample.json"))) {
    const g = await run(["bin/relay.js", "sample", "--scale", String(scale), "--out", data]);
    if (g.code !== 0) throw new Error(`relay sample failed:\n${g.err}`);
    generateSeconds = g.seconds;
  }
  const env: Record<string, string> = values["memory-limit"] ? { RELAY_MEMORY_LIMIT: values["memory-limit"] } : {};
  const floor = await run(["bench/floor.ts", "--data", data], env);
  const pass = await run(["bench/pass.ts", "--data", data], env);
  const passJson = lastJson(pass, "the pass");
  // a build from nothing: no marts, no models store, no site of these inputs
  for (const dir of ["marts", "models", "sites"]) rmSync(join(PROJECT_ROOT, ".relay", dir), { recursive: true, force: true });
  const site = join(scratchDir("bench-site"), "site");
  const cold = await run(["bench/site.ts", "--data", data, "--out", site], env);
  const coldJson = lastJson(cold, "relay build");
  const pages = pageSizes(site);
  const warm = await run(["bench/site.ts", "--data", data, "--out", site], env);
  const warmJson = lastJson(warm, "relay build (again)");
  rmSync(join(site, ".."), { recursive: true, force: true });
  const row = {
    scale,
    tasks: passJson.rows.tasks,
    rows: passJson.rows,
    generate_seconds: generateSeconds,
    floor_seconds: lastJson(floor, "the floor").floor_seconds,
    pass_seconds: passJson.pass_seconds,
    pass_peak_rss_gib: pass.peakRss / GiB,
    slowest_models: [...passJson.models].sort((a, b) => b.seconds - a.seconds).slice(0, 5),
    build: coldJson,
    build_seconds: cold.seconds,
    build_peak_rss_gib: cold.peakRss / GiB,
    rebuild: warmJson,
    rebuild_seconds: warm.seconds,
    largest_page: pages[0],
    pages,
  };
  results.push(row);
}

const f = (n: number | null, d = 1) => (n == null ? "–" : n.toFixed(d));
console.log("");
console.log("scale      tasks   pass s  floor s  ratio  Framework s  build s  rebuild s  peak RSS GiB  largest page (JSON gz)");
for (const r of results) {
  console.log(
    `${String(r.scale).padStart(5)} ${String(r.tasks).padStart(10)} ${f(r.pass_seconds).padStart(8)} ${f(r.floor_seconds).padStart(8)} ${f(r.pass_seconds / r.floor_seconds, 2).padStart(6)} ` +
      `${f(r.build.render_seconds).padStart(12)} ${f(r.build.total_seconds).padStart(8)} ${f(r.rebuild.total_seconds).padStart(10)} ${f(Math.max(r.build_peak_rss_gib, r.pass_peak_rss_gib), 2).padStart(13)}  ` +
      `${r.largest_page.page} ${(r.largest_page.json_gz / 1024).toFixed(0)} KB`,
  );
}
for (const r of results) {
  console.log(`scale ${r.scale}, pages: Framework ${f(r.build.framework_seconds)} s for ${r.build.pages - r.build.rep_pages.written} pages; ` +
    `relay wrote the other ${r.build.rep_pages.written} rep pages from the first in ${f(r.build.rep_pages.seconds, 2)} s`);
}
for (const r of results) console.log(`scale ${r.scale}, slowest models: ${r.slowest_models.map((m: { model: string; seconds: number }) => `${m.model} ${m.seconds.toFixed(2)} s`).join(", ")}`);
const json = JSON.stringify({ machine, results }, null, 2);
if (values.json) writeFileSync(values.json, json + "\n");
console.log(json);
