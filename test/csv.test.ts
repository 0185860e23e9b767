// CSV downloads: d3's quoting, and cells that a spreadsheet would run as a formula are
// prefixed with ' (OWASP, CSV injection), in the page downloads and the build's CSV files.
import { describe, expect, it } from "vitest";
import { toCsv } from "../lib/export.ts";
import { csvText, guardCell } from "../src/components/csv.js";

describe("csvText (page downloads)", () => {
  it("prefixes text that starts like a formula, keeps numbers as numbers, quotes like RFC 4180", () => {
    const rows = [
      { account: '=HYPERLINK("http://x.example","click")', amount: -5, note: "-5", who: "@admin", reasons: ["a", "b"] },
      { account: "+81 3 5555", amount: 1200.5, note: "\tTabbed", who: "\rcarriage", reasons: [] },
      { account: "株式会社テスト, \"本社\"", amount: null, note: "plain", who: "a=b", reasons: ["x"] },
    ];
    expect(csvText(rows, ["account", "amount", "note", "who", "reasons"])).toBe(
      "account,amount,note,who,reasons\n" +
        `"'=HYPERLINK(""http://x.example"",""click"")",-5,'-5,'@admin,a;b\n` +
        `'+81 3 5555,1200.5,'\tTabbed,"'\rcarriage",\n` +
        `"株式会社テスト, ""本社""",,plain,a=b,x\n`,
    );
  });

  it("leaves safe text alone", () => {
    expect(guardCell("Acme = best")).toBe("Acme = best");
    expect(guardCell(0)).toBe("0");
    expect(guardCell(null)).toBe("");
  });
});

describe("toCsv (relay query and the build's CSV files)", () => {
  it("guards text columns but writes numeric columns digit for digit", () => {
    const csv = toCsv({
      columns: ["account_name", "amount", "share"],
      types: ["VARCHAR", "DECIMAL(38,4)", "DOUBLE"],
      rows: [["=cmd|' /C calc'!A0", "-1200.0000", -0.25], ["-Minus Corp", "0.0000", 0.1 + 0.2]],
    });
    expect(csv).toBe("account_name,amount,share\n'=cmd|' /C calc'!A0,-1200.0000,-0.25\n'-Minus Corp,0.0000,0.3\n");
  });
});
