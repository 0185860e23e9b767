// One DuckDB pass in memory, as `relay build` runs it on new data, timed per model.
//   npx tsx bench/pass.ts --data DIR      prints {"pass_seconds", "rows", "models"} as JSON
import { parseArgs } from "node:util";
import { resolveConfig } from "../lib/config.ts";
import { closePipeline, runPipeline } from "../lib/pipeline.ts";

const { values } = parseArgs({ options: { data: { type: "string" } } });
if (!values.data) throw new Error("give --data DIR");
const started = performance.now();
const p = await runPipeline(resolveConfig({ data: values.data }, {}));
const passSeconds = (performance.now() - started) / 1000;
const rows = Object.fromEntries(p.source.objects.map((o) => [o.object, o.rowsRead]));
const models = p.timings.map((t) => ({ model: t.model, layer: p.models.find((m) => m.name === t.model)!.layer, seconds: t.seconds }));
await closePipeline(p);
console.log(JSON.stringify({ pass_seconds: passSeconds, rows, models }));
