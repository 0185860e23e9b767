// The site's pages, in menu order. observablehq.config.ts (the sidebar) and the home
// page both read this list, so a new view is added here once. Names and blurbs are UI
// strings: they live in i18n.js under nav.<key> and nav.<key>.blurb.
export const NAV = [
  {key: "funnel", path: "/funnel", marts: ["funnel_period", "funnel_cohort"]},
  {key: "stagnation", path: "/stagnation", marts: ["stagnation_by_cohort", "stage_durations", "stalled_deals", "reignition"]},
  {key: "productivity", path: "/productivity", marts: ["rep_productivity", "productivity_correlation", "target_pace"]},
  {key: "source_mix", path: "/source-mix", marts: ["source_mix", "passive_distribution", "speed_to_lead", "unclassified_sources"]},
  {key: "segments", path: "/segments", marts: ["segment_revenue", "tier_share"]},
  {key: "win_loss", path: "/win-loss", marts: ["win_loss_by_rep", "origin_win_rate", "temperature_win_rate"]},
  {key: "campaigns", path: "/campaigns", marts: ["campaign_results"]},
  {key: "data_quality", path: "/data-quality", marts: ["data_reconciliation", "data_quarantine", "data_warnings", "unmapped_stages"]}
];
