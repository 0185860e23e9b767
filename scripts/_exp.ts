import { readFileSync } from "node:fs";
import { resolveConfig } from "../lib/config.ts";
import { runPipeline } from "../lib/pipeline.ts";
const [target, ...files] = process.argv.slice(2);
const p = await runPipeline(resolveConfig({ data: ".relay/bench-sample-100" }, {}), undefined, { only: [target] });
for (const t of p.timings.filter((t) => t.seconds > 0.3)) console.log("pipeline", t.model, t.seconds.toFixed(2));
for (const f of files) {
  for (let i = 0; i < 2; i++) {
    const s = performance.now();
    await p.db.run(readFileSync(f, "utf8"));
    console.log(f, ((performance.now() - s) / 1000).toFixed(2));
  }
}
p.db.closeSync();
