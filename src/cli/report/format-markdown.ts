/**
 * The data inventory as Markdown (GitHub-flavoured tables): summary, one table per class,
 * every classified type with all its fields, flows by sink kind, third parties, other regions,
 * telemetry dimensions, suppressions and declassifications. Every string from code is escaped
 * and card numbers are masked (see escape.ts).
 */
import type { Level } from '../../policy/types.js';
import type { FieldEntry, FlowStatus, Inventory } from './collect-inventory.js';
import { escapeMarkdown as text, markdownCode as code } from './escape.js';
import { REPORT_LIMITATIONS } from './limitations.js';
import { buildReportModel, describeAccessPath, describeDeclassificationForm, describeStatus, evidence, LEVEL_TITLES, LEVELS_DESCENDING, PROCESSORS_NOTE, SINK_KIND_LIMITS, type Reach, type ReportModel } from './view-model.js';

const STATUS_MARK: Readonly<Record<FlowStatus, string>> = { allowed: '✓', violation: '✗', suppressed: '⚠' };

export function formatMarkdown(inventory: Inventory): string {
  const model = buildReportModel(inventory);
  const out: string[] = [];
  out.push(`# Data inventory: ${text(inventory.projectName)}`, '');
  out.push(
    `Project ${code(inventory.tsconfig)}${inventory.configFile === undefined ? ' (no classified.config.json)' : ` with config ${code(inventory.configFile)}`} · ` +
      `${inventory.filesAnalyzed} files analysed · ${inventory.findings.errors} errors, ${inventory.findings.warnings} warnings, ${inventory.findings.suppressed} suppressed`,
    '',
  );
  out.push(...summary(model));
  for (const level of LEVELS_DESCENDING) out.push(...levelSection(model, level));
  out.push(...typesSection(model));
  out.push(...otherSourcesSection(model));
  out.push(...flowsSection(model));
  out.push(...sinkGroupSection('Third parties', model.thirdParties, model, inventory.firstPartyHosts.length === 0 ? 'No `firstPartyHosts` are configured.' : `First-party hosts (not third parties): ${inventory.firstPartyHosts.map(code).join(', ')}.`));
  out.push(...processorsSection(model));
  out.push(...sinkGroupSection('Other regions', model.otherRegions, model, 'Cross-region targets and browser storage: data that leaves the tenant\'s region.'));
  out.push(...dimensionsSection(inventory));
  out.push(...suppressionsSection(inventory));
  out.push(...declassificationsSection(inventory));
  out.push(...accessPathsSection(inventory));
  out.push('## What this report cannot show', '');
  for (const limitation of REPORT_LIMITATIONS) out.push(`- ${text(limitation)}`);
  out.push('');
  if (inventory.diagnostics.length > 0) {
    out.push('## Diagnostics', '');
    for (const diagnostic of inventory.diagnostics) out.push(`- ${text(diagnostic)}`);
    out.push('');
  }
  return out.join('\n');
}

function summary(model: ReportModel): string[] {
  const out = ['## Summary', '', '| Class | Fields | Fields reaching a sink | Violations |', '| --- | --- | ---: | ---: |'];
  for (const level of LEVELS_DESCENDING) {
    const fields = model.fieldsByLevel.get(level) ?? [];
    const reaching = fields.filter((entry) => (model.reachesBySource.get(entry.field.id) ?? []).length > 0).length;
    const violations = model.inventory.flows.filter((flow) => flow.level === level && flow.status === 'violation').length;
    out.push(`| ${LEVEL_TITLES[level]} | ${fields.length} | ${reaching} | ${violations} |`);
  }
  const { allowed, violation, suppressed } = model.counts;
  out.push('', `Flows of classified data into sinks: ${allowed} allowed, ${violation} violations, ${suppressed} suppressed.`);
  out.push(`Third parties reached: ${model.thirdParties.length === 0 ? 'none' : model.thirdParties.map((group) => code(group.sink.callee)).join(', ')}.`);
  out.push(`Processors reached: ${model.processors.length === 0 ? 'none' : model.processors.map((group) => `${text(group.vendor)} (${group.received.map((entry) => text(entry.kind)).join(', ')})`).join(', ')}.`);
  out.push(`Other regions reached: ${model.otherRegions.length === 0 ? 'none' : model.otherRegions.map((group) => code(group.sink.callee)).join(', ')}.`, '');
  return out;
}

function levelSection(model: ReportModel, level: Level): string[] {
  const fields = model.fieldsByLevel.get(level) ?? [];
  const out = [`## ${LEVEL_TITLES[level]} data`, ''];
  if (fields.length === 0) return [...out, `No ${LEVEL_TITLES[level]} fields.`, ''];
  out.push('| Field | Kind | Evidence | Declared at | Reaches |', '| --- | --- | --- | --- | --- |');
  for (const { field, label } of fields) {
    const classification = field.classification;
    if (classification === undefined) continue;
    out.push(`| ${code(label)} | ${text(classification.kind)} | ${text(evidence(classification))} | ${text(`${field.file}:${field.line}`)} | ${reaches(model, field)} |`);
  }
  return [...out, ''];
}

function reaches(model: ReportModel, field: FieldEntry): string {
  const list = model.reachesBySource.get(field.id) ?? [];
  if (list.length > 0) return reachList(list);
  const level = field.classification?.level;
  return level === 'internal' || level === 'public' ? 'not followed (below Confidential)' : '—';
}

/** One line per sink kind: `log: ✗ \`console.error\` (console), ⚠ \`auditLog.info\` (winston) — no-pii-logging`. */
function reachList(list: readonly Reach[]): string {
  const byKind = new Map<string, Reach[]>();
  for (const entry of list) byKind.set(entry.sink.kind, [...(byKind.get(entry.sink.kind) ?? []), entry]);
  return [...byKind]
    .map(([kind, entries]) => {
      const rules = [...new Set(entries.flatMap((entry) => entry.ruleIds))];
      const sinks = entries.map((entry) => `${STATUS_MARK[entry.status]} ${code(entry.sink.callee)} (${text(entry.sink.module)})`).join(', ');
      return `${text(kind)}: ${sinks}${rules.length > 0 ? ` — ${text(rules.join(', '))}` : ''}`;
    })
    .join('<br>');
}

function typesSection(model: ReportModel): string[] {
  const out = ['## Classified types', '', 'Every type with a classified field, with all of its fields.', ''];
  for (const type of model.classifiedTypes) {
    out.push(`### ${code(type.name)}`, '', `${text(type.declaration)} at ${text(`${type.file}:${type.line}`)}`, '');
    out.push('| Field | Type | Class | Kind | Evidence | Reaches |', '| --- | --- | --- | --- | --- | --- |');
    for (const field of type.fields) {
      const classification = field.classification;
      const klass = classification === undefined ? (field.contains.length > 0 ? 'contains classified data' : 'unclassified') : LEVEL_TITLES[classification.level];
      const kind = classification?.kind ?? (field.contains.length > 0 ? field.contains.join(', ') : '—');
      const why = classification === undefined ? '—' : evidence(classification);
      out.push(`| ${code(field.name)} | ${code(field.typeText)} | ${text(klass)} | ${text(kind)} | ${text(why)} | ${reaches(model, field)} |`);
    }
    out.push('');
  }
  return out;
}

function otherSourcesSection(model: ReportModel): string[] {
  if (model.otherSources.length === 0) return [];
  const out = ['## Other classified values', '', 'Parameters, variables, literals and object keys the engine classified where they flow into a sink.', ''];
  out.push('| Value | Class | Kind | Evidence | At | Reaches |', '| --- | --- | --- | --- | --- | --- |');
  for (const source of model.otherSources) {
    const list = model.reachesBySource.get(source.id) ?? [];
    out.push(`| ${code(source.label)} | ${LEVEL_TITLES[source.level]} | ${text(source.kind)} | ${text(evidence(source))} | ${text(`${source.file}:${source.line}`)} | ${list.length === 0 ? '—' : reachList(list)} |`);
  }
  return [...out, ''];
}

function flowsSection(model: ReportModel): string[] {
  const out = ['## Flows by sink kind', ''];
  if (model.flowsByKind.size === 0) return [...out, 'No classified data reaches a sink.', ''];
  for (const [kind, flows] of model.flowsByKind) {
    out.push(`### ${text(kind)}`, '', `Policy: ${text(SINK_KIND_LIMITS[kind])}.`, '');
    out.push('| Source | Class | Kind | → Sink | Module | Status | At |', '| --- | --- | --- | --- | --- | --- | --- |');
    for (const flow of flows) {
      const status = `${STATUS_MARK[flow.status]} ${describeStatus(flow.status, flow.ruleId === undefined ? [] : [flow.ruleId])}${flow.suppressionReason === undefined ? '' : ` (${flow.suppressionReason})`}`;
      out.push(`| ${code(model.sourceName(flow))} | ${LEVEL_TITLES[flow.level]} | ${text(flow.kind)} | ${code(flow.sink.callee)} | ${text(flow.sink.module)} | ${text(status)} | ${text(`${flow.file}:${flow.line}`)} |`);
    }
    out.push('');
  }
  return out;
}

function sinkGroupSection(title: string, groups: ReportModel['thirdParties'], _model: ReportModel, note: string): string[] {
  const out = [`## ${title}`, '', note, ''];
  if (groups.length === 0) return [...out, 'No classified data reaches them.', ''];
  out.push('| Sink | Kind | Module | Why it is a sink | Data | Status |', '| --- | --- | --- | --- | --- | --- |');
  for (const group of groups) {
    out.push(`| ${code(group.sink.callee)} | ${text(group.sink.kind)} | ${text(group.sink.module)} | ${text(group.sink.reason)} | ${group.sources.map(code).join(', ')} | ${text(`${STATUS_MARK[group.status]} ${describeStatus(group.status, group.ruleIds)}`)} |`);
  }
  return [...out, ''];
}

function processorsSection(model: ReportModel): string[] {
  const out = ['## Processors', '', PROCESSORS_NOTE, ''];
  if (model.processors.length === 0) return [...out, 'No classified data reaches a processor.', ''];
  out.push('| Vendor | Calls | May receive | Receives in this project | Data | Status |', '| --- | --- | --- | --- | --- | --- |');
  for (const group of model.processors) {
    const received = group.received.map((entry) => `${entry.allowed ? '' : '✗ '}${text(entry.kind)}`).join(', ');
    out.push(`| ${text(group.vendor)} | ${group.callees.map(code).join(', ')} | ${text(group.allowedKinds.join(', '))} | ${received} | ${group.sources.map(code).join(', ')} | ${text(`${STATUS_MARK[group.status]} ${describeStatus(group.status, group.ruleIds)}`)} |`);
  }
  return [...out, ''];
}

function dimensionsSection(inventory: Inventory): string[] {
  if (inventory.dimensions.length === 0) return [];
  const out = ['## Telemetry dimensions', '', 'Dimension names outside the allow-list, and dimensions carrying a full URL or path.', ''];
  out.push('| Dimension | Problem | Sink | At | Status |', '| --- | --- | --- | --- | --- |');
  for (const dimension of inventory.dimensions) {
    const problem = dimension.problem === 'url-value' ? 'value is a URL or path' : 'name not allow-listed';
    out.push(`| ${code(dimension.name)} | ${problem} | ${code(dimension.sink.callee)} (${text(dimension.sink.module)}) | ${text(`${dimension.file}:${dimension.line}`)} | ${text(`${STATUS_MARK[dimension.status]} ${describeStatus(dimension.status, dimension.ruleId === undefined ? [] : [dimension.ruleId])}`)} |`);
  }
  return [...out, ''];
}

function suppressionsSection(inventory: Inventory): string[] {
  const out = ['## Suppressions', ''];
  if (inventory.suppressions.length === 0) return [...out, 'No suppression comments.', ''];
  out.push('| At | Rules | Reason | Covers |', '| --- | --- | --- | --- |');
  for (const suppression of inventory.suppressions) {
    const reason = suppression.reason === '' ? '(no reason given: not honoured)' : suppression.reason;
    out.push(`| ${text(`${suppression.file}:${suppression.line}`)} | ${text(suppression.ruleIds.join(', '))} | ${text(reason)} | ${suppression.covers.length === 0 ? 'nothing (unused)' : suppression.covers.map(text).join('<br>')} |`);
  }
  return [...out, ''];
}

function declassificationsSection(inventory: Inventory): string[] {
  const out = ['## Declassifications', ''];
  if (inventory.declassifications.length === 0) return [...out, 'No declassifications.', ''];
  out.push('| At | Form | Data | Reason or target | Status |', '| --- | --- | --- | --- | --- |');
  for (const entry of inventory.declassifications) {
    const form = describeDeclassificationForm(entry.form);
    const status = entry.ruleId === undefined ? '✓ reviewed' : `✗ ${entry.ruleId}`;
    out.push(`| ${text(`${entry.file}:${entry.line}`)} | ${form} | ${code(entry.label)} | ${text(entry.detail)} | ${text(status)} |`);
  }
  return [...out, ''];
}

function accessPathsSection(inventory: Inventory): string[] {
  const out = ['## Support access paths', '', 'Reads of customer data in code marked as support or operator access, and the elements of the access clause guarding each (require-access-grant).', ''];
  if (inventory.accessPaths.length === 0) return [...out, 'No support access code reads customer data (mark it `/** @access support */` or with `access.entryPoints`).', ''];
  out.push('| Entry point | Marked by | Data read | At | Grant | Region | Audit |', '| --- | --- | --- | --- | --- | --- | --- |');
  for (const entry of inventory.accessPaths) {
    const { grant, region, audit } = describeAccessPath(entry);
    out.push(`| ${code(entry.entryPoint)} | ${text(entry.markedBy)} | ${code(entry.read)} (${text(`${entry.kind}, ${entry.level}`)}) | ${text(`${entry.file}:${entry.line}`)} | ${text(grant)} | ${text(region)} | ${text(audit)} |`);
  }
  return [...out, ''];
}
