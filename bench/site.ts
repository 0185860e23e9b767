// One `relay build` as the CLI runs it, timed by stage.
//   npx tsx bench/site.ts --data DIR --out DIR     prints the stage timings as JSON
import { parseArgs } from "node:util";
import { buildSite } from "../lib/build.ts";
import { resolveConfig } from "../lib/config.ts";

const { values } = parseArgs({ options: { data: { type: "string" }, out: { type: "string" } } });
if (!values.data || !values.out) throw new Error("give --data DIR --out DIR");
// the marts folder is this machine's path: the results say only whether they were reused
const { marts_dir: _, ...timings } = await buildSite(resolveConfig({ data: values.data }, {}), values.out);
console.log(JSON.stringify(timings));
