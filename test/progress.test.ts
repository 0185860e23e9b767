// The progress view of `relay build`: a bar drawn in place on a terminal, plain finished
// lines anywhere else (CI logs must carry no control characters).
import { describe, expect, it } from "vitest";
import { bar, progressView } from "../lib/progress.ts";

function stream(isTTY: boolean) {
  const written: string[] = [];
  return { written, s: { isTTY, write: (t: string) => written.push(t) } as unknown as NodeJS.WriteStream };
}

describe("progress view", () => {
  it("draws the bar in place on a terminal and replaces it with the finished line", () => {
    const { written, s } = stream(true);
    const stage = progressView(s).start("render the pages");
    stage.step(1, 4);
    stage.step(4, 4);
    stage.done("12 pages");
    const out = written.join("");
    // a quarter of twenty cells, then all of them, each redrawn from the line's start
    expect(out).toContain(`\r  render the pages${" ".repeat(16)}${"█".repeat(5)}${"░".repeat(15)} 1/4`);
    expect(out).toContain(`${"█".repeat(20)} 4/4`);
    expect(out).toMatch(/\r\x1b\[2K {2}✓ render the pages · 12 pages +\d+\.\d s\n$/);
  });

  it("prints only finished stages elsewhere", () => {
    const { written, s } = stream(false);
    const stage = progressView(s).start("compute the marts");
    stage.step(1, 2);
    stage.done();
    expect(written).toHaveLength(1);
    expect(written[0]).toMatch(/^ {2}✓ compute the marts +\d+\.\d s\n$/);
  });

  it("fills the bar in proportion and never past its width", () => {
    expect(bar(0, 8, 4)).toBe("░░░░");
    expect(bar(3, 8, 4)).toBe("██░░"); // 1.5 cells rounds to 2
    expect(bar(9, 8, 4)).toBe("████");
  });
});
