// lib/rep-pages.ts on hand-made pages: what it changes in the template page for another
// rep, what it leaves alone, and how it stops when the template is not what it expects.
// (test/rep-pages.test.ts compares its pages with Framework's own on the sample.)
import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { writeRepPages } from "../lib/rep-pages.ts";
import { tempDir } from "./helpers/fixture.ts";

const hash8 = (s: string) => createHash("sha256").update(s).digest("hex").slice(0, 8);

/** A site with one rendered rep page, for rep `template`, and data files for `reps`. */
function site(template: string, reps: Record<string, string>, page: (file: string, size: number) => string) {
  const dir = tempDir("relay-rep-writer-");
  const repsDir = join(dir, "marts", "reps");
  const siteDir = join(dir, "site");
  mkdirSync(repsDir, { recursive: true });
  mkdirSync(join(siteDir, "reps"), { recursive: true });
  for (const [id, data] of Object.entries(reps)) writeFileSync(join(repsDir, `${id}.json`), data);
  writeFileSync(join(siteDir, "reps", `${template}.html`), page(`${template}.${hash8(reps[template])}.json`, Buffer.byteLength(reps[template])));
  return { siteDir, repsDir };
}

describe("writing rep pages from the template", () => {
  // a rep id that also occurs in the page's text ("A1" in "A1 Corp" and in a hash-like string)
  const page = (file: string, size: number) =>
    `<title>x</title>\n<p>A1 Corp, class xA1y</p>\n` +
    `registerFile("../data/reps/A1.json", {"name":"../data/reps/A1.json","mimeType":"application/json","path":"../_file/data/reps/${file}","lastModified":1,"size":${size}});\n` +
    `const v = rep.repView(await FileAttachment("../data/reps/A1.json").json(), "A1");\n`;

  it("changes the data file's name, hash and size and the page parameter, and nothing else", () => {
    const data = { A1: '{"is_reps":[{"rep_name":"Aiko"}]}\n', B22: '{"is_reps":[{"rep_name":"Ben, who has a longer file"}]}\n' };
    const { siteDir, repsDir } = site("A1", data, page);
    expect(writeRepPages(siteDir, repsDir)).toBe(1);
    // what Framework would have written for B22, worked out by hand
    const expected =
      `<title>x</title>\n<p>A1 Corp, class xA1y</p>\n` +
      `registerFile("../data/reps/B22.json", {"name":"../data/reps/B22.json","mimeType":"application/json","path":"../_file/data/reps/B22.${hash8(data.B22)}.json","lastModified":1,"size":${Buffer.byteLength(data.B22)}});\n` +
      `const v = rep.repView(await FileAttachment("../data/reps/B22.json").json(), "B22");\n`;
    expect(readFileSync(join(siteDir, "reps", "B22.html"), "utf8")).toBe(expected);
    expect(readFileSync(join(siteDir, "_file", "data", "reps", `B22.${hash8(data.B22)}.json`), "utf8")).toBe(data.B22);
  });

  it("stops, naming the page and the way out, when the template does not register its data file as expected", () => {
    const data = { A1: "{}\n", B22: "[]\n" };
    // a Framework that would write the registration differently (here: no size)
    const { siteDir, repsDir } = site("A1", data, (file) => `registerFile("../data/reps/A1.json", {"path":"../_file/data/reps/${file}","lastModified":1});`);
    expect(() => writeRepPages(siteDir, repsDir)).toThrow(/^reps\/A1\.html does not register its data file as relay expects .*set RELAY_REP_PAGES=framework/);
  });
});
