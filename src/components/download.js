// A button that downloads rows as CSV, built in the browser from the JSON the page
// already has (Framework's .csv() would need a CDN module).
import {html} from "htl";

function field(v) {
  const s = v == null ? "" : Array.isArray(v) ? v.join(";") : String(v);
  return /[",\n\r]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

export function toCsv(rows, columns) {
  return [columns.join(","), ...rows.map((r) => columns.map((c) => field(r[c])).join(","))].join("\n") + "\n";
}

export function downloadButton(rows, columns, filename, label) {
  const button = html`<button type="button">${label}</button>`;
  button.onclick = () => {
    // a byte-order mark so that spreadsheet apps read Japanese text as UTF-8
    const blob = new Blob(["\ufeff" + toCsv(rows, columns)], {type: "text/csv;charset=utf-8"});
    const a = html`<a download=${filename} href=${URL.createObjectURL(blob)}></a>`;
    a.click();
    setTimeout(() => URL.revokeObjectURL(a.href), 1000);
  };
  return button;
}
