// The one data loader: prints a mart as JSON on stdout. Framework calls it through the
// thin file src/data/[mart].json.ts with --mart=<name>. `relay build` has already run
// the pipeline once and passes the folder in RELAY_MARTS_DIR; run directly (e.g. by a
// bare `observable preview`), it computes the marts for the current inputs itself.

import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { resolveConfig } from "../lib/config.ts";
import { ensureMarts } from "../lib/marts.ts";

export async function emitMart(argv: string[] = process.argv): Promise<void> {
  const name = argv.find((a) => a.startsWith("--mart="))?.slice("--mart=".length);
  if (!name || !/^[a-z0-9_]+$/.test(name)) throw new Error(`mart loader: expected --mart=<name>, got ${argv.slice(2).join(" ")}`);
  const dir = process.env.RELAY_MARTS_DIR || (await ensureMarts(resolveConfig()));
  const file = join(dir, `${name}.json`);
  if (!existsSync(file)) throw new Error(`mart loader: no mart named ${name} (looked for ${file}); see \`relay query --list\``);
  process.stdout.write(readFileSync(file));
}
