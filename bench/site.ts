// One `relay build` as the CLI runs it, timed by stage.
//   npx tsx bench/site.ts --data DIR --out DIR     prints the stage timings as JSON
import { parseArgs } from "node:util";
import { buildSite } from "../lib/build.ts";
import { resolveConfig } from "../lib/config.ts";

const { values } = parseArgs({ options: { data: { type: "string" }, out: { type: "string" } } });
if (!values.data || !values.out) throw new Error("give --data DIR --out DIR");
const timings = await buildSite(resolveConfig({ data: values.data }, {}), values.out);
console.log(JSON.stringify(timings));
