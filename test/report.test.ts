/**
 * `classified report`: the Markdown inventory of the example app (every field of `Customer` with
 * the sinks it reaches, allowed flows included), third parties, regions, suppressions, and the
 * escaping and masking of everything that comes from code. The commands run in this process
 * (helpers/run-cli.ts, the built CLI: dist/ must be built, as `npm test` does).
 */
import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { escapeHtml, escapeMarkdown, markdownCode } from '../src/cli/report/escape.js';
import { runCli, type CliResult } from './helpers/run-cli.js';

const ROOT = path.resolve(__dirname, '..');
const EXAMPLE = 'fixtures/example-shop';
const TMP = path.join(ROOT, '.tmp', `report-${process.pid}`);
const FULL_CARD = /4539[ -]?1607[ -]?2855[ -]?1387/;

function run(...args: string[]): Promise<CliResult> {
  return runCli(args, { cwd: ROOT });
}

/** The rows of the Markdown table under `heading`, as arrays of cells. */
function tableAfter(markdown: string, heading: string): string[][] {
  const start = markdown.indexOf(`${heading}\n`);
  expect(start, heading).toBeGreaterThanOrEqual(0);
  const lines = markdown.slice(start).split('\n').slice(1);
  const first = lines.findIndex((line) => line.startsWith('|'));
  const rows: string[][] = [];
  for (const line of lines.slice(first + 2)) {
    if (!line.startsWith('|')) break;
    rows.push(line.slice(1, -1).split(/(?<!\\)\|/).map((cell) => cell.trim()));
  }
  return rows;
}

/** Markdown without its code spans (a run of n backticks up to the next run of exactly n). */
function withoutCodeSpans(markdown: string): string {
  return markdown.replace(/(?<!`)(`+)(?!`)([\s\S]*?)(?<!`)\1(?!`)/g, '');
}

/** The property names of `interface Customer` in the example app, read with the compiler. */
function customerFields(): string[] {
  const file = path.join(ROOT, EXAMPLE, 'src', 'domain', 'customer.ts');
  const source = ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const customer = source.statements.find((statement): statement is ts.InterfaceDeclaration => ts.isInterfaceDeclaration(statement) && statement.name.text === 'Customer');
  return (customer?.members ?? []).flatMap((member) => (member.name !== undefined && ts.isIdentifier(member.name) ? [member.name.text] : []));
}

describe('classified report --format markdown on the example app', () => {
  let markdown = '';

  beforeAll(async () => {
    const result = await run('report', '--project', EXAMPLE);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    markdown = result.stdout;
  }, 120_000);

  it('lists every field of Customer with its class, kind and the sinks it reaches', () => {
    const rows = tableAfter(markdown, '### `Customer`');
    const fields = customerFields();
    expect(fields).toEqual(['id', 'tenantId', 'email', 'emailVerified', 'name', 'phone', 'shippingAddress', 'lastLoginIp', 'plan', 'createdAt']);
    expect(rows.map((row) => row[0])).toEqual(fields.map((field) => `\`${field}\``));
    const byField = new Map(rows.map((row) => [row[0]?.replace(/`/g, ''), row]));
    const reaches = (field: string): string => byField.get(field)?.[5] ?? '';
    expect(byField.get('email')?.slice(2, 4)).toEqual(['Confidential', 'Email']);
    // violations and allowed flows alike
    expect(reaches('email')).toMatch(/third-party: .*✗ `segment\.identify` \(@segment\/analytics-node\)/);
    expect(reaches('email')).toMatch(/log: .*✗ `auditLog\.info` \(winston\)/);
    expect(reaches('email')).toMatch(/telemetry: .*✗ `statsd\.increment`/);
    expect(reaches('email')).toMatch(/browser-storage: .*✗ `document\.cookie`/);
    expect(reaches('email')).toMatch(/ml-training: ✗ `openai\.files\.create`/);
    expect(reaches('email')).toContain('payment-processor: ✓ `stripe.paymentMethods.create` (stripe)');
    expect(reaches('email')).toContain('storage: ✓ `pool.query` (pg)');
    expect(reaches('name')).toContain('⚠ `auditLog.info` (winston)');
    expect(reaches('name')).toMatch(/third-party: ✗ `mixpanel\.people\.set` \(mixpanel\) — no-third-party-sharing/);
    expect(reaches('id')).toMatch(/third-party: ✗ `segment\.identify`/);
    expect(reaches('phone')).toContain('storage: ✓ `pool.query` (pg)');
    expect(reaches('shippingAddress')).toContain('storage: ✓ `pool.query` (pg)');
    expect(reaches('lastLoginIp')).toMatch(/log: .*`console\.error`/);
    expect(byField.get('tenantId')?.slice(2, 4)).toEqual(['Internal', 'TenantId']);
    expect(reaches('tenantId')).toBe('not followed (below Confidential)');
    for (const field of ['emailVerified', 'plan', 'createdAt']) {
      expect(byField.get(field)?.[2], field).toBe('unclassified');
      expect(reaches(field), field).toBe('—');
    }
  });

  it('has a table per class, with declared and inferred fields', () => {
    const restricted = tableAfter(markdown, '## Restricted data');
    const card = restricted.find((row) => row[0] === '`PaymentCard.number`');
    expect(card?.[1]).toBe('PAN');
    expect(card?.[4]).toContain('payment-processor: ✓ `stripe.paymentMethods.create` (stripe)');
    expect(card?.[4]).toMatch(/storage: ✗ `pool\.query` \(pg\), ✗ `redis\.set` \(ioredis\) — no-pan-storage/);
    const salary = restricted.find((row) => row[0] === '`Employee.salary`');
    expect(salary?.[2]).toBe('inferred: field name "salary" matches "salary"');
    const confidential = tableAfter(markdown, '## Confidential data');
    expect(confidential.map((row) => row[0])).toEqual(expect.arrayContaining(['`Customer.email`', '`SupportTicket.contactEmail`', '`Order.customerEmail`', '`NewsletterForm.email`']));
    expect(confidential.find((row) => row[0] === '`Order.customerEmail`')?.[4]).toContain('cross-region: ✗ `replicateToGlobalWarehouse`');
    expect(tableAfter(markdown, '## Internal data').map((row) => row[0])).toContain('`Customer.tenantId`');
    expect(markdown).toContain('## Public data\n\nNo Public fields.');
  });

  it('names the third parties and other regions, and lists flows by sink kind', () => {
    const third = tableAfter(markdown, '## Third parties');
    expect(third.map((row) => row[0])).toEqual(expect.arrayContaining(['`segment.identify`', '`posthog.capture`', '`mixpanel.people.set`', '`axios.post`', '`fetch`']));
    expect(third.find((row) => row[0] === '`axios.post`')?.[3]).toBe('axios to api.partner-crm.io, which is not in firstPartyHosts');
    expect(markdown).toContain('First-party hosts (not third parties): `api.example-shop.com`.');
    const regions = tableAfter(markdown, '## Other regions');
    expect(regions.find((row) => row[0] === '`replicateToGlobalWarehouse`')?.slice(1, 3)).toEqual(['cross-region', 'src/integrations/outbound.ts']);
    expect(regions.map((row) => row[0])).toEqual(expect.arrayContaining(['`localStorage.setItem`', '`document.cookie`', '`sessionStorage.setItem`']));
    const storage = tableAfter(markdown, '### storage');
    expect(storage).toContainEqual(['`StoredPaymentMethod.token`', 'Confidential', 'PaymentToken', '`pool.query`', 'pg', '✓ allowed', 'fixtures/example-shop/src/storage/customer-repository.ts:59']);
    const vault = tableAfter(markdown, '### vault');
    expect(vault.find((row) => row[0] === '`PayrollEntry.gross`')?.[5]).toBe('✓ allowed');
    expect(vault.find((row) => row[0] === '`PaymentCard.cvv`')?.[5]).toBe('✗ violation: no-pan-storage');
    for (const kind of ['log', 'storage', 'vault', 'browser-storage', 'third-party', 'cross-region', 'telemetry', 'ml-training', 'payment-processor']) {
      expect(markdown, kind).toContain(`\n### ${kind.replace(/-/g, '-')}\n`);
    }
  });

  it('lists suppressions with their reasons, declassifications, and masks card numbers', () => {
    const suppressions = tableAfter(markdown, '## Suppressions');
    expect(suppressions).toEqual([['fixtures/example-shop/src/services/support.ts:42', 'no-pii-logging', 'support audit trail approved by DPO', 'no-pii-logging: customer.name → auditLog.info']]);
    const declassifications = tableAfter(markdown, '## Declassifications');
    expect(declassifications).toContainEqual(['fixtures/example-shop/src/services/support.ts:95', 'declassify() with a reason', '`customer.email`', 'agent copy stays in the regional support inbox', '✓ reviewed']);
    expect(declassifications.find((row) => row[0] === 'fixtures/example-shop/src/services/support.ts:90')?.[4]).toBe('✗ no-unsafe-declassification');
    expect(markdown).toContain('`card number literal ****1387`');
    expect(markdown).not.toMatch(FULL_CARD);
    expect(markdown).toContain('## What this report cannot show');
  });

  it('lists the support access paths with the grant, region and audit of each read', () => {
    const paths = tableAfter(markdown, '## Support access paths');
    const at = (entryPoint: string): readonly string[] | undefined => paths.find((row) => row[0] === `\`SupportConsole.${entryPoint}\``);
    expect(at('customerOrders')).toEqual([
      '`SupportConsole.customerOrders`',
      '@access support',
      '`findOrdersOfCustomer` (CustomerId, confidential)',
      'fixtures/example-shop/src/services/support-console.ts:18',
      '✓ every path',
      "✓ grant's region",
      '✓ before the data leaves',
    ]);
    expect(at('customerOrdersWithoutGrant')?.slice(4)).toEqual(['✗ none', "✗ not the grant's region", '✓ before the data leaves']);
    expect(at('customerOrdersEscalated')?.slice(4)).toEqual(['✗ some paths only', "✗ not the grant's region", '✓ before the data leaves']);
    expect(at('customerOrdersFromDefaultRegion')?.slice(4)).toEqual(['✓ every path', "✗ not the grant's region", '✓ before the data leaves']);
    expect(at('customerOrdersPreview')?.slice(4)).toEqual(['✓ every path', "✓ grant's region", '✗ missing on some path']);
  });

  it('writes to --output and exits 2 for a missing project or a bad format', async () => {
    fs.mkdirSync(TMP, { recursive: true });
    const output = path.join(TMP, 'inventory.md');
    expect((await run('report', '--project', EXAMPLE, '--output', output)).status).toBe(0);
    expect(fs.readFileSync(output, 'utf8')).toContain('# Data inventory: example-shop');
    const missing = await run('report', '--project', 'fixtures/does-not-exist');
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain('fixtures/does-not-exist');
    expect((await run('report', '--project', EXAMPLE, '--format', 'pdf')).status).toBe(2);
  }, 120_000);
});

describe('classified report and annotate on a solution tsconfig', () => {
  it('inventories each referenced project once, and annotates each file once', async () => {
    const dir = path.join(TMP, 'solution');
    fs.rmSync(dir, { recursive: true, force: true });
    const base = { target: 'ES2022', module: 'nodenext', moduleResolution: 'nodenext', strict: true, skipLibCheck: true, composite: true, types: [] };
    const files: Record<string, string> = {
      'tsconfig.json': JSON.stringify({ files: [], references: [{ path: 'packages/a' }, { path: 'packages/c' }] }),
      'packages/a/tsconfig.json': JSON.stringify({ compilerOptions: { ...base, rootDir: 'src', outDir: 'dist' }, include: ['src'] }),
      'packages/a/src/index.ts': 'export interface Customer {\n  id: string;\n  email: string;\n}\nexport function audit(message: string): void {\n  console.log(`audit: ${message}`);\n}\n',
      'packages/c/tsconfig.json': JSON.stringify({ compilerOptions: { ...base, rootDir: '..', outDir: 'dist' }, include: ['src'], references: [{ path: '../a' }] }),
      'packages/c/src/report.ts': "import { audit, type Customer } from '../../a/src/index.js';\nexport function report(customer: Customer): void {\n  audit(customer.email);\n}\n",
    };
    for (const [name, text] of Object.entries(files)) {
      fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
      fs.writeFileSync(path.join(dir, name), text);
    }
    const report = await run('report', '--project', dir);
    expect(report.status).toBe(0);
    const rows = tableAfter(report.stdout, '## Confidential data');
    expect(rows).toHaveLength(1);
    expect(rows[0]?.[0]).toBe('`Customer.email`');
    expect(rows[0]?.[4]).toBe('log: ✗ `console.log` (console) — no-pii-logging');
    expect(report.stdout.match(/### `Customer`/g)).toHaveLength(1);
    const annotate = await run('annotate', '--project', dir);
    expect(annotate.status).toBe(0);
    expect(annotate.stdout).toContain('annotated 1 declaration in 1 file');
    expect(fs.readFileSync(path.join(dir, 'packages/a/src/index.ts'), 'utf8')).toContain("import type { Email } from 'classified';\n\nexport interface Customer {\n  id: string;\n  email: Email;");
  }, 120_000);
});

describe('classified report lists processors', () => {
  // each vendor with what it may receive and the kinds it receives here; ✗ marks a kind outside its contract
  it('names each processor with the kinds it may receive and the kinds it receives in the project', async () => {
    const dir = path.join(TMP, 'processors');
    fs.rmSync(dir, { recursive: true, force: true });
    const files: Record<string, string> = {
      'tsconfig.json': JSON.stringify({ compilerOptions: { strict: true, module: 'nodenext', moduleResolution: 'nodenext', target: 'ES2022', lib: ['ES2023', 'DOM'], noEmit: true, skipLibCheck: true, types: ['node'] }, include: ['src'] }),
      'classified.config.json': JSON.stringify({ processors: [{ host: 'api.smsgateway.example.net', kinds: ['PhoneNumber'], library: 'SMS Gateway' }] }),
      'src/notify.ts': [
        "import twilio from 'twilio';",
        "import type { Email, PersonName, PhoneNumber } from 'classified';",
        'const sms = twilio(process.env.TWILIO_ACCOUNT_SID, process.env.TWILIO_AUTH_TOKEN);',
        'export interface Customer { email: Email; name: PersonName; phone: PhoneNumber; ssn: string }',
        'export async function notify(customer: Customer, clientIp: string): Promise<void> {',
        '  await sms.messages.create({ to: customer.phone, body: `Hi ${customer.name}` });',
        '  await sms.messages.create({ to: customer.phone, body: `SSN ${customer.ssn}` });',
        "  await fetch('https://challenges.cloudflare.com/turnstile/v0/siteverify', { method: 'POST', body: JSON.stringify({ remoteip: clientIp }) });",
        "  await fetch('https://api.smsgateway.example.net/v1/send', { method: 'POST', body: JSON.stringify({ to: customer.phone }) });",
        '}',
        '',
      ].join('\n'),
    };
    for (const [name, text] of Object.entries(files)) {
      fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
      fs.writeFileSync(path.join(dir, name), text);
    }
    const report = await run('report', '--project', dir);
    expect(report.status).toBe(0);
    expect(tableAfter(report.stdout, '## Processors')).toEqual([
      ['Cloudflare Turnstile', '`fetch`', 'IPAddress', 'IPAddress', '`clientIp`', '✓ allowed'],
      ['SMS Gateway', '`fetch`', 'PhoneNumber', 'PhoneNumber', '`Customer.phone`', '✓ allowed'],
      ['twilio', '`sms.messages.create`', 'PhoneNumber, Email, PersonName, PostalAddress, OrderLine', '✗ NationalId, PersonName, PhoneNumber', '`Customer.name`, `Customer.phone`, `Customer.ssn`', '✗ violation: no-third-party-sharing'],
    ]);
    expect(report.stdout).toContain('Processors reached: Cloudflare Turnstile (IPAddress), SMS Gateway (PhoneNumber), twilio (NationalId, PersonName, PhoneNumber).');
    const html = await run('report', '--project', dir, '--format', 'html');
    expect(html.status).toBe(0);
    expect(html.stdout).toContain('<section id="processors"><h2>Processors</h2>');
    expect(html.stdout).toContain('<span class="status violation">✗ <code>NationalId</code></span>');
  }, 120_000);
});

describe('classified report on one finding that lists several data', () => {
  // the suppression covers the finding's line, the first datum's; the finding stands for both
  it('marks the flow of every datum of a suppressed finding as suppressed', async () => {
    const dir = path.join(TMP, 'merged');
    fs.rmSync(dir, { recursive: true, force: true });
    fs.mkdirSync(path.join(dir, 'src'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'tsconfig.json'), JSON.stringify({ compilerOptions: { strict: true, module: 'nodenext', moduleResolution: 'nodenext', target: 'ES2022', noEmit: true, skipLibCheck: true, types: [] }, include: ['src'] }));
    fs.writeFileSync(
      path.join(dir, 'src', 'index.ts'),
      [
        "import type { Email, PhoneNumber } from 'classified';",
        'export function callback(contact: { email: Email; phone: PhoneNumber }): void {',
        '  console.log({',
        '    // eslint-disable-next-line classified/no-pii-logging -- on-call sees who asked for a callback (OPS-7)',
        '    email: contact.email,',
        '    phone: contact.phone,',
        '  });',
        '}',
        '',
      ].join('\n'),
    );
    const report = await run('report', '--project', dir);
    expect(report.status).toBe(0);
    const log = tableAfter(report.stdout, '### log');
    expect(log.map((row) => [row[0], row[5]])).toEqual([
      ['`callback(contact).email`', '⚠ suppressed: no-pii-logging (on-call sees who asked for a callback (OPS-7))'],
      ['`callback(contact).phone`', '⚠ suppressed: no-pii-logging (on-call sees who asked for a callback (OPS-7))'],
    ]);
  }, 120_000);
});

describe('classified report escapes what comes from code', () => {
  const project = path.join(TMP, 'hostile');

  beforeAll(() => {
    fs.rmSync(project, { recursive: true, force: true });
    fs.mkdirSync(path.join(project, 'src'), { recursive: true });
    fs.writeFileSync(path.join(project, 'tsconfig.json'), JSON.stringify({ compilerOptions: { strict: true, module: 'nodenext', moduleResolution: 'nodenext', target: 'ES2022', noEmit: true, skipLibCheck: true, types: [] }, include: ['src'] }));
    fs.writeFileSync(
      path.join(project, 'src', 'index.ts'),
      [
        "import type { Email } from 'classified';",
        'export interface Hostile {',
        "  '<img src=x onerror=alert(1)>|`x`': Email;",
        "  '4539 1607 2855 1387': Email;",
        '  email: string;',
        '}',
        'export function leak(h: Hostile): void {',
        '  // eslint-disable-next-line classified/no-pii-logging -- <script>alert("reason")</script> | 4539 1607 2855 1387',
        "  console.log(h['<img src=x onerror=alert(1)>|`x`'], h['4539 1607 2855 1387'], h.email);",
        '}',
        '',
      ].join('\n'),
    );
  });

  afterAll(() => {
    fs.rmSync(TMP, { recursive: true, force: true });
  });

  it('HTML: no markup or full card number from code gets through', async () => {
    const result = await run('report', '--project', project, '--format', 'html');
    expect(result.status).toBe(0);
    const html = result.stdout;
    expect(html).not.toMatch(/<script|<img/i);
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;|`x`');
    expect(html).toContain('&lt;script&gt;alert(&quot;reason&quot;)&lt;/script&gt;');
    expect(html).not.toMatch(FULL_CARD);
    expect(html).toContain('****1387');
    expect(html).not.toMatch(/\b(?:src|href)=["']?(?:https?:|\/\/)/i);
  }, 120_000);

  it('Markdown: no HTML, cell breaks or full card number from code gets through', async () => {
    const result = await run('report', '--project', project);
    expect(result.status).toBe(0);
    const markdown = result.stdout;
    // markup from code only ever appears inside code spans, where Markdown prints it as text
    expect(withoutCodeSpans(markdown)).not.toMatch(/<script|<img/i);
    expect(markdown).not.toMatch(FULL_CARD);
    expect(markdown).toContain('`Hostile.****1387`');
    const rows = tableAfter(markdown, '### `Hostile`');
    expect(rows).toHaveLength(3);
    for (const row of rows) expect(row).toHaveLength(6);
    const suppressions = tableAfter(markdown, '## Suppressions');
    expect(suppressions[0]?.[2]).toBe('&lt;script&gt;alert("reason")&lt;/script&gt; \\| \\*\\*\\*\\*1387');
  }, 120_000);

  it('escape helpers', () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
    expect(escapeMarkdown('a|b *c* [d](e) <f> `g`\nh')).toBe('a\\|b \\*c\\* \\[d\\](e) &lt;f&gt; \\`g\\` h');
    expect(markdownCode('a`b|c')).toBe('``a`b\\|c``');
    expect(markdownCode('card 4539 1607 2855 1387')).toBe('`card ****1387`');
  });
});
