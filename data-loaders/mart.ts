// The one data loader: prints a mart as JSON on stdout. Framework calls it through the
// thin file src/data/[mart].json.ts with --mart=<name>. `relay build` has already run
// the pipeline once and passes the folder in RELAY_MARTS_DIR; run directly (e.g. by a
// bare `observable preview`), it computes the marts for the current inputs itself.

import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { resolveConfig } from "../lib/config.ts";
import { ensureMarts } from "../lib/marts.ts";

/** The value of `--<name>=` that Framework passes to a parameterized loader. */
export function loaderParam(name: string, argv: string[] = process.argv): string {
  const value = argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
  if (!value || !/^[A-Za-z0-9_-]+$/.test(value)) throw new Error(`loader: expected --${name}=<value>, got ${argv.slice(2).join(" ")}`);
  return value;
}

/** The folder holding this build's marts. */
export async function martsDir(): Promise<string> {
  return process.env.RELAY_MARTS_DIR || (await ensureMarts(resolveConfig()));
}

/** A mart's JSON text. */
export async function readMart(name: string): Promise<string> {
  const file = join(await martsDir(), `${name}.json`);
  if (!existsSync(file)) throw new Error(`mart loader: no mart named ${name} (looked for ${file}); see \`relay query --list\``);
  return readFileSync(file, "utf8");
}

export async function emitMart(argv: string[] = process.argv): Promise<void> {
  process.stdout.write(await readMart(loaderParam("mart", argv)));
}
