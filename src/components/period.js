// Pickers for the period a page shows. The kinds and the periods come from the marts
// (each row carries period_kind and period); these only present them.
import * as Inputs from "@observablehq/inputs";
import {t, period} from "./i18n.js";

/** Radio of period kinds (month, fiscal quarter, fiscal year). */
export function periodKindPicker(kinds = ["month", "fiscal_quarter", "fiscal_year"], value = "fiscal_year") {
  return Inputs.radio(kinds, {label: t("label.period_kind"), value, format: (k) => t(`period.${k}`)});
}

/** The periods of one kind found in `rows` (field `key`, default `period`), latest first. */
export function periodsOf(rows, kind, key = "period", kindKey = "period_kind") {
  return [...new Set(rows.filter((r) => r[kindKey] === kind).map((r) => r[key]))].sort().reverse();
}

/** Select of periods, latest first, labelled as people say them. */
export function periodPicker(periods, label = t("label.show_period")) {
  return Inputs.select(periods, {label, format: period});
}
