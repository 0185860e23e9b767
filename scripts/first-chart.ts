// How long a built page takes to show its first chart in headless Chromium: from the
// start of navigation to the first <svg> inside the page's main content, median of
// --runs visits (fresh context each, so nothing is cached), with the JSON it fetched.
//   npx tsx scripts/first-chart.ts --dist DIR [--runs 5] [--width 1400] /stagnation …
import { parseArgs } from "node:util";
import { launch, serve } from "../test/helpers/browser.ts";

const { values, positionals } = parseArgs({ options: { dist: { type: "string" }, runs: { type: "string" }, width: { type: "string" } }, allowPositionals: true });
const runs = Number(values.runs ?? 5);
const site = await serve(values.dist ?? "dist");
const browser = await launch();
try {
  for (const path of positionals.length ? positionals : ["/"]) {
    const times: number[] = [];
    let json = 0;
    for (let i = 0; i < runs; i++) {
      const context = await browser.newContext({ viewport: { width: Number(values.width ?? 1400), height: 1000 } });
      const page = await context.newPage();
      let bytes = 0;
      page.on("response", async (r) => {
        if (r.url().endsWith(".json")) bytes += (await r.body().catch(() => Buffer.alloc(0))).length;
      });
      await page.goto(site.url + path, { waitUntil: "commit" });
      await page.waitForSelector("#observablehq-main svg", { timeout: 60_000 });
      times.push(await page.evaluate(() => performance.now()));
      await page.waitForLoadState("networkidle");
      json = bytes;
      await context.close();
    }
    times.sort((a, b) => a - b);
    console.log(`${path}: first chart after ${Math.round(times[Math.floor(runs / 2)])} ms (median of ${runs}; ${times.map(Math.round).join(", ")}), ${(json / 1024).toFixed(0)} KB of JSON fetched`);
  }
} finally {
  await browser.close();
  await site.close();
}
