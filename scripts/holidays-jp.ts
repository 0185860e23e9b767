// Regenerates sql/rules/holidays_jp.csv (Japanese national holidays, including
// substitute holidays) from the @holiday-jp/holiday_jp package. Run when the list
// needs more years:  npx tsx scripts/holidays-jp.ts
import holidayJp from "@holiday-jp/holiday_jp";
import { writeFileSync } from "node:fs";

const pad = (n: number) => String(n).padStart(2, "0");
const rows = holidayJp
  .between(new Date(2015, 0, 1), new Date(2035, 11, 31))
  .map((h) => `${h.date.getFullYear()}-${pad(h.date.getMonth() + 1)}-${pad(h.date.getDate())},${h.name_en.replaceAll(",", " ")}`);
writeFileSync(new URL("../sql/rules/holidays_jp.csv", import.meta.url), ["holiday,name", ...rows].join("\n") + "\n");
console.log(`wrote ${rows.length} holidays`);
