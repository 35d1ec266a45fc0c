/**
 * The data inventory as one self-contained HTML page: inline CSS, inline SVG flow diagrams, no
 * scripts and no external resources, so it can be attached to an audit as a single file and
 * opened offline. Every string from code is escaped and card numbers are masked (escape.ts).
 */
import type { Level, SinkKind } from '../../policy/types.js';
import type { FieldEntry, FlowEntry, FlowStatus, Inventory } from './collect-inventory.js';
import { escapeHtml as h } from './escape.js';
import { REPORT_LIMITATIONS } from './limitations.js';
import { buildReportModel, describeAccessPath, describeDeclassificationForm, describeStatus, evidence, LEVEL_TITLES, LEVELS_DESCENDING, PROCESSORS_NOTE, SINK_KIND_LIMITS, type Reach, type ReportModel, type SinkGroup } from './view-model.js';

const STATUS_MARK: Readonly<Record<FlowStatus, string>> = { allowed: '✓', violation: '✗', suppressed: '⚠' };
const STATUS_COLOR: Readonly<Record<FlowStatus, string>> = { allowed: '#2e7d32', violation: '#c62828', suppressed: '#b26a00' };
const LEVEL_FILL: Readonly<Record<Level, string>> = { restricted: '#fde2e1', confidential: '#fff1d6', internal: '#e3f2fd', public: '#e8f5e9' };
const LEVEL_STROKE: Readonly<Record<Level, string>> = { restricted: '#c62828', confidential: '#b26a00', internal: '#1565c0', public: '#2e7d32' };

const CSS = `
:root { color-scheme: light; --ink: #1f2933; --muted: #5f6b7a; --line: #d9dee5; --head: #f3f5f8; }
* { box-sizing: border-box; }
body { margin: 0; font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; color: var(--ink); background: #fff; }
main { max-width: 1280px; margin: 0 auto; padding: 24px 28px 48px; }
h1 { font-size: 26px; margin: 0 0 4px; }
h2 { font-size: 20px; margin: 36px 0 8px; padding-bottom: 4px; border-bottom: 2px solid var(--line); }
h3 { font-size: 16px; margin: 24px 0 6px; }
p.meta, p.note { color: var(--muted); margin: 4px 0 12px; }
code, .mono { font: 12.5px/1.4 ui-monospace, SFMono-Regular, Menlo, Consolas, "Liberation Mono", monospace; }
code { background: #f1f3f6; padding: 1px 4px; border-radius: 3px; }
table { width: 100%; border-collapse: collapse; margin: 8px 0 16px; table-layout: auto; }
th, td { border: 1px solid var(--line); padding: 6px 8px; text-align: left; vertical-align: top; overflow-wrap: break-word; }
td.key { white-space: nowrap; }
td.path { font: 12px/1.4 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; color: var(--muted); min-width: 16em; }
table.summary { width: auto; min-width: 560px; }
th { background: var(--head); font-weight: 600; white-space: nowrap; }
tbody tr:nth-child(even) td { background: #fafbfc; }
td.num, th.num { text-align: right; }
.cards { display: flex; flex-wrap: wrap; gap: 12px; margin: 12px 0; }
.card { flex: 1 1 150px; border: 1px solid var(--line); border-left-width: 6px; border-radius: 6px; padding: 10px 12px; }
.card .count { font-size: 24px; font-weight: 700; }
.card .label { color: var(--muted); }
.card.restricted { border-left-color: ${LEVEL_STROKE.restricted}; }
.card.confidential { border-left-color: ${LEVEL_STROKE.confidential}; }
.card.internal { border-left-color: ${LEVEL_STROKE.internal}; }
.card.public { border-left-color: ${LEVEL_STROKE.public}; }
.badge { display: inline-block; padding: 0 6px; border-radius: 10px; font-size: 12px; font-weight: 600; white-space: nowrap; }
.badge.restricted { background: ${LEVEL_FILL.restricted}; color: ${LEVEL_STROKE.restricted}; }
.badge.confidential { background: ${LEVEL_FILL.confidential}; color: ${LEVEL_STROKE.confidential}; }
.badge.internal { background: ${LEVEL_FILL.internal}; color: ${LEVEL_STROKE.internal}; }
.badge.public { background: ${LEVEL_FILL.public}; color: ${LEVEL_STROKE.public}; }
.badge.none { background: #eef0f3; color: var(--muted); }
ul.reach { list-style: none; margin: 0; padding: 0; }
ul.reach li { margin: 0 0 3px; }
ul.reach .kind { font-weight: 600; }
.status { font-weight: 600; }
.scroll { overflow-x: auto; }
.scroll > table { margin: 0; }
.scroll { margin: 8px 0 16px; }
.status.allowed { color: ${STATUS_COLOR.allowed}; }
.status.violation { color: ${STATUS_COLOR.violation}; }
.status.suppressed { color: ${STATUS_COLOR.suppressed}; }
.muted { color: var(--muted); }
figure { margin: 8px 0 20px; overflow-x: auto; border: 1px solid var(--line); border-radius: 6px; padding: 10px; background: #fcfcfd; }
figure svg { display: block; max-width: 100%; height: auto; }
figcaption { color: var(--muted); font-size: 12.5px; margin-top: 6px; }
.legend { display: flex; flex-wrap: wrap; gap: 16px; color: var(--muted); font-size: 12.5px; margin: 4px 0 8px; }
.legend span::before { content: ""; display: inline-block; width: 22px; height: 0; border-top: 3px solid currentColor; vertical-align: middle; margin-right: 6px; }
.legend .allowed { color: ${STATUS_COLOR.allowed}; }
.legend .violation { color: ${STATUS_COLOR.violation}; }
.legend .suppressed { color: ${STATUS_COLOR.suppressed}; }
.legend .suppressed::before { border-top-style: dashed; }
nav.toc { margin: 12px 0; display: flex; flex-wrap: wrap; gap: 4px 14px; }
nav.toc a { color: #1565c0; text-decoration: none; white-space: nowrap; }
@media (max-width: 900px) { td.path { min-width: 0; } main { padding: 16px; } }
@media print { figure { break-inside: avoid; } h2 { break-after: avoid; } }
`;

export function formatHtml(inventory: Inventory): string {
  const model = buildReportModel(inventory);
  const sections: string[] = [];
  sections.push(summarySection(model));
  for (const level of LEVELS_DESCENDING) sections.push(levelSection(model, level));
  sections.push(typesSection(model));
  sections.push(otherSourcesSection(model));
  sections.push(flowsSection(model));
  sections.push(sinkGroupSection('third-parties', 'Third parties', model.thirdParties, inventory.firstPartyHosts.length === 0 ? 'No firstPartyHosts are configured.' : `First-party hosts (not third parties): ${inventory.firstPartyHosts.join(', ')}.`));
  sections.push(processorsSection(model));
  sections.push(sinkGroupSection('other-regions', 'Other regions', model.otherRegions, "Cross-region targets and browser storage: data that leaves the tenant's region."));
  sections.push(dimensionsSection(inventory));
  sections.push(suppressionsSection(inventory));
  sections.push(declassificationsSection(inventory));
  sections.push(accessPathsSection(inventory));
  sections.push(`<section id="limitations"><h2>What this report cannot show</h2><ul>${REPORT_LIMITATIONS.map((item) => `<li>${h(item)}</li>`).join('')}</ul></section>`);
  if (inventory.diagnostics.length > 0) sections.push(`<section id="diagnostics"><h2>Diagnostics</h2><ul>${inventory.diagnostics.map((item) => `<li>${h(item)}</li>`).join('')}</ul></section>`);
  const toc = [
    ['summary', 'Summary'],
    ...LEVELS_DESCENDING.map((level) => [`class-${level}`, LEVEL_TITLES[level]]),
    ['types', 'Types'],
    ['flows', 'Flows'],
    ['third-parties', 'Third parties'],
    ['processors', 'Processors'],
    ['other-regions', 'Other regions'],
    ['suppressions', 'Suppressions'],
    ['declassifications', 'Declassifications'],
    ['access-paths', 'Support access'],
  ].map(([id, title]) => `<a href="#${id}">${h(title ?? '')}</a>`).join('');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="classified report">
<title>Data inventory: ${h(inventory.projectName)}</title>
<style>${CSS}</style>
</head>
<body>
<main>
<h1>Data inventory: ${h(inventory.projectName)}</h1>
<p class="meta">Project <code>${h(inventory.tsconfig)}</code>${inventory.configFile === undefined ? ' (no classified.config.json)' : ` with config <code>${h(inventory.configFile)}</code>`} · ${inventory.filesAnalyzed} files analysed · ${inventory.findings.errors} errors, ${inventory.findings.warnings} warnings, ${inventory.findings.suppressed} suppressed</p>
<nav class="toc">${toc}</nav>
${sections.filter((section) => section !== '').join('\n').replace(/<table\b/g, '<div class="scroll"><table').replace(/<\/table>/g, '</table></div>')}
</main>
</body>
</html>
`;
}

const REACH_LEGEND = `<p class="note">Reaches: <span class="status violation">✗</span> violation · <span class="status suppressed">⚠</span> suppressed (reason given) · <span class="status allowed">✓</span> allowed by the policy.</p>`;

function badge(level: Level | undefined, label?: string): string {
  return level === undefined ? `<span class="badge none">${h(label ?? 'unclassified')}</span>` : `<span class="badge ${level}">${h(label ?? LEVEL_TITLES[level])}</span>`;
}

function status(value: FlowStatus, ruleIds: readonly string[], reason?: string): string {
  const text = `${STATUS_MARK[value]} ${describeStatus(value, ruleIds)}${reason === undefined ? '' : ` (${reason})`}`;
  return `<span class="status ${value}">${h(text)}</span>`;
}

function summarySection(model: ReportModel): string {
  const cards = LEVELS_DESCENDING.map((level) => {
    const fields = model.fieldsByLevel.get(level) ?? [];
    return `<div class="card ${level}"><div class="count">${fields.length}</div><div class="label">${h(LEVEL_TITLES[level])} fields</div></div>`;
  }).join('');
  const { allowed, violation, suppressed } = model.counts;
  const flows = `<div class="card"><div class="count">${allowed + violation + suppressed}</div><div class="label">flows into sinks: <span class="status allowed">${allowed} allowed</span>, <span class="status violation">${violation} violations</span>, <span class="status suppressed">${suppressed} suppressed</span></div></div>`;
  const rows = LEVELS_DESCENDING.map((level) => {
    const fields = model.fieldsByLevel.get(level) ?? [];
    const reaching = fields.filter((entry) => (model.reachesBySource.get(entry.field.id) ?? []).length > 0).length;
    const violations = model.inventory.flows.filter((flow) => flow.level === level && flow.status === 'violation').length;
    return `<tr><td>${badge(level)}</td><td class="num">${fields.length}</td><td class="num">${reaching}</td><td class="num">${violations}</td></tr>`;
  }).join('');
  const names = (groups: readonly SinkGroup[]): string => (groups.length === 0 ? 'none' : groups.map((group) => `<code>${h(group.sink.callee)}</code>`).join(', '));
  return `<section id="summary"><h2>Summary</h2><div class="cards">${cards}${flows}</div>
<table class="summary"><thead><tr><th>Class</th><th class="num">Fields</th><th class="num">Fields reaching a sink</th><th class="num">Violations</th></tr></thead><tbody>${rows}</tbody></table>
<p>Third parties reached: ${names(model.thirdParties)}. Processors reached: ${model.processors.length === 0 ? 'none' : model.processors.map((group) => `${h(group.vendor)} (${h(group.received.map((entry) => entry.kind).join(', '))})`).join(', ')}. Other regions reached: ${names(model.otherRegions)}.</p></section>`;
}

function reachList(list: readonly Reach[], fallback: string): string {
  if (list.length === 0) return `<span class="muted">${h(fallback)}</span>`;
  // one line per sink kind: `log: ✗ console.error (console), ⚠ auditLog.info (winston) — no-pii-logging`
  const byKind = new Map<string, Reach[]>();
  for (const entry of list) byKind.set(entry.sink.kind, [...(byKind.get(entry.sink.kind) ?? []), entry]);
  return `<ul class="reach">${[...byKind]
    .map(([kind, entries]) => {
      const sinks = entries.map((entry) => `<span class="status ${entry.status}" title="${entry.status}">${STATUS_MARK[entry.status]}</span>&nbsp;<code>${h(entry.sink.callee)}</code>&nbsp;<span class="muted">(${h(entry.sink.module)})</span>`).join(', ');
      const rules = [...new Set(entries.flatMap((entry) => entry.ruleIds))];
      return `<li><span class="kind">${h(kind)}</span>: ${sinks}${rules.length > 0 ? ` <span class="muted">— ${h(rules.join(', '))}</span>` : ''}</li>`;
    })
    .join('')}</ul>`;
}

function fieldReaches(model: ReportModel, field: FieldEntry): string {
  const level = field.classification?.level;
  const fallback = level === undefined ? '—' : level === 'internal' || level === 'public' ? 'not followed (below Confidential)' : 'no sink reached';
  return reachList(model.reachesBySource.get(field.id) ?? [], fallback);
}

function levelSection(model: ReportModel, level: Level): string {
  const fields = model.fieldsByLevel.get(level) ?? [];
  const head = `<section id="class-${level}"><h2>${badge(level)} ${h(LEVEL_TITLES[level])} data</h2>`;
  if (fields.length === 0) return `${head}<p class="note">No ${h(LEVEL_TITLES[level])} fields.</p></section>`;
  const rows = fields.map(({ field, label }) => {
    const classification = field.classification;
    if (classification === undefined) return '';
    return `<tr><td class="key"><code>${h(label)}</code></td><td class="key">${h(classification.kind)}</td><td>${h(evidence(classification))}</td><td class="path">${h(`${field.file}:${field.line}`)}</td><td>${fieldReaches(model, field)}</td></tr>`;
  }).join('');
  return `${head}${REACH_LEGEND}<table class="class-table" data-class="${level}"><thead><tr><th>Field</th><th>Kind</th><th>Evidence</th><th>Declared at</th><th>Reaches</th></tr></thead><tbody>${rows}</tbody></table></section>`;
}

function typesSection(model: ReportModel): string {
  const parts = model.classifiedTypes.map((type) => {
    const rows = type.fields.map((field) => {
      const classification = field.classification;
      const klass = classification === undefined ? badge(undefined, field.contains.length > 0 ? 'contains classified data' : 'unclassified') : badge(classification.level);
      const kind = classification?.kind ?? (field.contains.length > 0 ? field.contains.join(', ') : '—');
      const why = classification === undefined ? '—' : evidence(classification);
      return `<tr><td class="key"><code>${h(field.name)}</code></td><td><code>${h(field.typeText)}</code></td><td class="key">${klass}</td><td>${h(kind)}</td><td>${h(why)}</td><td>${fieldReaches(model, field)}</td></tr>`;
    }).join('');
    return `<h3 id="type-${h(type.name.replace(/[^\w.-]/g, '_'))}"><code>${h(type.name)}</code> <span class="muted">${h(type.declaration)} at ${h(`${type.file}:${type.line}`)}</span></h3>
<table class="type-table" data-type="${h(type.name)}"><thead><tr><th>Field</th><th>Type</th><th>Class</th><th>Kind</th><th>Evidence</th><th>Reaches</th></tr></thead><tbody>${rows}</tbody></table>`;
  });
  return `<section id="types"><h2>Classified types</h2><p class="note">Every type with a classified field, with all of its fields.</p>${REACH_LEGEND}${parts.join('\n') || '<p class="note">None.</p>'}</section>`;
}

function otherSourcesSection(model: ReportModel): string {
  if (model.otherSources.length === 0) return '';
  const rows = model.otherSources.map((source) => `<tr><td><code>${h(source.label)}</code></td><td>${badge(source.level)}</td><td>${h(source.kind)}</td><td>${h(evidence(source))}</td><td class="path">${h(`${source.file}:${source.line}`)}</td><td>${reachList(model.reachesBySource.get(source.id) ?? [], '—')}</td></tr>`).join('');
  return `<section id="other-sources"><h2>Other classified values</h2><p class="note">Parameters, variables, literals and object keys the engine classified where they flow into a sink.</p>
<table><thead><tr><th>Value</th><th>Class</th><th>Kind</th><th>Evidence</th><th>At</th><th>Reaches</th></tr></thead><tbody>${rows}</tbody></table></section>`;
}

function flowsSection(model: ReportModel): string {
  const legend = `<div class="legend"><span class="allowed">allowed</span><span class="violation">violation</span><span class="suppressed">suppressed</span></div>`;
  if (model.flowsByKind.size === 0) return `<section id="flows"><h2>Flows by sink kind</h2><p class="note">No classified data reaches a sink.</p></section>`;
  const parts = [...model.flowsByKind].map(([kind, flows], index) => {
    const rows = flows.map((flow) => `<tr><td><code>${h(model.sourceName(flow))}</code></td><td>${badge(flow.level)}</td><td>${h(flow.kind)}</td><td><code>${h(flow.sink.callee)}</code></td><td>${h(flow.sink.module)}</td><td>${status(flow.status, flow.ruleId === undefined ? [] : [flow.ruleId], flow.suppressionReason)}</td><td class="path">${h(`${flow.file}:${flow.line}`)}</td></tr>`).join('');
    return `<h3 id="flows-${h(kind)}">${h(kind)} <span class="muted">— ${h(SINK_KIND_LIMITS[kind])}</span></h3>
<figure>${flowDiagram(model, kind, flows, index)}<figcaption>${h(kind)}: classified sources (left) and the sinks they reach (right).</figcaption></figure>
<details><summary>${flows.length} flow${flows.length === 1 ? '' : 's'} in detail</summary><table><thead><tr><th>Source</th><th>Class</th><th>Kind</th><th>Sink</th><th>Module</th><th>Status</th><th>At</th></tr></thead><tbody>${rows}</tbody></table></details>`;
  });
  return `<section id="flows"><h2>Flows by sink kind</h2>${legend}${parts.join('\n')}</section>`;
}

const ROW_HEIGHT = 30;
const BOX_HEIGHT = 24;
const CHAR_WIDTH = 7.3;
const MAX_LABEL = 56;
const GAP = 190;

/** Sources on the left, sinks on the right, one curve per (source, sink) coloured by status. */
function flowDiagram(model: ReportModel, kind: SinkKind, flows: readonly FlowEntry[], index: number): string {
  const sources = new Map<string, { name: string; level: Level }>();
  const sinks = new Map<string, { label: string; title: string }>();
  const edges = new Map<string, { from: string; to: string; status: FlowStatus; title: string }>();
  for (const flow of [...flows].sort((a, b) => LEVELS_DESCENDING.indexOf(a.level) - LEVELS_DESCENDING.indexOf(b.level) || model.sourceName(a).localeCompare(model.sourceName(b)))) {
    const name = model.sourceName(flow);
    if (!sources.has(name)) sources.set(name, { name, level: flow.level });
    const sinkId = `${flow.sink.callee}|${flow.sink.module}`;
    if (!sinks.has(sinkId)) sinks.set(sinkId, { label: `${flow.sink.callee} (${flow.sink.module})`, title: `${flow.sink.callee} — ${flow.sink.module}: ${flow.sink.reason}` });
    const key = `${name}|${sinkId}`;
    const existing = edges.get(key);
    const rank = (value: FlowStatus): number => (value === 'violation' ? 2 : value === 'suppressed' ? 1 : 0);
    if (existing === undefined || rank(flow.status) > rank(existing.status)) {
      edges.set(key, { from: name, to: sinkId, status: flow.status, title: `${name} → ${flow.sink.callee}: ${describeStatus(flow.status, flow.ruleId === undefined ? [] : [flow.ruleId])}` });
    }
  }
  const sourceList = [...sources.values()];
  // sinks ordered by the mean position of their sources, which keeps crossings down
  const sourceIndex = new Map(sourceList.map((source, i) => [source.name, i]));
  const barycenter = (sinkId: string): number => {
    const positions = [...edges.values()].filter((edge) => edge.to === sinkId).map((edge) => sourceIndex.get(edge.from) ?? 0);
    return positions.reduce((sum, value) => sum + value, 0) / Math.max(1, positions.length);
  };
  const sinkList = [...sinks.entries()].sort(([a], [b]) => barycenter(a) - barycenter(b));
  const clip = (text: string): string => (text.length > MAX_LABEL ? `${text.slice(0, MAX_LABEL - 1)}…` : text);
  const boxWidth = (labels: readonly string[]): number => Math.round(Math.min(MAX_LABEL, Math.max(12, ...labels.map((label) => clip(label).length))) * CHAR_WIDTH + 24);
  const leftWidth = boxWidth(sourceList.map((source) => source.name));
  const rightWidth = boxWidth(sinkList.map(([, sink]) => sink.label));
  const rows = Math.max(sourceList.length, sinkList.length);
  const height = rows * ROW_HEIGHT + 12;
  const width = leftWidth + GAP + rightWidth + 4;
  // the shorter column is spread out (up to 2.5 rows apart) and centred against the longer one
  const place = (count: number, i: number): number => {
    const spacing = Math.min(ROW_HEIGHT * 2.5, (rows * ROW_HEIGHT) / Math.max(1, count));
    return (rows * ROW_HEIGHT - count * spacing) / 2 + (spacing - ROW_HEIGHT) / 2 + i * spacing + 6;
  };
  const sourceY = new Map(sourceList.map((source, i) => [source.name, place(sourceList.length, i)]));
  const sinkY = new Map(sinkList.map(([id], i) => [id, place(sinkList.length, i)]));
  const rightX = leftWidth + GAP;
  const markers = (['allowed', 'violation', 'suppressed'] as const)
    .map((value) => `<marker id="arrow-${index}-${value}" viewBox="0 0 10 10" refX="9" refY="5" markerUnits="userSpaceOnUse" markerWidth="8" markerHeight="8" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="${STATUS_COLOR[value]}"/></marker>`)
    .join('');
  // edges leave and enter their boxes at spread-out points, in the order of the other end
  const edgeList = [...edges.values()];
  type Edge = (typeof edgeList)[number];
  const spread = (side: 'from' | 'to', edge: Edge, top: number): number => {
    const otherY = (e: Edge): number => (side === 'from' ? (sinkY.get(e.to) ?? 0) : (sourceY.get(e.from) ?? 0));
    const siblings = edgeList.filter((candidate) => candidate[side] === edge[side]).sort((a, b) => otherY(a) - otherY(b));
    return top + 4 + ((siblings.indexOf(edge) + 1) * (BOX_HEIGHT - 8)) / (siblings.length + 1);
  };
  const paths = edgeList.map((edge) => {
    const y1 = spread('from', edge, sourceY.get(edge.from) ?? 0);
    const y2 = spread('to', edge, sinkY.get(edge.to) ?? 0);
    const x1 = leftWidth + 2;
    const x2 = rightX - 2;
    const dash = edge.status === 'suppressed' ? ' stroke-dasharray="6 4"' : '';
    return `<path d="M${x1},${y1} C${x1 + GAP / 2},${y1} ${x2 - GAP / 2},${y2} ${x2},${y2}" fill="none" stroke="${STATUS_COLOR[edge.status]}" stroke-width="1.6" stroke-opacity="0.85"${dash} marker-end="url(#arrow-${index}-${edge.status})" class="edge ${edge.status}"><title>${h(edge.title)}</title></path>`;
  }).join('');
  const sourceBoxes = sourceList.map((source) => {
    const y = sourceY.get(source.name) ?? 0;
    return `<g class="source"><title>${h(`${source.name} (${LEVEL_TITLES[source.level]})`)}</title><rect x="1" y="${y}" width="${leftWidth}" height="${BOX_HEIGHT}" rx="4" fill="${LEVEL_FILL[source.level]}" stroke="${LEVEL_STROKE[source.level]}"/><text x="12" y="${y + 16}">${h(clip(source.name))}</text></g>`;
  }).join('');
  const sinkBoxes = sinkList.map(([id, sink]) => {
    const y = sinkY.get(id) ?? 0;
    return `<g class="sink"><title>${h(sink.title)}</title><rect x="${rightX}" y="${y}" width="${rightWidth}" height="${BOX_HEIGHT}" rx="4" fill="#eceff1" stroke="#455a64"/><text x="${rightX + 12}" y="${y + 16}">${h(clip(sink.label))}</text></g>`;
  }).join('');
  return `<svg xmlns="http://www.w3.org/2000/svg" class="flow-diagram" data-sink-kind="${h(kind)}" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-label="${h(`Flows into ${kind} sinks`)}" font-family="ui-monospace, SFMono-Regular, Menlo, Consolas, monospace" font-size="12" fill="#1f2933"><defs>${markers}</defs>${paths}${sourceBoxes}${sinkBoxes}</svg>`;
}

function sinkGroupSection(id: string, title: string, groups: readonly SinkGroup[], note: string): string {
  const head = `<section id="${id}"><h2>${h(title)}</h2><p class="note">${h(note)}</p>`;
  if (groups.length === 0) return `${head}<p>No classified data reaches them.</p></section>`;
  const rows = groups.map((group) => `<tr><td><code>${h(group.sink.callee)}</code></td><td>${h(group.sink.kind)}</td><td>${h(group.sink.module)}</td><td>${h(group.sink.reason)}</td><td>${group.sources.map((source) => `<code>${h(source)}</code>`).join(' ')}</td><td>${status(group.status, group.ruleIds)}</td></tr>`).join('');
  return `${head}<table><thead><tr><th>Sink</th><th>Kind</th><th>Module</th><th>Why it is a sink</th><th>Data</th><th>Status</th></tr></thead><tbody>${rows}</tbody></table></section>`;
}

function processorsSection(model: ReportModel): string {
  const head = `<section id="processors"><h2>Processors</h2><p class="note">${h(PROCESSORS_NOTE)}</p>`;
  if (model.processors.length === 0) return `${head}<p>No classified data reaches a processor.</p></section>`;
  const rows = model.processors
    .map((group) => {
      const received = group.received.map((entry) => (entry.allowed ? `<code>${h(entry.kind)}</code>` : `<span class="status violation">✗ <code>${h(entry.kind)}</code></span>`)).join(' ');
      return `<tr><td>${h(group.vendor)}</td><td>${group.callees.map((callee) => `<code>${h(callee)}</code>`).join(' ')}</td><td>${h(group.allowedKinds.join(', '))}</td><td>${received}</td><td>${group.sources.map((source) => `<code>${h(source)}</code>`).join(' ')}</td><td>${status(group.status, group.ruleIds)}</td></tr>`;
    })
    .join('');
  return `${head}<table><thead><tr><th>Vendor</th><th>Calls</th><th>May receive</th><th>Receives in this project</th><th>Data</th><th>Status</th></tr></thead><tbody>${rows}</tbody></table></section>`;
}

function dimensionsSection(inventory: Inventory): string {
  if (inventory.dimensions.length === 0) return '';
  const rows = inventory.dimensions.map((dimension) => `<tr><td><code>${h(dimension.name)}</code></td><td>${dimension.problem === 'url-value' ? 'value is a URL or path' : 'name not allow-listed'}</td><td><code>${h(dimension.sink.callee)}</code> <span class="muted">(${h(dimension.sink.module)})</span></td><td class="path">${h(`${dimension.file}:${dimension.line}`)}</td><td>${status(dimension.status, dimension.ruleId === undefined ? [] : [dimension.ruleId], dimension.suppressionReason)}</td></tr>`).join('');
  return `<section id="dimensions"><h2>Telemetry dimensions</h2><p class="note">Dimension names outside the allow-list, and dimensions carrying a full URL or path.</p><table><thead><tr><th>Dimension</th><th>Problem</th><th>Sink</th><th>At</th><th>Status</th></tr></thead><tbody>${rows}</tbody></table></section>`;
}

function suppressionsSection(inventory: Inventory): string {
  const head = '<section id="suppressions"><h2>Suppressions</h2>';
  if (inventory.suppressions.length === 0) return `${head}<p class="note">No suppression comments.</p></section>`;
  const rows = inventory.suppressions.map((suppression) => {
    const reason = suppression.reason === '' ? '<span class="status violation">no reason given: not honoured</span>' : h(suppression.reason);
    const covers = suppression.covers.length === 0 ? '<span class="muted">nothing (unused)</span>' : suppression.covers.map((cover) => h(cover)).join('<br>');
    return `<tr><td class="path">${h(`${suppression.file}:${suppression.line}`)}</td><td>${h(suppression.ruleIds.join(', '))}</td><td>${reason}</td><td>${covers}</td></tr>`;
  }).join('');
  return `${head}<table><thead><tr><th>At</th><th>Rules</th><th>Reason</th><th>Covers</th></tr></thead><tbody>${rows}</tbody></table></section>`;
}

function declassificationsSection(inventory: Inventory): string {
  const head = '<section id="declassifications"><h2>Declassifications</h2>';
  if (inventory.declassifications.length === 0) return `${head}<p class="note">No declassifications.</p></section>`;
  const rows = inventory.declassifications.map((entry) => {
    const form = describeDeclassificationForm(entry.form);
    const verdict = entry.ruleId === undefined ? '<span class="status allowed">✓ reviewed</span>' : `<span class="status violation">${h(`✗ ${entry.ruleId}`)}</span>`;
    return `<tr><td class="path">${h(`${entry.file}:${entry.line}`)}</td><td>${form}</td><td><code>${h(entry.label)}</code></td><td>${h(entry.detail)}</td><td>${verdict}</td></tr>`;
  }).join('');
  return `${head}<table><thead><tr><th>At</th><th>Form</th><th>Data</th><th>Reason or target</th><th>Status</th></tr></thead><tbody>${rows}</tbody></table></section>`;
}

function accessPathsSection(inventory: Inventory): string {
  const head = '<section id="access-paths"><h2>Support access paths</h2><p class="note">Reads of customer data in code marked as support or operator access, and the elements of the access clause guarding each (require-access-grant).</p>';
  if (inventory.accessPaths.length === 0) return `${head}<p class="note">No support access code reads customer data.</p></section>`;
  const cell = (value: string): string => `<td><span class="status ${value.startsWith('✓') ? 'allowed' : 'violation'}">${h(value)}</span></td>`;
  const rows = inventory.accessPaths.map((entry) => {
    const { grant, region, audit } = describeAccessPath(entry);
    return `<tr><td><code>${h(entry.entryPoint)}</code></td><td>${h(entry.markedBy)}</td><td><code>${h(entry.read)}</code> ${h(`(${entry.kind}, ${entry.level})`)}</td><td class="path">${h(`${entry.file}:${entry.line}`)}</td>${cell(grant)}${cell(region)}${cell(audit)}</tr>`;
  }).join('');
  return `${head}<table><thead><tr><th>Entry point</th><th>Marked by</th><th>Data read</th><th>At</th><th>Grant</th><th>Region</th><th>Audit</th></tr></thead><tbody>${rows}</tbody></table></section>`;
}
