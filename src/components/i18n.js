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
    // --- stagnation ---
    "nav.stagnation": "Phase stagnation",
    "nav.stagnation.blurb": "How far each fiscal year's SQLs got, days in each phase, the stalled deals to chase today, hand-backs that re-ignite.",
    "label.fiscal_year": "Fiscal year",
    "stag.title": "Phase stagnation",
    "stag.headline": "FY{fy}: {share} of SQLs stalled at phase ≤ 02; {ge03} reached phase 03 or beyond.",
    "stag.headline_vs": "FY{fy}: {share} of SQLs stalled at phase ≤ 02, {dir} from {prev} in FY{prevFy}; {ge03} reached phase 03 or beyond.",
    "stag.down": "down",
    "stag.up": "up",
    "stag.empty": "No SQLs yet: nothing to measure.",
    "stag.reached_title": "How far each fiscal year's SQLs got",
    "stag.reached_note": "Highest phase each SQL reached by {as_of}, by fiscal year it was created. Won deals passed every phase; a skipped phase counts as passed; a lost deal keeps the highest phase it reached.",
    "stag.share_of_sqls": "Share of the year's SQLs",
    "stag.phase": "Phase {p}",
    "stag.durations_title": "Days in each phase",
    "stag.durations_finding": "FY{fy}: deals wait longest in phase {phase}: median {median} days, 1 in 10 over {p90} days",
    "stag.durations_note": "Big dot: median; small dot: 75th percentile; ring: 90th percentile. Days from entering the phase to the next stage change, or to the as-of date for deals still there. All deals, SQL and sales-generated, by fiscal year of entering the phase.",
    "stag.no_durations": "No deal entered a phase in this fiscal year.",
    "stag.days": "days",
    "stag.deals": "deals",
    "stag.median": "median",
    "stag.stalled_title": "Stalled deals to chase on {as_of}",
    "stag.stalled_finding": "{n} open deals are stalled: {silent} with no activity for 14+ days, {stuck} stuck at phase ≤ 02 for 30+ days, {overdue} past their next action date, {none} with no next action at all.",
    "stag.no_stalled": "No open deal is stalled: every one moved, was touched and has a next action in the future.",
    "stag.no_match": "No stalled deal matches these filters.",
    "stag.reasons": "Reasons",
    "stag.owner": "Owner",
    "stag.search": "Search account, owner…",
    "stag.download": "Download these {n} deals as CSV",
    "stag.account": "Account",
    "stag.phase_col": "Phase",
    "stag.days_in_stage": "Days in stage",
    "stag.days_since_activity": "Days since activity",
    "stag.next_action": "Next action",
    "stag.amount": "Amount",
    "stag.origin": "Origin",
    "stag.stalled_note": "Any one reason qualifies. Activity is the latest task on the deal or its account. Thresholds: sql/rules/settings.sql.",
    "reason.phase_le_02_30d": "Phase ≤ 02 for 30+ days",
    "reason.no_activity_14d": "No activity for 14+ days",
    "reason.next_action_overdue": "Next action overdue",
    "reason.no_next_action": "No next action",
    "stag.reignition_title": "Deals handed back to IS: how many re-ignite",
    "stag.reignition_finding": "{rate} of matured hand-backs re-ignited within 183 days ({n} of {m})",
    "stag.none_matured": "No hand-back has matured yet: their 183 days have not passed.",
    "stag.no_returned": "No deal was lost as \"Returned to IS\".",
    "stag.reignition_rate": "Re-ignited within 183 days",
    "stag.returned": "returned",
    "stag.matured": "matured",
    "stag.reignited": "re-ignited",
    "stag.immature": "not matured yet",
    "stag.reignition_note": "By fiscal half of the close date. A hand-back re-ignites when another deal on the same account is created 0 to 183 days after it closed; only hand-backs whose 183 days have passed count (grey: none matured yet).",
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
    // --- stagnation ---
    "nav.stagnation": "フェーズ停滞",
    "nav.stagnation.blurb": "年度別SQLの到達フェーズ、フェーズ滞留日数、今日追うべき停滞案件、ISへの差し戻しと再燃。",
    "label.fiscal_year": "年度",
    "stag.title": "フェーズ停滞",
    "stag.headline": "FY{fy}：SQLの{share}がフェーズ02以下で停滞、{ge03}がフェーズ03以上に到達。",
    "stag.headline_vs": "FY{fy}：SQLの{share}がフェーズ02以下で停滞（FY{prevFy}の{prev}から{dir}）、{ge03}がフェーズ03以上に到達。",
    "stag.down": "減少",
    "stag.up": "増加",
    "stag.empty": "SQLがまだありません。",
    "stag.reached_title": "年度別SQLの到達フェーズ",
    "stag.reached_note": "{as_of}時点で各SQLが到達した最高フェーズ（作成年度別）。受注は全フェーズ通過、飛ばしたフェーズは通過扱い、失注は到達した最高フェーズ。",
    "stag.share_of_sqls": "年度SQLに占める割合",
    "stag.phase": "フェーズ{p}",
    "stag.durations_title": "フェーズ別の滞留日数",
    "stag.durations_finding": "FY{fy}：最も滞留が長いのはフェーズ{phase}（中央値{median}日、10件に1件は{p90}日超）",
    "stag.durations_note": "大きい点：中央値、小さい点：75パーセンタイル、輪：90パーセンタイル。",
    "stag.no_durations": "この年度にフェーズに入った案件はありません。",
    "stag.days": "日",
    "stag.deals": "件",
    "stag.median": "中央値",
    "stag.stalled_title": "{as_of}に追うべき停滞案件",
    "stag.stalled_finding": "停滞中のオープン案件は{n}件：14日以上活動なし{silent}件、フェーズ02以下で30日以上{stuck}件、次回アクション期限切れ{overdue}件、次回アクション未設定{none}件。",
    "stag.no_stalled": "停滞している案件はありません。",
    "stag.no_match": "条件に合う停滞案件はありません。",
    "stag.reasons": "理由",
    "stag.owner": "担当",
    "stag.search": "取引先・担当で検索…",
    "stag.download": "この{n}件をCSVでダウンロード",
    "stag.account": "取引先",
    "stag.phase_col": "フェーズ",
    "stag.days_in_stage": "滞留日数",
    "stag.days_since_activity": "最終活動からの日数",
    "stag.next_action": "次回アクション",
    "stag.amount": "金額",
    "stag.origin": "起点",
    "stag.stalled_note": "いずれか一つの理由で該当。閾値は sql/rules/settings.sql。",
    "reason.phase_le_02_30d": "フェーズ02以下で30日以上",
    "reason.no_activity_14d": "14日以上活動なし",
    "reason.next_action_overdue": "次回アクション期限切れ",
    "reason.no_next_action": "次回アクション未設定",
    "stag.reignition_title": "ISへの差し戻し案件の再燃",
    "stag.reignition_finding": "成熟した差し戻しの{rate}が183日以内に再燃（{m}件中{n}件）",
    "stag.none_matured": "まだ183日が経過した差し戻しはありません。",
    "stag.no_returned": "「Returned to IS」で失注した案件はありません。",
    "stag.reignition_rate": "183日以内の再燃率",
    "stag.returned": "差し戻し",
    "stag.matured": "成熟",
    "stag.reignited": "再燃",
    "stag.immature": "未成熟",
    "stag.reignition_note": "クローズ日の半期別。同じ取引先で0〜183日後に別の案件が作成されたら再燃。",
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
