// Tables: Inputs.table with this site's defaults. Inputs puts each column's key
// (account_name) in its header's tooltip; the header's own text (in the page's language)
// is what a reader should see there.
import * as Inputs from "@observablehq/inputs";
import {html} from "htl";

/** Inputs.table(rows, options), in a box that scrolls sideways on a phone. */
export function table(rows, options = {}) {
  const element = Inputs.table(rows, {select: false, layout: "auto", ...options});
  for (const th of element.querySelectorAll("thead th[title]")) th.title = th.textContent.trim();
  return html`<div class="table-scroll">${element}</div>`;
}
