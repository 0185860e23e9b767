// The `relay` command: sample | check | build | query | dev. Thin: parses flags, calls
// the library, prints. Exit codes: 0 ok, 1 bad input or failed build, 2 bad usage.

import { createReadStream, existsSync, rmSync } from "node:fs";
import { join, resolve } from "node:path";
import { pipeline } from "node:stream/promises";
import { parseArgs } from "node:util";
import { ConfigError, type Config, type FlagValues, outputDir, resolveConfig } from "./config.ts";
import { InputError } from "./errors.ts";
import { readTable, toJson, writeCsv } from "./export.ts";
import { closePipeline, type Pipeline, runPipeline } from "./pipeline.ts";
import { removeStaleScratch, scratchDir } from "./scratch.ts";
import { ensureMarts } from "./marts.ts";
import { loadModels } from "./models.ts";
import { balanced, reconciliationFromMarts, reconciliationText } from "./reconcile.ts";
import { shownPath } from "./progress.ts";
import { buildLine, buildSummary, checkSummary, failureSummary, writeSummary } from "./summary.ts";

const USAGE = `relay — a sales dashboard from a CRM export

Usage:
  relay sample [--out DIR] [--scale N] [--seed S]   write a generated data set (default .relay/sample)
  relay check  [--data DIR] [--as-of YYYY-MM-DD] [--summary FILE]
                                                    validate an export and reconcile its rows
  relay build  [--data DIR] [--as-of YYYY-MM-DD] [--out DIR] [--summary FILE] [--verbose]
                                                    build the site (default dist/), published only when complete;
                                                    --verbose shows Framework's own log
  relay query <mart> [--data DIR] [--as-of DATE] [--format json|csv]
  relay query --list                                list the marts
  relay dev    [--data DIR] [--as-of DATE]          live preview
  relay fingerprint [--data DIR]                    a hash of the export's files (a CI cache key)
  relay bench  [--scale 1,10,100] [--json FILE]     time the build at several data sizes (see bench/bench.ts)

Settings (flags win over the environment):
  --data DIR            RELAY_DATA            default: the generated sample
  --as-of YYYY-MM-DD    RELAY_AS_OF           default: today in the business time zone
  --timezone NAME       RELAY_TIMEZONE        default: Asia/Tokyo (sql/rules/settings.sql)
  --fy-start-month N    RELAY_FY_START_MONTH  default: 4 (April)
  --holidays jp|none|F  RELAY_HOLIDAYS        default: jp
  --out DIR             RELAY_OUT             default: dist/ (relay build)
                        RELAY_MEMORY_LIMIT    default: 2GB (DuckDB spills to .relay/tmp beyond it)
                        RELAY_LANG            en (default) or ja`;

const COMMON = {
  data: { type: "string" },
  "as-of": { type: "string" },
  timezone: { type: "string" },
  "fy-start-month": { type: "string" },
  holidays: { type: "string" },
  help: { type: "boolean", short: "h" },
} as const;

class UsageError extends Error {}

export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  // what a killed relay left in .relay/tmp (DuckDB's spill files can be gigabytes)
  removeStaleScratch();
  try {
    switch (command) {
      case "sample":
        return await sample(rest);
      case "check":
        return await check(rest);
      case "build":
        return await build(rest);
      case "query":
        return await query(rest);
      case "dev":
        return await dev(rest);
      case "bench":
        return await bench(rest);
      case "fingerprint":
        return await fingerprint(rest);
      case undefined:
      case "help":
      case "--help":
      case "-h":
        console.log(USAGE);
        return command === undefined ? 2 : 0;
      default:
        throw new UsageError(`unknown command "${command}"`);
    }
  } catch (e) {
    if (e instanceof UsageError) {
      console.error(`relay: ${e.message}\n\n${USAGE}`);
      return 2;
    }
    if (e instanceof InputError || e instanceof ConfigError) {
      console.error(`relay: ${e.message}`);
      return 1;
    }
    console.error(`relay: ${(e as Error).message ?? e}`);
    return 1;
  }
}

function parse<T extends Record<string, { type: "string" | "boolean"; short?: string }>>(args: string[], options: T) {
  try {
    return parseArgs({ args, options: { ...COMMON, ...options }, allowPositionals: true, strict: true });
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
}

function flagValues(values: Record<string, unknown>): FlagValues {
  return {
    data: values.data as string | undefined,
    asOf: values["as-of"] as string | undefined,
    timezone: values.timezone as string | undefined,
    fyStartMonth: values["fy-start-month"] as string | undefined,
    holidays: values.holidays as string | undefined,
  };
}

/** Resolve settings; on a fresh clone, generate the default sample first. */
export async function prepareConfig(flags: FlagValues): Promise<Config> {
  let cfg = resolveConfig(flags);
  if (cfg.usingDefaultSample && !existsSync(cfg.dataDir)) {
    const { generateSample } = await import("./sample/generate.ts");
    console.error(`relay: no data given; generating the sample data set into ${cfg.dataDir}`);
    await generateSample({ outDir: cfg.dataDir });
    cfg = resolveConfig(flags);
  }
  return cfg;
}

async function sample(args: string[]): Promise<number> {
  const { values } = parse(args, { out: { type: "string" }, scale: { type: "string" }, seed: { type: "string" } });
  const scale = values.scale === undefined ? 1 : Number(values.scale);
  const seed = values.seed === undefined ? 42 : Number(values.seed);
  if (!(scale > 0)) throw new UsageError(`--scale must be a positive number, got ${values.scale}`);
  if (!Number.isInteger(seed)) throw new UsageError(`--seed must be an integer, got ${values.seed}`);
  const { DEFAULT_SAMPLE_DIR } = await import("./config.ts");
  const { generateSample } = await import("./sample/generate.ts");
  const out = (values.out as string | undefined) ?? DEFAULT_SAMPLE_DIR;
  const summary = await generateSample({ outDir: out, scale, seed });
  console.log(`wrote ${out} (seed ${summary.seed}, scale ${summary.scale}, as of ${summary.as_of})`);
  for (const [object, n] of Object.entries(summary.rows)) console.log(`  ${object.padEnd(20)} ${String(n).padStart(12)}`);
  return 0;
}

async function check(args: string[]): Promise<number> {
  const { values } = parse(args, { summary: { type: "string" } });
  const summaryFile = values.summary as string | undefined;
  return withSummary("check", summaryFile, async () => {
    const cfg = await prepareConfig(flagValues(values));
    // the marts of this export, kept: the build that follows a check (the nightly) reuses them
    const r = reconciliationFromMarts((await ensureMarts(cfg)).dir);
    console.log(reconciliationText(r, cfg.dataDir));
    writeSummary(checkSummary(r, balanced(r)), summaryFile);
    return balanced(r) ? 0 : 1;
  });
}

/** On a failure, the summary says what failed before the error ends the log. */
async function withSummary(command: "check" | "build", file: string | undefined, fn: () => Promise<number>): Promise<number> {
  try {
    return await fn();
  } catch (e) {
    if (!(e instanceof UsageError)) writeSummary(failureSummary(command, `relay: ${(e as Error).message ?? e}`), file);
    throw e;
  }
}

async function build(args: string[]): Promise<number> {
  const { values } = parse(args, { out: { type: "string" }, summary: { type: "string" }, verbose: { type: "boolean" } });
  const summaryFile = values.summary as string | undefined;
  return withSummary("build", summaryFile, async () => {
    const cfg = await prepareConfig(flagValues(values));
    const { buildSite } = await import("./build.ts");
    const out = values.out ? resolve(values.out as string) : outputDir();
    const t = await buildSite(cfg, out, { verbose: Boolean(values.verbose) });
    const r = reconciliationFromMarts(t.marts_dir);
    const facts = { ...t, out: shownPath(out) };
    console.error(buildLine(r, facts));
    writeSummary(buildSummary(r, facts), summaryFile);
    return 0;
  });
}

async function dev(args: string[]): Promise<number> {
  const { values } = parse(args, {});
  const cfg = await prepareConfig(flagValues(values));
  const { previewSite } = await import("./build.ts");
  return previewSite(cfg);
}

/** The export's fingerprint (a hash of its files' content), for a CI cache key. */
async function fingerprint(args: string[]): Promise<number> {
  const { values } = parse(args, {});
  const cfg = await prepareConfig(flagValues(values));
  const { dataFingerprint } = await import("./fingerprint.ts");
  console.log(dataFingerprint(cfg.dataDir));
  return 0;
}

/** The benchmark script prints figures; it is a script so that it can run on its own too. */
async function bench(args: string[]): Promise<number> {
  const { spawnSync } = await import("node:child_process");
  const { PROJECT_ROOT } = await import("./config.ts");
  const r = spawnSync(process.execPath, ["--import", "tsx", "bench/bench.ts", ...args], { cwd: PROJECT_ROOT, stdio: "inherit" });
  return r.status ?? 1;
}

async function query(args: string[]): Promise<number> {
  const { values, positionals } = parse(args, { list: { type: "boolean" }, format: { type: "string" } });
  if (values.list) {
    const marts = (await loadModels(resolveConfig().sqlDir)).filter((m) => m.layer === "marts").sort((a, b) => a.name.localeCompare(b.name));
    for (const m of marts) console.log(`${m.name.padEnd(26)} ${m.description}`);
    return 0;
  }
  const [mart] = positionals;
  if (!mart) throw new UsageError("query needs a mart name (see relay query --list)");
  const format = (values.format as string | undefined) ?? "csv";
  if (format !== "json" && format !== "csv") throw new UsageError(`--format must be json or csv, got ${format}`);
  const cfg = await prepareConfig(flagValues(values));
  const known = (await loadModels(cfg.sqlDir)).filter((m) => m.layer === "marts").map((m) => m.name).sort();
  if (!known.includes(mart)) throw new UsageError(`no mart named "${mart}"; marts: ${known.join(", ")}`);
  // the mart and what it depends on, in the models store of this data: after the first
  // query, an edit to one mart's SQL computes that mart alone
  const p = await runPipeline(cfg, undefined, { store: true, only: [mart] });
  try {
    if (format === "json") process.stdout.write(toJson(await readTable(p.db, mart)));
    else await printCsv(p, mart);
    return 0;
  } finally {
    await closePipeline(p);
  }
}


/** A mart as CSV on stdout, written by the same code as the build's CSV files. */
async function printCsv(p: Pipeline, mart: string) {
  const dir = scratchDir("query");
  try {
    const file = join(dir, `${mart}.csv`);
    await writeCsv(p.db, mart, file);
    await pipeline(createReadStream(file), process.stdout, { end: false });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
