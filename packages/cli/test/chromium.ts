import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';

/** The Chromium the browser tests drive: `CHROMIUM_PATH`, else Debian's package. */
const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Why the browser tests cannot run here, with the fix; null when Chromium is installed. */
export function chromiumMissing(): string | null {
  if (existsSync(chromiumPath)) return null;
  return `Chromium not found at ${chromiumPath}: install it with \`apt-get install -y chromium\` (Debian/Ubuntu, as root), or set CHROMIUM_PATH to a Chromium or Chrome binary`;
}

// Headless, and quiet on the network: no sync, no component or safe-browsing updates, no QUIC probing.
const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** What a page did when opened: its visible text and everything that went wrong or left the file. */
export interface PageReport {
  readonly title: string;
  /** `document.body.innerText`: what a reader sees, with CSS applied. */
  readonly text: string;
  /** `<html lang>`. */
  readonly lang: string;
  /** The `content` of `<meta http-equiv="Content-Security-Policy">`, or null. */
  readonly csp: string | null;
  /** Console messages of type error or warning (CSP violations land here). */
  readonly consoleMessages: readonly { readonly type: string; readonly text: string }[];
  /** Uncaught exceptions in the page. */
  readonly pageErrors: readonly string[];
  /** Every request other than the file itself (all of them were blocked). */
  readonly requests: readonly string[];
  /** Requests that failed, the file's own included, with the reason. */
  readonly failedRequests: readonly { readonly url: string; readonly error: string }[];
  /** How many `<script>` elements the DOM holds (a report has none: an escaped name must not become one). */
  readonly scripts: number;
  /** True when the page is wider than the viewport: content a reader would have to scroll the whole page for. */
  readonly overflowsX: boolean;
  /** Path of the PNG written, when asked for. */
  readonly screenshot: string | null;
}

type Facts = Pick<PageReport, 'title' | 'text' | 'lang' | 'csp' | 'scripts' | 'overflowsX'>;

// Evaluated in the page; a string because the DOM types are not part of this Node project.
const FACTS = `({
  title: document.title,
  text: document.body.innerText,
  lang: document.documentElement.lang,
  csp: document.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content') ?? null,
  scripts: document.getElementsByTagName('script').length,
  overflowsX: document.documentElement.scrollWidth > document.documentElement.clientWidth,
})`;

export interface OpenOptions {
  /** Write a full-page PNG here. */
  readonly screenshot?: string;
  /** CSS pixels; default 1024 × 768. A phone is 390 × 844. */
  readonly viewport?: { readonly width: number; readonly height: number };
  /** Emulate `@media print` instead of screen. */
  readonly media?: 'screen' | 'print';
}

/**
 * Opens a local HTML file in real headless Chromium (via playwright-core), waits for it to load and reports what a
 * reader would see and everything the page tried to do. Any request other than the file is blocked and recorded.
 */
export async function openInChromium(file: string, options: OpenOptions = {}): Promise<PageReport> {
  const missing = chromiumMissing();
  if (missing) throw new Error(missing);
  const url = pathToFileURL(resolve(file)).href;
  const browser = await chromium.launch({ executablePath: chromiumPath, args: ARGS, timeout: 20_000 });
  try {
    const page = await browser.newPage({ viewport: options.viewport ?? { width: 1024, height: 768 } });
    const consoleMessages: { type: string; text: string }[] = [];
    const pageErrors: string[] = [];
    const requests: string[] = [];
    const failedRequests: { url: string; error: string }[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'warning') consoleMessages.push({ type: m.type(), text: m.text() });
    });
    page.on('pageerror', (e) => pageErrors.push(String(e)));
    page.on('request', (r) => {
      if (r.url() !== url) requests.push(r.url());
    });
    page.on('requestfailed', (r) => failedRequests.push({ url: r.url(), error: r.failure()?.errorText ?? '' }));
    // Block rather than merely watch: a test must never reach the network, even where there is one.
    await page.route('**/*', (route) =>
      route.request().url() === url ? route.continue() : route.abort('blockedbyclient'),
    );
    if (options.media) await page.emulateMedia({ media: options.media });
    await page.goto(url, { waitUntil: 'load', timeout: 20_000 });
    const facts = await page.evaluate<Facts>(FACTS);
    if (options.screenshot) await page.screenshot({ path: options.screenshot, fullPage: true });
    return {
      ...facts,
      consoleMessages,
      pageErrors,
      requests,
      failedRequests,
      screenshot: options.screenshot ?? null,
    };
  } finally {
    await browser.close();
  }
}
