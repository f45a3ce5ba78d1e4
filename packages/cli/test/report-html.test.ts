import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Lang } from '@triage/scales';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HOSTILE_CLASS, HOSTILE_SHEET, smallReport } from '../src/import/report/fixtures.ts';
import { reportMessages } from '../src/import/report/messages.ts';
import { REPORT_CSP, renderReport } from '../src/import/report/render-report.ts';
import { chromiumMissing, openInChromium, type PageReport } from './chromium.ts';

const missing = chromiumMissing();
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47]);

// Locally a machine without Chromium may skip these; in CI a missing browser is a failed test, never a silent pass.
it.runIf(missing !== null && Boolean(process.env.CI))('Chromium is installed (required in CI)', () => {
  throw new Error(`${missing}. CI is set, so the browser tests fail instead of skipping.`);
});

describe.skipIf(missing !== null)('report.html in headless Chromium', () => {
  let dir = '';
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'triage-report-'));
  });
  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  describe.each<Lang>(['zh', 'en'])('%s', (lang) => {
    const model = smallReport(lang, { followUpEntries: 200, followUpTotal: 250 });
    const t = reportMessages(lang);
    let page: PageReport;
    let file = '';

    beforeAll(async () => {
      file = join(dir, `report-${lang}.html`);
      writeFileSync(file, renderReport(model));
      page = await openInChromium(file, { screenshot: join(dir, `report-${lang}.png`) });
    });

    it('opens cleanly: no console errors, no page errors, no requests, no script', () => {
      expect(page.consoleMessages).toEqual([]);
      expect(page.pageErrors).toEqual([]);
      expect(page.requests).toEqual([]);
      expect(page.failedRequests).toEqual([]);
      expect(page.scripts).toBe(0);
    });

    it('carries its language, title and strict CSP', () => {
      expect(page.lang).toBe(lang === 'zh' ? 'zh-CN' : 'en');
      expect(page.title).toBe(`${t.title} — ${model.source.file}`);
      expect(page.csp).toBe(REPORT_CSP);
    });

    it('shows level names, counts, suppressed cells and names from user files as text', () => {
      for (const level of model.levels) expect(page.text).toContain(level.name);
      for (const n of [model.summary.rows, model.summary.scored, model.followUpTotal]) {
        expect(page.text).toContain(String(n));
      }
      expect(page.text).toContain('<5');
      expect(page.text).toContain(HOSTILE_CLASS);
      expect(page.text).toContain(HOSTILE_SHEET);
    });

    it('shows a follow-up id and its explanation with line breaks kept, and the cut-off note', () => {
      const entry = model.followUp[150];
      const explanation = model.explanations[entry?.explanation ?? -1];
      expect(page.text).toContain(entry?.id);
      expect(explanation).toContain('\n');
      expect(page.text).toContain(explanation);
      expect(page.text).toContain(t.followUp.showing('200', '250'));
    });

    it('wrote a screenshot when asked', () => {
      expect(page.screenshot).toBe(join(dir, `report-${lang}.png`));
      expect(readFileSync(page.screenshot ?? '').subarray(0, 4)).toEqual(PNG);
    });

    it('fits a phone screen: only tables and charts scroll sideways, not the page', async () => {
      const phone = await openInChromium(file, { viewport: { width: 390, height: 844 } });
      expect(phone.overflowsX).toBe(false);
      expect(phone.consoleMessages).toEqual([]);
    });
  });
});
