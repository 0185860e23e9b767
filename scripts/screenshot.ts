// Screenshots of built pages in headless Chromium, light and dark, for a person to look
// at:  npx tsx scripts/screenshot.ts [--dist dist] [--out .relay/screenshots] [--width 390] [/funnel ...]
// Prints console errors and any request that tried to leave the site.
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { launch, serve, visit } from "../test/helpers/browser.ts";

const { values, positionals } = parseArgs({ options: { dist: { type: "string" }, out: { type: "string" }, width: { type: "string" } }, allowPositionals: true });
const dist = values.dist ?? "dist";
const out = values.out ?? ".relay/screenshots";
const pages = positionals.length ? positionals : ["/"];
mkdirSync(out, { recursive: true });
const site = await serve(dist);
const browser = await launch();
try {
  for (const path of pages) {
    for (const scheme of ["light", "dark"] as const) {
      const v = await visit(browser, site, path, { colorScheme: scheme, width: values.width ? Number(values.width) : 1400 });
      const file = join(out, `${path.replace(/^\//, "").replaceAll("/", "_") || "index"}-${scheme}${values.width ? `-${values.width}` : ""}.png`);
      await v.page.screenshot({ path: file, fullPage: true });
      console.log(`${file}  console errors: ${v.consoleErrors.length}  external requests: ${v.externalRequests.length}`);
      for (const e of [...v.consoleErrors, ...v.externalRequests]) console.log(`  ${e}`);
      await v.page.context().close();
    }
  }
} finally {
  await browser.close();
  await site.close();
}
