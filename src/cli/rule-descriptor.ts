/**
 * What the CLI's SARIF output needs to know about a rule: its id, its one-line description, where
 * its documentation lives and its default severity. The CLI builds these from the rule
 * definitions and hands them to `formatSarif`, which keeps the formatter free of engine imports.
 */

export interface RuleDescriptor {
  /** the fixed rule id, e.g. `no-pii-logging` */
  readonly id: string;
  /** the rule's `meta.docs.description` (starts with Disallow / Require / Enforce, no trailing period) */
  readonly description: string;
  /** absolute URL of `docs/rules/<id>.md` */
  readonly docsUrl: string;
  readonly defaultSeverity: 'error' | 'warn';
}
