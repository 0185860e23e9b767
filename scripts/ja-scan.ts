// Words in Latin letters on the pages of a Japanese build (RELAY_LANG=ja), page by page,
// less the allowed ones (test/helpers/japanese.ts): what is left is English to translate.
//   npx tsx scripts/ja-scan.ts --dist DIR [/page …]
import { parseArgs } from "node:util";
import { launch, serve } from "../test/helpers/browser.ts";
import { englishOnPage, pagesOf } from "../test/helpers/japanese.ts";

const { values, positionals } = parseArgs({ options: { dist: { type: "string" } }, allowPositionals: true });
const dist = values.dist ?? "dist";
const site = await serve(dist);
const browser = await launch();
try {
  for (const path of positionals.length ? positionals : pagesOf(dist)) {
    const words = await englishOnPage(browser, site, dist, path);
    console.log(`${path}: ${words.length ? words.join(" | ") : "ok"}`);
  }
} finally {
  await browser.close();
  await site.close();
}
