// The line every page opens with: how fresh its data is. The reader's today (in the
// business time zone) is taken in the browser, so a rebuild of the same data stays
// byte-identical, and a nightly that silently stopped shows on every page the next day.
import {html} from "htl";
import {t, date} from "./i18n.js";
import {businessToday, daysBetween} from "./today.js";

/** build_info's one row -> the freshness line: a sample, stale data, or the as-of date. */
export function freshness(info, now = new Date()) {
  if (info.is_sample) return html`<p class="freshness sample">${t("fresh.sample", {as_of: date(info.as_of)})}</p>`;
  const age = daysBetween(info.as_of, businessToday(info.timezone, now));
  if (age > info.stale_after_days) {
    return html`<p class="freshness stale" role="alert">${t("fresh.stale", {n: age, as_of: date(info.as_of)})}</p>`;
  }
  return html`<p class="freshness">${t("fresh.as_of", {as_of: date(info.as_of)})}</p>`;
}
