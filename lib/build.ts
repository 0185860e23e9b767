// `relay build` and `relay dev`: one DuckDB pass for all marts, then Observable
// Framework renders the pages into a temporary folder that replaces dist/ only when
// everything succeeded.
//
// Framework reuses a cached loader output even when the SQL or the data changed, so the
// loader outputs in its cache are always cleared first; the marts themselves are keyed
// by a fingerprint of SQL, code, data and settings (lib/marts.ts).

import { spawn } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, watch, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { type Config, configEnv, PROJECT_ROOT, siteSettings } from "./config.ts";
import { ensureMarts } from "./marts.ts";

const SRC = join(PROJECT_ROOT, "src");
const CACHE = join(SRC, ".observablehq", "cache");
export const DIST = join(PROJECT_ROOT, "dist");

// Framework looks up the latest version of these packages on the npm registry while
// bundling its own client, only to write lazy import paths nobody here uses. An empty
// cache folder per package answers the lookup offline and pins the client bundle, so
// builds need no network and stay reproducible. (Measured offline with Framework 1.13.4; see docs/developing.md.)
const NPM_STUBS = [
  "parquet-wasm@0.8.0", "htl@1.0.0", "d3-dsv@3.0.2", "react-dom@19.3.1", "lodash@4.18.1", "echarts@6.1.0",
  "arquero@8.0.3", "react@19.3.1", "@observablehq/sample-datasets@1.0.1", "@observablehq/plot@0.6.17",
  "topojson-client@3.1.0", "apache-arrow@21.2.0", "d3@7.9.2", "leaflet@1.9.4", "mapbox-gl@3.32.0",
];

function prepareFrameworkCache() {
  for (const stub of NPM_STUBS) mkdirSync(join(CACHE, "_npm", stub), { recursive: true });
  clearLoaderOutputs();
}

/** Remove cached loader outputs (everything but Framework's own `_npm`, `_node`, … folders). */
export function clearLoaderOutputs() {
  if (!existsSync(CACHE)) return;
  for (const name of readdirSync(CACHE)) {
    if (!name.startsWith("_")) rmSync(join(CACHE, name), { recursive: true, force: true });
  }
}

function framework(command: "build" | "preview", env: Record<string, string>): Promise<number> {
  const bin = join(PROJECT_ROOT, "node_modules", ".bin");
  return new Promise((resolve, reject) => {
    const child = spawn(join(bin, "observable"), [command], {
      cwd: PROJECT_ROOT,
      stdio: "inherit",
      env: {
        ...process.env,
        ...env,
        PATH: `${bin}:${process.env.PATH}`,
        OBSERVABLE_TELEMETRY_DISABLE: "true",
      },
    });
    child.on("error", reject);
    child.on("exit", (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

/**
 * Framework keeps one cache under src/, so two builds at once would clear each other's
 * loader outputs: builds take turns through a lock file.
 */
async function withBuildLock<T>(fn: () => Promise<T>): Promise<T> {
  const lock = join(PROJECT_ROOT, ".relay", "build.lock");
  mkdirSync(dirname(lock), { recursive: true });
  for (let waited = 0; ; waited += 200) {
    try {
      writeFileSync(lock, String(process.pid), { flag: "wx" });
      break;
    } catch {
      const holder = Number(readFileSync(lock, "utf8"));
      if (!holder || !isAlive(holder)) {
        rmSync(lock, { force: true }); // left by a build that died
        continue;
      }
      if (waited === 0) console.error(`relay: waiting for another build (pid ${holder}) to finish`);
      await new Promise((r) => setTimeout(r, 200));
    }
  }
  try {
    return await fn();
  } finally {
    rmSync(lock, { force: true });
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

export async function buildSite(cfg: Config, out = DIST): Promise<void> {
  await withBuildLock(() => buildUnlocked(cfg, resolve(out)));
}

async function buildUnlocked(cfg: Config, out: string): Promise<void> {
  const started = performance.now();
  const martsDir = await ensureMarts(cfg);
  const martsSeconds = (performance.now() - started) / 1000;
  prepareFrameworkCache();
  const tmp = `${out}.tmp-${process.pid}`;
  rmSync(tmp, { recursive: true, force: true });
  try {
    const code = await framework("build", { ...configEnv(cfg), RELAY_MARTS_DIR: martsDir, RELAY_OUTPUT: tmp });
    if (code !== 0) throw new Error(`observable build exited with code ${code}; dist/ was left as it was`);
    verifySite(tmp);
    const asOf = JSON.parse(readFileSync(join(martsDir, "build_info.json"), "utf8"))[0].as_of as string;
    finishHtml(tmp, siteSettings().lang, Date.parse(`${asOf}T00:00:00Z`));
    const old = `${out}.old-${process.pid}`;
    if (existsSync(out)) renameSync(out, old);
    renameSync(tmp, out);
    rmSync(old, { recursive: true, force: true });
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
  console.error(`relay: built ${out} (marts ${martsSeconds.toFixed(1)} s, total ${((performance.now() - started) / 1000).toFixed(1)} s)`);
}

/** A build that "succeeded" but lacks its pages or data must not be published. */
function verifySite(dir: string) {
  if (!existsSync(join(dir, "index.html"))) throw new Error(`the build wrote no index.html; dist/ was left as it was`);
  const data = join(dir, "_file", "data");
  if (!existsSync(data) || readdirSync(data).length === 0) throw new Error(`the build wrote no data files; dist/ was left as it was`);
}

/**
 * Two fixes to the HTML Framework writes:
 * - it has no <html lang> option; screen readers, translation and our i18n need it;
 * - it stamps each data file with the modification time of its cache file, which differs
 *   on every build; the as-of date (the date the data describes) makes two builds of the
 *   same inputs byte-identical.
 */
function finishHtml(dir: string, lang: string, lastModified: number) {
  for (const f of walkHtml(dir)) {
    const html = readFileSync(f, "utf8");
    writeFileSync(f, html.replace(/<html>/, `<html lang="${lang}">`).replace(/"lastModified":\d+/g, `"lastModified":${lastModified}`));
  }
}

function walkHtml(dir: string): string[] {
  const out: string[] = [];
  for (const n of readdirSync(dir)) {
    const p = join(dir, n);
    if (statSync(p).isDirectory()) out.push(...walkHtml(p));
    else if (n.endsWith(".html")) out.push(p);
  }
  return out;
}

/**
 * Live preview. The loader computes marts for the current inputs itself; when SQL or
 * data change, the cached loader outputs are dropped and the loader file touched so that
 * Framework reruns it and the open page updates.
 */
export async function previewSite(cfg: Config): Promise<number> {
  await ensureMarts(cfg);
  prepareFrameworkCache();
  const loader = join(SRC, "data", "[mart].json.sh");
  const invalidate = () => {
    clearLoaderOutputs();
    writeFileSync(loader, readFileSync(loader));
  };
  for (const dir of [cfg.sqlDir, cfg.dataDir]) watch(dir, { recursive: true }, invalidate);
  return framework("preview", configEnv(cfg));
}
