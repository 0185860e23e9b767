// Which pages of a built site scroll sideways at a width: npx tsx scripts/overflow.ts --dist DIR --width 390 [/page …]
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { launch, serve, visit } from "../test/helpers/browser.ts";

const { values, positionals } = parseArgs({ options: { dist: { type: "string" }, width: { type: "string" } }, allowPositionals: true });
const dist = values.dist ?? "dist";
const pages = positionals.length ? positionals : readdirSync(dist).filter((n) => n.endsWith(".html")).map((n) => `/${n.replace(/(index)?\.html$/, "")}`);
const site = await serve(dist);
const browser = await launch();
for (const path of pages) {
  const v = await visit(browser, site, path, { width: Number(values.width ?? 390) });
  const r = await v.page.evaluate(() => {
    const wide = [...document.querySelectorAll("main *")].filter((e) => e.getBoundingClientRect().right > window.innerWidth + 1).slice(0, 5).map((e) => `${e.tagName.toLowerCase()}.${[...e.classList].join(".")} ${Math.round(e.getBoundingClientRect().right)}`);
    return { scroll: document.documentElement.scrollWidth, inner: window.innerWidth, wide };
  });
  console.log(path, r.scroll > r.inner ? `OVERFLOW ${r.scroll} > ${r.inner}` : "ok", r.scroll > r.inner ? r.wide.join(" | ") : "");
  await v.page.context().close();
}
await browser.close();
await site.close();
