// The rep pages: one per IS rep, all from src/reps/[rep].md. Framework writes them all
// alike: the HTML of two reps' pages differs only in the rep id and in the content hash and
// size of the rep's data file (the title is relay's, lib/build.ts). Rendering a page costs
// Framework ≈ 0.1 s of one core, so with 121 reps (ten million tasks) most of a build's
// render went into writing the same page again. Framework renders the first rep's page, the
// template; relay writes every other rep's page from it, and ships their data files under
// the names Framework gives files (name.<first 8 hex of the content's SHA-256>.ext).
// RELAY_REP_PAGES=framework has Framework render every rep page instead: the test that the
// written pages are byte for byte Framework's own (test/rep-pages.test.ts).
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

/** The reps with a page: their data files in `repsDir` (lib/rep-files.ts), sorted. */
export function repIds(repsDir: string): string[] {
  if (!existsSync(repsDir)) return [];
  return readdirSync(repsDir).filter((n) => n.endsWith(".json")).map((n) => n.slice(0, -".json".length)).sort();
}

/** The rep whose page Framework renders. */
export function templateRep(repsDir: string): string | undefined {
  return repIds(repsDir)[0];
}

/** Where Framework ships a file under _file/: its name with the content's hash before the extension. */
export function shippedName(name: string, contents: Buffer): string {
  return `${name}.${createHash("sha256").update(contents).digest("hex").slice(0, 8)}.json`;
}

/**
 * Write the page and the shipped data file of every rep but the template's into `siteDir`,
 * from the template page Framework wrote. Returns how many pages were written.
 */
export function writeRepPages(siteDir: string, repsDir: string): number {
  const ids = repIds(repsDir);
  const template = ids[0];
  if (template === undefined) return 0;
  const templatePage = join(siteDir, "reps", `${template}.html`);
  if (!existsSync(templatePage)) throw new Error(`Framework wrote no page for rep ${template} (reps/${template}.html); nothing was published`);
  const html = readFileSync(templatePage, "utf8");
  const own = readFileSync(join(repsDir, `${template}.json`));
  const ownFile = `"path":"../_file/data/reps/${shippedName(template, own)}","lastModified":`;
  const ownSize = `"size":${own.length}}`;
  // the page must name its data file exactly once, as this module expects; a Framework
  // that writes it otherwise would get every other rep's page wrong, so stop here
  const registered = html.split(ownFile);
  if (registered.length !== 2 || !registered[1].includes(ownSize)) {
    throw new Error(`reps/${template}.html does not register its data file as relay expects (${ownFile}…${ownSize}); ` +
      `a Framework upgrade may have changed its HTML: set RELAY_REP_PAGES=framework to render every rep page, and see lib/rep-pages.ts`);
  }
  const shipped = join(siteDir, "_file", "data", "reps");
  mkdirSync(shipped, { recursive: true });
  for (const id of ids.slice(1)) {
    const data = readFileSync(join(repsDir, `${id}.json`));
    const file = shippedName(id, data);
    writeFileSync(join(shipped, file), data);
    const [before, after] = registered;
    const registration = `"path":"../_file/data/reps/${file}","lastModified":`;
    const rest = after.replace(ownSize, `"size":${data.length}}`);
    // the id is in the page as part of its data file's name and as the page parameter
    // (observable.params.rep, a JSON string): those, and nothing that merely contains it
    const page = (before + registration + rest).replaceAll(`reps/${template}.`, `reps/${id}.`).replaceAll(`"${template}"`, `"${id}"`);
    writeFileSync(join(siteDir, "reps", `${id}.html`), page);
  }
  return ids.length - 1;
}
