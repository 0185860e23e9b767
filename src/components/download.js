// A button that downloads rows as CSV, built in the browser from the rows the page
// already has (Framework's .csv() would need a CDN module). The text comes from csv.js.
import {html} from "htl";
import {csvText} from "./csv.js";

/** Save `text` as a file named `filename` (a byte-order mark lets spreadsheets read Japanese as UTF-8). */
export function saveCsv(text, filename) {
  const blob = new Blob(["\ufeff" + text], {type: "text/csv;charset=utf-8"});
  const a = html`<a download=${filename} href=${URL.createObjectURL(blob)}></a>`;
  a.click();
  setTimeout(() => URL.revokeObjectURL(a.href), 1000);
}

export function downloadButton(rows, columns, filename, label) {
  const button = html`<button type="button">${label}</button>`;
  button.onclick = () => saveCsv(csvText(rows, columns), filename);
  return button;
}

/** A link that downloads a file the build wrote (FileAttachment(…).href): fetched only when clicked. */
export function downloadLink(href, filename, label) {
  return html`<a class="download" href=${href} download=${filename}>${label}</a>`;
}
