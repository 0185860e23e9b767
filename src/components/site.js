// What every page carries besides its content, shared by observablehq.config.ts (the
// preview) and lib/build.ts (which writes it into the built HTML itself).
import {t} from "./i18n.js";

/** No favicon to fetch: a static host would answer /favicon.ico with a 404. */
export const ICON_LINK = '<link rel="icon" href="data:,">';

/** The footer line, in the build's language. */
export function footerText() {
  return t("site.footer");
}
