// Where one model's time goes: computes what the model depends on, then runs the model
// once more with DuckDB's profiler on and prints its operators (those over --min seconds),
// with the query's wall time and CPU time. For an analyst whose edit made a model slow.
//   npx tsx scripts/profile-model.ts <model> [--data DIR] [--as-of YYYY-MM-DD] [--min 0.05]
import { readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { resolveConfig } from "../lib/config.ts";
import { sqlIdent, sqlString } from "../lib/db.ts";
import { closePipeline, runPipeline } from "../lib/pipeline.ts";
import { scratchDir } from "../lib/scratch.ts";

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { data: { type: "string" }, "as-of": { type: "string" }, min: { type: "string", default: "0.05" } },
});
const name = positionals[0];
if (!name) throw new Error("give a model: npx tsx scripts/profile-model.ts <model> [--data DIR]");
const p = await runPipeline(resolveConfig({ data: values.data, asOf: values["as-of"] }, {}), undefined, { only: [name] });
const profile = join(scratchDir("profile"), "profile.json");
try {
  const model = p.models.find((m) => m.name === name);
  if (!model || model.isDdl) throw new Error(`${name} is not a model with a query (see sql/)`);
  const ran = p.timings.find((t) => t.model === name)!;
  await p.db.run(`PRAGMA enable_profiling = 'json'; PRAGMA profiling_output = ${sqlString(profile)}`);
  await p.db.run(`CREATE OR REPLACE TABLE ${sqlIdent(`${name}__profiled`)} AS\n${model.sql}`);
  await p.db.run("PRAGMA disable_profiling");
  const tree = JSON.parse(readFileSync(profile, "utf8"));
  console.log(`${name}: ${ran.seconds.toFixed(2)} s in the pass; profiled again: ${tree.latency.toFixed(2)} s wall, ${tree.cpu_time.toFixed(2)} s CPU`);
  type Node = { operator_type?: string; operator_timing?: number; operator_cardinality?: number; extra_info?: unknown; children?: Node[] };
  const min = Number(values.min);
  const show = (n: Node, depth: number) => {
    if ((n.operator_timing ?? 0) >= min) {
      const info = JSON.stringify(n.extra_info ?? {}).slice(0, 120);
      console.log(`${"  ".repeat(depth)}${n.operator_type} ${(n.operator_timing ?? 0).toFixed(2)} s, ${n.operator_cardinality} rows  ${info}`);
    }
    for (const c of n.children ?? []) show(c, depth + 1);
  };
  for (const c of tree.children as Node[]) show(c, 0);
} finally {
  await closePipeline(p);
  rmSync(profile, { force: true });
}
