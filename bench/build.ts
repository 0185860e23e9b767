// Benchmark of the build at a given data size: generates (once) a sample at --scale N,
// then runs the DuckDB pass in this process and prints seconds per layer, the slowest
// models and peak memory; with --site it also times a full `relay build` into a temp dir.
//   npx tsx bench/build.ts --scale 100 [--site]
// Prints figures; asserts nothing (targets are read by people, not by tests).
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync } from "node:fs";
import { cpus, tmpdir, totalmem } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { PROJECT_ROOT, resolveConfig } from "../lib/config.ts";
import { writeMarts } from "../lib/marts.ts";
import { closePipeline, runPipeline } from "../lib/pipeline.ts";
import { generateSample } from "../lib/sample/generate.ts";

const { values } = parseArgs({ options: { scale: { type: "string" }, site: { type: "boolean" }, data: { type: "string" } } });
const scale = Number(values.scale ?? 1);
const data = values.data ?? join(PROJECT_ROOT, ".relay", `bench-sample-${scale}`);
const gb = (kb: number) => (kb / 1024 / 1024).toFixed(2);

console.log(`machine: ${cpus().length} cores (${cpus()[0]?.model}), ${(totalmem() / 2 ** 30).toFixed(0)} GiB, node ${process.version}`);
if (!existsSync(join(data, "relay-sample.json")) && !values.data) {
  const t0 = performance.now();
  const s = await generateSample({ outDir: data, scale });
  console.log(`generated sample scale ${scale} in ${((performance.now() - t0) / 1000).toFixed(1)} s: ${JSON.stringify(s.rows)}`);
}

const t0 = performance.now();
const p = await runPipeline(resolveConfig({ data }, {}));
const passSeconds = (performance.now() - t0) / 1000;
const byLayer = new Map<string, number>();
for (const t of p.timings) {
  const layer = p.models.find((m) => m.name === t.model)!.layer;
  byLayer.set(layer, (byLayer.get(layer) ?? 0) + t.seconds);
}
const t1 = performance.now();
await writeMarts(p, mkdtempSync(join(tmpdir(), "relay-bench-marts-")));
const writeSeconds = (performance.now() - t1) / 1000;
const rows = p.source.objects.map((o) => `${o.object}=${o.rowsRead}`).join(" ");
await closePipeline(p);

console.log(`rows read: ${rows}`);
console.log(`DuckDB pass: ${passSeconds.toFixed(1)} s (sources ${(passSeconds - [...byLayer.values()].reduce((a, b) => a + b, 0)).toFixed(1)} s, ${[...byLayer].map(([l, s]) => `${l} ${s.toFixed(1)} s`).join(", ")}); writing marts ${writeSeconds.toFixed(1)} s`);
console.log(`slowest models: ${[...p.timings].sort((a, b) => b.seconds - a.seconds).slice(0, 6).map((t) => `${t.model} ${t.seconds.toFixed(2)} s`).join(", ")}`);
console.log(`peak RSS of this process: ${gb(process.resourceUsage().maxRSS)} GiB`);

if (values.site) {
  const out = mkdtempSync(join(tmpdir(), "relay-bench-site-"));
  const t2 = performance.now();
  const r = spawnSync("/usr/bin/time", ["-f", "%M", "node", "bin/relay.js", "build", "--data", data, "--out", out], { cwd: PROJECT_ROOT, encoding: "utf8" });
  const maxKb = Number(r.stderr.trim().split("\n").pop());
  console.log(`relay build (site, cold marts cache unless unchanged): ${((performance.now() - t2) / 1000).toFixed(1)} s, exit ${r.status}, peak RSS ${Number.isFinite(maxKb) ? gb(maxKb) + " GiB" : "n/a"}`);
}
