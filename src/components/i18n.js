// Every UI string and number format of the site, in one place. Pages call t("key") and
// the formatters below; nothing user-facing is spelt out inside a page's code.
// The language is chosen at build time (RELAY_LANG, default en): the build writes it
// into <html lang>, which is where pages read it; English is the fallback for any key
// a language lacks.

const STRINGS = {
  en: {
    "site.title": "Relay",
    "site.footer": "Relay — built from the CRM export with DuckDB. Every number is defined in docs/metrics.md and comes from one mart in sql/marts/.",
    "step.lead": "Leads",
    "step.mql": "MQL",
    "step.sql": "SQL (appointments)",
    "step.phase_02": "Phase 02",
    "step.phase_03": "Phase 03",
    "step.phase_04": "Phase 04",
    "step.phase_05": "Phase 05",
    "step.won": "Won",
    "period.month": "Month",
    "period.fiscal_quarter": "Fiscal quarter",
    "period.fiscal_year": "Fiscal year",
    "segment.all": "All",
    "segment.source_kind": "Source kind",
    "segment.tier": "Tier",
    "segment.lead_source": "Lead source",
    "kind.passive": "Passive (inbound)",
    "kind.active": "Active (outbound)",
    "kind.unclassified": "Unclassified",
    "label.count": "Count",
    "label.step": "Step",
    "label.period": "Period",
    "label.cohort": "Cohort (month the lead came in)",
    "label.conversion_from_previous": "From previous step",
    "label.conversion_from_first": "From first step",
    "label.split_by": "Split by",
    "label.segment": "Segment",
    "label.period_kind": "Period",
    "label.show_period": "Show",
    "label.object": "Object",
    "label.rows_read": "Rows read",
    "label.rows_used": "Rows used",
    "label.rows_quarantined": "Quarantined",
    "label.source": "Source",
    "empty.no_events": "No funnel events in this selection: nothing was created, qualified or won in it by the as-of date.",
    "source.mart": "Source: mart {mart} (sql/marts/{mart}.sql) · relay query {mart}",
    // --- navigation: nav.<key> is the page name, nav.<key>.blurb its line on the home page ---
    "nav.funnel": "Funnel",
    "nav.funnel.blurb": "MQL → SQL → phases → won, by period and by cohort, with conversion at every step.",
    "nav.data_quality": "Data quality",
    "nav.data_quality.blurb": "Rows read, used and quarantined per object, warnings, unmapped stages and sources.",
    // --- data quality ---
    "dq.title": "Data quality",
    "dq.finding": "{read} rows read, {used} used, {held} quarantined ({share}) as of {as_of}.",
    "dq.worst": "Most quarantined, in proportion: {object}, {rows} rows ({share}).",
    "dq.none": "No row was quarantined.",
    "dq.balanced": "For every object, rows read = rows used + rows quarantined.",
    "dq.unbalanced": "WARNING: for some object, rows read ≠ used + quarantined.",
    "dq.per_object": "Rows per object",
    "dq.reasons": "Quarantined by reason",
    "dq.absent": "(absent: views that need it are off)",
    "dq.no_quarantine": "No row was quarantined: every row of the export met the contract.",
    "dq.chart_title": "{n} quarantined rows by object and reason",
    "dq.rows_axis": "Rows",
    "dq.warnings": "Warnings (rows kept)",
    "dq.warnings_note": "These rows are used but deserve a look: text dates, unmapped lead sources, records dated after the as-of date, stage regressions.",
    "dq.no_warnings": "No warnings.",
    "dq.column": "Column",
    "dq.warning": "Warning",
    "dq.rows": "Rows",
    "dq.unmapped_stages": "Unmapped stage names",
    "dq.no_unmapped_stages": "Every stage name is in the stage map.",
    "dq.stage_name": "Stage name",
    "dq.map_stages": "Add these to sql/rules/stage_map.sql to use their rows.",
    "dq.unmapped_sources": "Unmapped lead sources",
    "dq.no_unmapped_sources": "Every lead source is mapped to passive or active.",
    "dq.map_sources": "Unmapped sources count as unclassified; map them in sql/rules/source_kinds.sql.",
  },
  ja: {
    "site.title": "Relay",
    "site.footer": "Relay — CRMのエクスポートからDuckDBで作成。各数値の定義は docs/metrics.md、出典は sql/marts/ の各マートです。",
    "step.lead": "リード",
    "step.mql": "MQL",
    "step.sql": "SQL（アポイント）",
    "step.phase_02": "フェーズ02",
    "step.phase_03": "フェーズ03",
    "step.phase_04": "フェーズ04",
    "step.phase_05": "フェーズ05",
    "step.won": "受注",
    "period.month": "月",
    "period.fiscal_quarter": "四半期",
    "period.fiscal_year": "年度",
    "segment.all": "全体",
    "segment.source_kind": "流入区分",
    "segment.tier": "ティア",
    "segment.lead_source": "リードソース",
    "kind.passive": "パッシブ（反響）",
    "kind.active": "アクティブ（発掘）",
    "kind.unclassified": "未分類",
    "label.count": "件数",
    "label.step": "ステップ",
    "label.period": "期間",
    "label.cohort": "コホート（リード獲得月）",
    "label.conversion_from_previous": "前ステップから",
    "label.conversion_from_first": "初回ステップから",
    "label.split_by": "切り口",
    "label.segment": "セグメント",
    "label.period_kind": "集計単位",
    "label.show_period": "表示",
    "empty.no_events": "この条件ではファネルのイベントがありません。",
    "source.mart": "出典: マート {mart}（sql/marts/{mart}.sql）· relay query {mart}",
    // --- navigation ---
    "nav.funnel": "ファネル",
    "nav.funnel.blurb": "MQL → SQL → 各フェーズ → 受注を期間別・コホート別に、各ステップの転換率とともに。",
    "nav.data_quality": "データ品質",
    "nav.data_quality.blurb": "オブジェクト別の読込・使用・隔離行数、警告、未定義のステージとソース。",
    // --- data quality ---
    "dq.title": "データ品質",
    "dq.finding": "{as_of}時点で{read}行を読み込み、{used}行を使用、{held}行を隔離（{share}）。",
    "dq.worst": "隔離の割合が最も高いのは{object}：{rows}行（{share}）。",
    "dq.none": "隔離された行はありません。",
    "dq.balanced": "すべてのオブジェクトで 読込 = 使用 + 隔離 が成り立っています。",
    "dq.unbalanced": "警告：読込 ≠ 使用 + 隔離 のオブジェクトがあります。",
    "dq.per_object": "オブジェクト別の行数",
    "dq.reasons": "隔離理由",
    "dq.absent": "（なし：必要なビューは無効）",
    "dq.no_quarantine": "隔離された行はありません。",
    "dq.chart_title": "オブジェクト・理由別の隔離行 {n}行",
    "dq.rows_axis": "行数",
    "dq.warnings": "警告（行は使用）",
    "dq.warnings_note": "使用はしているが確認が必要な行です。",
    "dq.no_warnings": "警告はありません。",
    "dq.column": "列",
    "dq.warning": "警告",
    "dq.rows": "行数",
    "dq.unmapped_stages": "未定義のステージ名",
    "dq.no_unmapped_stages": "すべてのステージ名が定義済みです。",
    "dq.stage_name": "ステージ名",
    "dq.map_stages": "sql/rules/stage_map.sql に追加すると使用されます。",
    "dq.unmapped_sources": "未分類のリードソース",
    "dq.no_unmapped_sources": "すべてのリードソースが分類済みです。",
    "dq.map_sources": "未分類のソースは sql/rules/source_kinds.sql で分類できます。",
  },
};

let lang = (typeof document !== "undefined" && STRINGS[document.documentElement.lang]) ? document.documentElement.lang : "en";

export function setLanguage(l) {
  if (STRINGS[l]) lang = l;
}

export function language() {
  return lang;
}

/** A UI string, with {name} placeholders filled from vars. */
export function t(key, vars = {}) {
  const s = STRINGS[lang][key] ?? STRINGS.en[key] ?? key;
  return s.replace(/\{(\w+)\}/g, (_, k) => (vars[k] ?? `{${k}}`));
}

const locale = () => (lang === "ja" ? "ja-JP" : "en-US");

/** Whole numbers with grouping: 12,345. */
export function int(n) {
  return n == null || Number.isNaN(n) ? "–" : new Intl.NumberFormat(locale(), {maximumFractionDigits: 0}).format(n);
}

/** A ratio as a percentage: 0.6461 -> 64.6%. Null (a zero denominator) shows as a dash. */
export function pct(r, digits = 1) {
  return r == null || Number.isNaN(r) ? "–" : new Intl.NumberFormat(locale(), {style: "percent", minimumFractionDigits: digits, maximumFractionDigits: digits}).format(r);
}

/** A plain decimal: 0.98. */
export function num(n, digits = 2) {
  return n == null || Number.isNaN(n) ? "–" : new Intl.NumberFormat(locale(), {minimumFractionDigits: digits, maximumFractionDigits: digits}).format(n);
}

/** Yen amounts: 1.2M / 350K in English, 1.2億 / 350万 in Japanese. */
export function yen(n) {
  if (n == null || Number.isNaN(n)) return "–";
  const a = Math.abs(n);
  if (lang === "ja") {
    if (a >= 1e8) return `¥${num(n / 1e8, 1)}億`;
    if (a >= 1e4) return `¥${int(n / 1e4)}万`;
    return `¥${int(n)}`;
  }
  if (a >= 1e9) return `¥${num(n / 1e9, 1)}B`;
  if (a >= 1e6) return `¥${num(n / 1e6, 1)}M`;
  if (a >= 1e3) return `¥${int(n / 1e3)}K`;
  return `¥${int(n)}`;
}

/** Label of a funnel step. */
export function stepLabel(step) {
  return t(`step.${step}`);
}

/** Label of a segment value (source kinds are translated; sources and tiers are data). */
export function segmentLabel(kind, value) {
  if (kind === "all") return t("segment.all");
  if (kind === "source_kind") return t(`kind.${value}`);
  return value;
}

/** Where a number comes from, for the note under a chart. */
export function sourceNote(mart) {
  return t("source.mart", {mart});
}
