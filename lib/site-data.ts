// The marts a site is built from, where the pages find them: src/data is a link
// (a junction on Windows) to .relay/site-data, which holds the marts of the build or
// preview that ran last. Files are rewritten only when their content changed, in place,
// so a running preview sees exactly the marts that moved.
import { existsSync, lstatSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { PROJECT_ROOT } from "./config.ts";
import { filesBelow } from "./files.ts";

export const SITE_DATA = join(PROJECT_ROOT, ".relay", "site-data");
const LINK = join(PROJECT_ROOT, "src", "data");

/** Make .relay/site-data hold exactly the files of `martsDir`, and src/data point at it. */
export function publishSiteData(martsDir: string) {
  mkdirSync(SITE_DATA, { recursive: true });
  const wanted = new Set(filesBelow(martsDir).map((f) => relative(martsDir, f)));
  for (const name of wanted) {
    const next = readFileSync(join(martsDir, name));
    const target = join(SITE_DATA, name);
    if (existsSync(target) && readFileSync(target).equals(next)) continue;
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, next);
  }
  for (const f of filesBelow(SITE_DATA)) if (!wanted.has(relative(SITE_DATA, f))) rmSync(f);
  linkSrcData();
}

function linkSrcData() {
  let stat;
  try {
    stat = lstatSync(LINK);
  } catch {
    // a junction needs no special rights on Windows, and takes an absolute target there
    symlinkSync(process.platform === "win32" ? SITE_DATA : relative(dirname(LINK), SITE_DATA), LINK, "junction");
    return;
  }
  if (!stat.isSymbolicLink()) {
    throw new Error(`${LINK} is a folder, but relay keeps the site's data there as a link to ${SITE_DATA}: move what is in it elsewhere and delete it`);
  }
}

