// Every page of the sample's site, rep pages included, for the people who read it: no page
// scrolls sideways on a phone (390 px) or a wide screen (1400 px), and the Japanese site
// is Japanese to the last word but names from the data, units and the product name (the
// allow-list is ALLOWED in test/helpers/japanese.ts).
import { join } from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateSample } from "../lib/sample/generate.ts";
import { hasChromium, launch, serve, type Site, visit } from "./helpers/browser.ts";
import { tempDir } from "./helpers/fixture.ts";
import { dataWords, englishOnPage, pagesOf } from "./helpers/japanese.ts";
import { relay } from "./helpers/relay.ts";

const work = tempDir("relay-pages-");
const en = join(work, "en");
const ja = join(work, "ja");
export const WIDTHS = [390, 1400];

describe.skipIf(!hasChromium)("every page", () => {
  let browser: Browser;
  let enSite: Site;
  let jaSite: Site;

  beforeAll(async () => {
    const data = join(work, "sample");
    await generateSample({ outDir: data });
    for (const [out, lang] of [[en, "en"], [ja, "ja"]]) {
      const r = await relay(["build", "--data", data, "--out", out], { RELAY_LANG: lang });
      expect(r.code, r.err).toBe(0);
    }
    browser = await launch();
    enSite = await serve(en);
    jaSite = await serve(ja);
  }, 300_000);

  afterAll(async () => {
    await enSite?.close();
    await jaSite?.close();
    await browser?.close();
  });

  it("fits the screen: nothing scrolls sideways at 390 px or at 1400 px", async () => {
    const pages = pagesOf(en);
    // the home page and the nine views, and a page per IS rep
    expect(pages.filter((p) => !p.startsWith("/reps/")).sort()).toEqual(["/", "/campaigns", "/data-quality", "/funnel", "/pipeline", "/productivity", "/segments", "/source-mix", "/stagnation", "/win-loss"]);
    expect(pages.filter((p) => p.startsWith("/reps/")).length).toBeGreaterThan(10);
    const overflowing: string[] = [];
    for (const width of WIDTHS) {
      for (const path of pages) {
        const v = await visit(browser, enSite, path, { width });
        const r = await v.page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, inner: window.innerWidth }));
        if (r.scroll > r.inner) overflowing.push(`${path} at ${width} px: ${r.scroll} px wide`);
        expect(v.consoleErrors, `${path} at ${width}`).toEqual([]);
        await v.page.context().close();
      }
    }
    expect(overflowing).toEqual([]);
  });

  it("speaks Japanese on every page of a RELAY_LANG=ja site", async () => {
    const data = dataWords(ja);
    const english: string[] = [];
    for (const path of pagesOf(ja)) {
      const words = await englishOnPage(browser, jaSite, ja, path, data);
      if (words.length) english.push(`${path}: ${words.join(", ")}`);
    }
    expect(english).toEqual([]);
  });

  it("writes dates and fiscal periods as Japanese companies do", async () => {
    const v = await visit(browser, jaSite, "/pipeline");
    const text = await v.page.locator("main").innerText();
    await v.page.context().close();
    expect(text).toMatch(/2025年9月30日/);
    expect(text).toMatch(/2025年度 第2四半期/);
    expect(text).not.toMatch(/\b20\d\d-\d\d-\d\d\b/); // no ISO dates
    expect(text).not.toMatch(/\bFY20\d\d/);
  });
});
