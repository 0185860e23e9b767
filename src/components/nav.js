// The site's pages, in menu order. observablehq.config.ts (the sidebar) and the home
// page both read this list, so a new view is added here once. Names and blurbs are UI
// strings: they live in i18n.js under nav.<key> and nav.<key>.blurb.
export const NAV = [
  {key: "funnel", path: "/funnel"},
  {key: "stagnation", path: "/stagnation"},
  {key: "pipeline", path: "/pipeline"},
  {key: "productivity", path: "/productivity"},
  {key: "source_mix", path: "/source-mix"},
  {key: "segments", path: "/segments"},
  {key: "win_loss", path: "/win-loss"},
  {key: "campaigns", path: "/campaigns"},
  {key: "data_quality", path: "/data-quality"}
];
