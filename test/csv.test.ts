// CSV downloads: d3's quoting, and cells that a spreadsheet would run as a formula are
// prefixed with ' (OWASP, CSV injection), in the page downloads and the build's CSV files.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { csvParse } from "d3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Db, openDb } from "../lib/db.ts";
import { writeCsv } from "../lib/export.ts";
import { tempDir } from "./helpers/fixture.ts";
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

describe("writeCsv (relay query and the build's CSV files)", () => {
  let db: Db;
  const dir = tempDir("relay-csv-");
  beforeAll(async () => {
    db = await openDb();
  });
  afterAll(() => db.closeSync());

  const written = async (sql: string) => {
    await db.run(`CREATE OR REPLACE TABLE t AS ${sql}`);
    await writeCsv(db, "t", join(dir, "t.csv"));
    return readFileSync(join(dir, "t.csv"), "utf8");
  };

  it("guards text and lists, writes decimals digit for digit and floats to 12 digits, quotes like RFC 4180", async () => {
    const csv = await written(`
      SELECT * FROM (VALUES
        ('=cmd|'' /C calc''!A0', -1200.0000::DECIMAL(38, 4), -0.25::DOUBLE, ['a', 'b'], DATE '2025-09-30'),
        ('-Minus, "Corp"', 0::DECIMAL(38, 4), 0.1::DOUBLE + 0.2::DOUBLE, ['=x'], NULL),
        (NULL, NULL, NULL, NULL, NULL)
      ) v(account_name, amount, share, reasons, close_date)`);
    expect(csv).toBe(
      "account_name,amount,share,reasons,close_date\n" +
        "'=cmd|' /C calc'!A0,-1200.0000,-0.25,a;b,2025-09-30\n" +
        `"'-Minus, ""Corp""",0.0000,0.3,'=x,\n` +
        ",,,,\n",
    );
  });

  it("guards exactly the text the pages' downloads guard", async () => {
    // every character a cell can start with that matters, and some that do not
    const texts = ["=1", "+1", "-1", "@a", "\tx", "\rx", "\nx", " =1", "a=1", "'=1", "１", "＝1", "", "-", "--", "株式会社", "Acme = best"];
    const csv = await written(`SELECT unnest([${texts.map((x) => `'${x.replaceAll("'", "''")}'`).join(", ")}]) AS text, generate_subscripts([${texts.map(() => "0").join(", ")}], 1) AS n`);
    // parsed back with d3 (the pages' CSV library): each cell is guardCell of its text
    const cells = csvParse(csv).map((r) => r.text);
    expect(cells).toEqual(texts.map((x) => guardCell(x)));
  });

  it("writes a big mart's rows in the mart's order, the same bytes every time", async () => {
    // a million rows, past one row group per thread: DuckDB writes a computed SELECT in
    // parallel and out of order unless told to keep it (which made rebuilds at ten
    // million tasks differ in the moved-deals download)
    await db.run(`CREATE OR REPLACE TABLE big AS SELECT i, '=' || i AS formula, 'name ' || i AS name FROM range(1000000) r(i) ORDER BY i DESC`);
    const texts: string[] = [];
    for (const n of [1, 2]) {
      await writeCsv(db, "big", join(dir, `big-${n}.csv`));
      texts.push(readFileSync(join(dir, `big-${n}.csv`), "utf8"));
    }
    expect(texts[1] === texts[0]).toBe(true);
    const lines = texts[0].trimEnd().split("\n");
    expect(lines.length).toBe(1000001);
    // descending, as the table was made, and guarded
    expect(lines[1]).toBe("999999,'=999999,name 999999");
    expect(lines.slice(1).every((l, k) => l.startsWith(`${999999 - k},`))).toBe(true);
  }, 60_000);
});

