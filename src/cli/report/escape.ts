/**
 * Escaping for the report formats. Everything printed in a report — field and type names,
 * labels, reasons, suppression comments — comes from the analysed code, so every string goes
 * through one of these, and each first masks card numbers (`****1387`): a report never prints
 * a full card number, whatever the code contains.
 */
import { maskCardNumbersInText } from '../../engine/card-numbers.js';

/** Text for HTML element content and attribute values (also safe inside inline SVG). */
export function escapeHtml(text: string): string {
  return maskCardNumbersInText(text)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** Plain Markdown text, safe in a table cell: no emphasis, links, HTML or cell breaks. */
export function escapeMarkdown(text: string): string {
  return maskCardNumbersInText(text)
    .replace(/\r?\n/g, ' ')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/([\\`*_[\]|~])/g, '\\$1');
}

/**
 * A Markdown code span, safe in a table cell. Inside a code span nothing is interpreted except
 * the fence and, in GFM tables, `|` — so the fence is chosen longer than any backtick run in the
 * text and `|` is escaped.
 */
export function markdownCode(text: string): string {
  const masked = maskCardNumbersInText(text).replace(/\r?\n/g, ' ').replace(/\|/g, '\\|');
  if (masked === '') return '';
  const longestRun = Math.max(0, ...(masked.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longestRun + 1);
  const pad = masked.startsWith('`') || masked.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${masked}${pad}${fence}`;
}
