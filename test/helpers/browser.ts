// Serves a built site on 127.0.0.1 and opens pages in Debian's headless Chromium
// through playwright-core, recording console errors and every request that leaves the
// site. Used by the browser tests and by scripts/screenshot.ts.

import { createServer, type Server } from "node:http";
import { existsSync, readFileSync, statSync } from "node:fs";
import { extname, join, normalize } from "node:path";
import type { AddressInfo } from "node:net";
import { chromium, type Browser, type Page } from "playwright-core";

export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

/** Browser tests run where Chromium is installed; elsewhere they are skipped (test/helpers/global-setup.ts says so once). */
export const hasChromium = existsSync(CHROMIUM);

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript",
  ".css": "text/css",
  ".json": "application/json",
  ".csv": "text/csv",
  ".png": "image/png",
  ".svg": "image/svg+xml",
};

export interface Site {
  url: string;
  close(): Promise<void>;
}

/** A static server for `dir`, resolving `/x` to `x.html` as a static host does for Framework sites. */
export async function serve(dir: string): Promise<Site> {
  const server: Server = createServer((req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url ?? "/", "http://x").pathname)).replace(/^(\.\.[/\\])+/, "");
    const candidates = [join(dir, path), join(dir, `${path}.html`), join(dir, path, "index.html")];
    const file = candidates.find((f) => existsSync(f) && statSync(f).isFile());
    if (!file) {
      res.writeHead(404).end("not found");
      return;
    }
    res.writeHead(200, { "content-type": TYPES[extname(file)] ?? "application/octet-stream" }).end(readFileSync(file));
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, close: () => new Promise((r) => server.close(() => r())) };
}

export async function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
  });
}

export interface Visit {
  page: Page;
  consoleErrors: string[];
  /** Requests to anything but the local site. */
  externalRequests: string[];
}

export async function visit(browser: Browser, site: Site, path: string, opts: { colorScheme?: "light" | "dark"; width?: number; now?: Date } = {}): Promise<Visit> {
  const context = await browser.newContext({ colorScheme: opts.colorScheme ?? "light", viewport: { width: opts.width ?? 1400, height: 1000 } });
  const page = await context.newPage();
  // the reader's clock, for pages that compare the data's date with today
  if (opts.now) await page.clock.setFixedTime(opts.now);
  const consoleErrors: string[] = [];
  const externalRequests: string[] = [];
  page.on("console", (m) => {
    if (m.type() === "error") consoleErrors.push(m.text());
  });
  page.on("pageerror", (e) => consoleErrors.push(String(e)));
  await page.route("**/*", (route) => {
    const u = route.request().url();
    if (u.startsWith(site.url) || u.startsWith("data:")) return route.continue();
    externalRequests.push(u);
    return route.abort();
  });
  await page.goto(site.url + path, { waitUntil: "networkidle" });
  // Framework renders cells asynchronously; wait until no cell is still pending.
  await page.waitForFunction(() => !document.querySelector(".observablehq--loading"), null, { timeout: 15000 }).catch(() => {});
  await page.waitForTimeout(300);
  return { page, consoleErrors, externalRequests };
}
