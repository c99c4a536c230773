// Renders the HTML report of the demo export in headless Chromium (Debian's chromium), checks what a
// reader sees, proves that the page makes no request, and saves a screenshot to test/.output/.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES, runCli, tempDir } from '../helpers.js';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const available = existsSync(CHROMIUM);
if (!available) console.warn(`Skipping the browser test of the HTML report: no Chromium at ${CHROMIUM} (apt-get install chromium, or set CHROMIUM_PATH).`);

const { dir, cleanup } = tempDir();
const OUTPUT = path.resolve(import.meta.dirname, '../.output');
let html = '';

beforeAll(async () => {
  const r = await runCli(['audit', path.join(FIXTURES, 'demo'), '--format', 'html', '--out', path.join(dir, 'report.html')]);
  expect(r.code).toBe(0);
  html = (await import('node:fs')).readFileSync(path.join(dir, 'report.html'), 'utf8');
});
afterAll(cleanup);

describe('Markdown and HTML reports say what reading left out, as the table does', () => {
  it('lists each skip reason and note with its count', async () => {
    const input = path.join(FIXTURES, 'cases', 'unknown-roles', 'export.csv');
    for (const format of ['md', 'html']) {
      const { stdout } = await runCli(['audit', input, '--format', format]);
      expect(stdout, format).toContain('skipped 1: empty text');
      expect(stdout, format).toMatch(/note 1: unknown role (&quot;|")wizard(&quot;|"): counted as other, not scored/);
    }
  });
});

describe('HTML report (static checks)', () => {
  it('is self-contained under a strict Content-Security-Policy', () => {
    expect(html).toMatch(/<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'sha256-[^']+'; script-src 'sha256-[^']+';/);
    expect(html).not.toMatch(/(?:src|href)="(?:https?:)?\/\//);
    expect(html).not.toMatch(/<link\b/);
  });

  it('escapes ticket-derived text', async () => {
    const hostile = path.join(dir, 'hostile.csv');
    writeFileSync(hostile, 'conversation_id,role,agent,text\n1,customer,,"<script>alert(1)</script> this is terrible"\n1,agent,"<img src=x onerror=alert(2)>","Calm down."\n');
    const r = await runCli(['audit', hostile, '--format', 'html']);
    expect(r.stdout).not.toContain('<script>alert(1)');
    expect(r.stdout).not.toContain('<img src=x');
    expect(r.stdout).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });
});

describe.skipIf(!available)('HTML report in headless Chromium', () => {
  it('shows the agents, charts and coaching items, sorts the table, and sends no request', async () => {
    const { chromium } = await import('playwright-core');
    const browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    try {
      const page = await browser.newPage({ viewport: { width: 1200, height: 1600 } });
      const file = path.join(dir, 'report.html');
      const requests: string[] = [];
      const violations: string[] = [];
      page.on('request', (request) => requests.push(request.url()));
      page.on('console', (message) => {
        if (/Content Security Policy|Refused/.test(message.text())) violations.push(message.text());
      });
      await page.goto(`file://${file}`);
      for (const agent of ['Dana Whitfield', 'Lena Fischer', 'Marco Bell', 'Priya Nair', 'Sam Okafor']) {
        expect(await page.locator('table.sortable tbody a', { hasText: agent }).count()).toBe(1);
      }
      expect(await page.locator('figure.chart svg').count()).toBeGreaterThanOrEqual(3);
      expect(await page.locator('figure.chart svg rect').count()).toBeGreaterThan(5);
      expect(await page.locator('.item:not(.best)').count()).toBeGreaterThan(5);
      expect(await page.locator('.try').count()).toBeGreaterThan(0);
      await page.locator('table.sortable th', { hasText: 'Temper' }).click();
      await page.locator('table.sortable th', { hasText: 'Temper' }).click();
      expect(await page.locator('table.sortable tbody tr').first().locator('td').first().innerText()).toBe('Marco Bell');
      expect(requests).toEqual([`file://${file}`]);
      expect(violations).toEqual([]);
      mkdirSync(OUTPUT, { recursive: true });
      await page.screenshot({ path: path.join(OUTPUT, 'report.png'), fullPage: false });
    } finally {
      await browser.close();
    }
  });
});
