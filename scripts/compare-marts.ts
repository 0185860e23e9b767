// Speed must not move a number: computes every mart with the code of a git revision and
// with the working tree, on the same data, and compares the JSON files byte for byte.
//   npx tsx scripts/compare-marts.ts --ref <commit> [--data DIR] [--as-of YYYY-MM-DD]
// The revision is checked out as a git worktree under .relay/compare/ (removed after).
// Exit 0 when every mart the revision had is byte-identical now; 1 otherwise.
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { DEFAULT_SAMPLE_DIR, PROJECT_ROOT } from "../lib/config.ts";

const { values } = parseArgs({ options: { ref: { type: "string" }, data: { type: "string" }, "as-of": { type: "string" } } });
if (!values.ref) throw new Error("give --ref <commit>: the revision to compare with");
// the revision runs in its own worktree: a relative path must mean the one given here
const data = resolve(values.data ?? DEFAULT_SAMPLE_DIR);
const base = join(PROJECT_ROOT, ".relay", "compare");
const tree = join(base, "tree");
const out = { before: join(base, "before"), after: join(base, "after") };
rmSync(base, { recursive: true, force: true });
mkdirSync(base, { recursive: true });

// both sides run the same few lines against their own lib/: one pass, every mart as JSON
function script(root: string, dir: string): string {
  const file = join(base, `${dir === out.before ? "before" : "after"}.mts`);
  writeFileSync(file, `
  import { resolveConfig } from "${root}/lib/config.ts";
  import { writeMarts } from "${root}/lib/marts.ts";
  import { closePipeline, runPipeline } from "${root}/lib/pipeline.ts";
  const p = await runPipeline(resolveConfig({ data: ${JSON.stringify(data)}, asOf: ${JSON.stringify(values["as-of"])} }, {}));
  await writeMarts(p, ${JSON.stringify(dir)}, { all: true });
  await closePipeline(p);`);
  return file;
}

try {
  execFileSync("git", ["worktree", "add", "--detach", tree, values.ref], { cwd: PROJECT_ROOT, stdio: "ignore" });
  symlinkSync(join(PROJECT_ROOT, "node_modules"), join(tree, "node_modules"));
  const env = { ...process.env, RELAY_SQL_DIR: "" };
  execFileSync(join(PROJECT_ROOT, "node_modules", ".bin", "tsx"), [script(tree, out.before)], { cwd: tree, env, stdio: "inherit" });
  execFileSync(join(PROJECT_ROOT, "node_modules", ".bin", "tsx"), [script(PROJECT_ROOT, out.after)], { cwd: PROJECT_ROOT, env, stdio: "inherit" });

  const marts = readdirSync(out.before).filter((f) => f.endsWith(".json")).sort();
  const differ = marts.filter((f) => !existsSync(join(out.after, f)) || !readFileSync(join(out.before, f)).equals(readFileSync(join(out.after, f))));
  console.log(`${marts.length} marts of ${values.ref}: ${marts.length - differ.length} byte-identical, ${differ.length} differ${differ.length ? `: ${differ.join(", ")}` : ""}`);
  process.exitCode = differ.length ? 1 : 0;
} finally {
  execFileSync("git", ["worktree", "remove", "--force", tree], { cwd: PROJECT_ROOT, stdio: "ignore" });
  rmSync(base, { recursive: true, force: true });
}
