import { readFileSync } from "node:fs";
import { resolveConfig } from "../lib/config.ts";
import { runPipeline } from "../lib/pipeline.ts";
const files = process.argv.slice(2);
const p = await runPipeline(resolveConfig({ data: ".relay/bench-sample-100" }, {}), undefined, { only: files.map((f) => f.replace(/^.*x_|\.sql$/g, "")) });
for (const f of files) {
  await p.db.run(`PRAGMA enable_profiling='json'; PRAGMA profiling_output='${f}.profile.json'`);
  await p.db.run(readFileSync(f, "utf8"));
  await p.db.run(`PRAGMA disable_profiling`);
}
p.db.closeSync();
