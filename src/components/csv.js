// CSV text for downloads, shared by the pages (download.js) and `relay build`'s full-list
// files (lib/export.ts). Quoting is d3's; what is added is the guard against formula
// injection (OWASP "CSV Injection"): a text cell that a spreadsheet would run as a
// formula — starting with =, +, -, @, a tab or a carriage return — is prefixed with a
// single quote. An account named =HYPERLINK(…) typed into a web form reaches the CRM,
// then a leader's spreadsheet; numbers stay numbers.
import {csvFormat} from "d3";

const FORMULA = /^[=+\-@\t\r]/;

/** A cell as it is safe to write: text that looks like a formula gets a leading '. */
export function guardCell(value) {
  if (value == null) return "";
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  const s = Array.isArray(value) ? value.join(";") : String(value);
  return FORMULA.test(s) ? `'${s}` : s;
}

/** CSV text (header row, then one line per row) of `columns` of `rows`. */
export function csvText(rows, columns) {
  return csvFormat(rows.map((r) => Object.fromEntries(columns.map((c) => [c, guardCell(r[c])]))), columns) + "\n";
}
