// Fallback entry of the loaders when they run outside `relay build` (a bare
// `observable preview`): computes the marts for the current inputs, then prints the one
// asked for. Called by src/data/[mart].json.sh and src/reps/[rep].json.sh.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { resolveConfig, siteSettings } from "../lib/config.ts";
import { ensureMarts } from "../lib/marts.ts";

const arg = (name: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
const dir = siteSettings().martsDir ?? (await ensureMarts(resolveConfig()));
const mart = arg("mart");
const rep = arg("rep");
const ext = arg("ext") ?? "json";
const file = mart ? join(dir, `${mart}.${ext}`) : rep ? join(dir, "reps", `${rep}.json`) : "";
if (!file || !existsSync(file)) throw new Error(`loader: nothing to print for ${process.argv.slice(2).join(" ")} in ${dir}`);
process.stdout.write(readFileSync(file));
