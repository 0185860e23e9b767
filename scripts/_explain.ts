import { readFileSync } from "node:fs";
import { resolveConfig } from "../lib/config.ts";
import { runPipeline } from "../lib/pipeline.ts";
const [target, file] = process.argv.slice(2);
const p = await runPipeline(resolveConfig({ data: ".relay/bench-sample-100" }, {}), undefined, { only: [target] });
await p.db.run("PRAGMA enable_profiling='json'; PRAGMA profiling_output='/tmp/exp/profile.json'");
await p.db.run(readFileSync(file, "utf8"));
p.db.closeSync();
