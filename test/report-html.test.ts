/**
 * `classified report --format html` rendered in headless Chromium (playwright-core with the
 * Debian `chromium` package): the page loads offline with no scripts and no requests besides
 * itself, has the class tables, the Customer fields and a flow diagram per sink kind, and does
 * not overflow horizontally. A screenshot is kept at .tmp/report.png for a look.
 *
 * Skipped, with a message, when no Chromium is installed (install: apt-get install -y chromium);
 * CI (`.ci/run`) installs it and sets CLASSIFIED_REQUIRE_CHROMIUM, which turns the skip into a
 * failure.
 */
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runCli } from './helpers/run-cli.js';

const ROOT = path.resolve(__dirname, '..');
/** Where Debian (`chromium`) and Ubuntu (`chromium-browser`) packages put the browser. */
const CHROMIUM_PATHS = ['/usr/bin/chromium', '/usr/bin/chromium-browser'];
const CHROMIUM = CHROMIUM_PATHS.find((file) => fs.existsSync(file));
const MISSING = `no Chromium at ${CHROMIUM_PATHS.join(' or ')}; install it with \`apt-get install -y chromium\``;
const SKIP = CHROMIUM === undefined && process.env.CLASSIFIED_REQUIRE_CHROMIUM === undefined;
const SKIP_NOTE = SKIP ? ` [SKIPPED: ${MISSING}]` : '';

/** The little of the DOM the page checks use (the test project compiles without lib.dom). */
interface DomElement {
  readonly textContent: string | null;
  getAttribute(name: string): string | null;
  querySelectorAll(selector: string): Iterable<DomElement> & ArrayLike<DomElement>;
  getBoundingClientRect(): { readonly width: number };
}
declare const document: {
  readonly title: string;
  readonly scripts: ArrayLike<unknown>;
  readonly documentElement: { readonly scrollWidth: number; readonly clientWidth: number };
  querySelectorAll(selector: string): Iterable<DomElement> & ArrayLike<DomElement>;
};

if (SKIP) process.stderr.write(`report-html.test.ts: skipping the Chromium rendering test: ${MISSING}\n`);

describe('classified report --format html', () => {
  it.skipIf(SKIP)(`renders in headless Chromium with the class tables, the Customer fields and the flow diagrams${SKIP_NOTE}`, async () => {
    if (CHROMIUM === undefined) throw new Error(`CLASSIFIED_REQUIRE_CHROMIUM is set, but there is ${MISSING}`);
    const output = path.join(ROOT, '.tmp', 'report.html');
    fs.mkdirSync(path.dirname(output), { recursive: true });
    const result = await runCli(['report', '--project', 'fixtures/example-shop', '--format', 'html', '--output', output], { cwd: ROOT });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    const html = fs.readFileSync(output, 'utf8');
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(html).not.toMatch(/<script|<link|@import|url\(http/i);

    const { chromium } = await import('playwright-core');
    const browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    try {
      const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
      const requests: string[] = [];
      page.on('request', (request) => requests.push(request.url()));
      const url = pathToFileURL(output).href;
      await page.goto(url);
      await page.screenshot({ path: path.join(ROOT, '.tmp', 'report.png'), fullPage: true });
      expect(requests).toEqual([url]);

      const facts = await page.evaluate(() => {
        const text = (selector: string): string[] => [...document.querySelectorAll(selector)].map((element) => element.textContent?.trim() ?? '');
        return {
          title: document.title,
          scripts: document.scripts.length,
          sections: text('section > h2'),
          classTables: [...document.querySelectorAll('table.class-table')].map((table) => table.getAttribute('data-class')),
          restrictedFields: text('table.class-table[data-class="restricted"] tbody tr td:first-child'),
          customerRows: [...document.querySelectorAll('table.type-table[data-type="Customer"] tbody tr')].map((row) => [...row.querySelectorAll('td')].map((cell) => cell.textContent?.trim() ?? '')),
          diagrams: [...document.querySelectorAll('svg.flow-diagram')].map((svg) => ({ kind: svg.getAttribute('data-sink-kind'), edges: svg.querySelectorAll('path.edge').length, width: svg.getBoundingClientRect().width })),
          scrollWidth: document.documentElement.scrollWidth,
          clientWidth: document.documentElement.clientWidth,
        };
      });
      expect(facts.title).toBe('Data inventory: example-shop');
      expect(facts.scripts).toBe(0);
      expect(facts.sections).toEqual(expect.arrayContaining(['Summary', 'Restricted Restricted data', 'Confidential Confidential data', 'Internal Internal data', 'Public Public data', 'Classified types', 'Flows by sink kind', 'Third parties', 'Other regions', 'Suppressions', 'Declassifications']));
      expect(facts.classTables).toEqual(['restricted', 'confidential', 'internal']);
      expect(facts.restrictedFields).toEqual(expect.arrayContaining(['PaymentCard.number', 'PaymentCard.cvv', 'Employee.salary', 'CardForm.cardNumber']));
      expect(facts.customerRows.map((row) => row[0])).toEqual(['id', 'tenantId', 'email', 'emailVerified', 'name', 'phone', 'shippingAddress', 'lastLoginIp', 'plan', 'createdAt']);
      const email = facts.customerRows.find((row) => row[0] === 'email') ?? [];
      expect(email[2]).toBe('Confidential');
      expect(email[5]).toContain('segment.identify');
      expect(email[5]).toContain('stripe.paymentMethods.create');
      expect(email[5]).toContain('pool.query');
      expect(facts.diagrams.map((diagram) => diagram.kind)).toEqual(['log', 'storage', 'vault', 'browser-storage', 'third-party', 'cross-region', 'telemetry', 'ml-training', 'payment-processor']);
      for (const diagram of facts.diagrams) {
        expect(diagram.edges, diagram.kind ?? '').toBeGreaterThan(0);
        expect(diagram.width, diagram.kind ?? '').toBeGreaterThan(200);
      }
      expect(facts.scrollWidth).toBeLessThanOrEqual(facts.clientWidth);
    } finally {
      await browser.close();
    }
  }, 120_000);
});
