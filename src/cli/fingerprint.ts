/**
 * Finding fingerprints for baselines: an identity for a finding that survives line moves and
 * unrelated edits. A fingerprint hashes what the finding is about — rule id, file (relative to
 * the project root, `/` separators), sink callee, source label, the normalised text of the
 * statement that contains it — plus an occurrence index among findings with that same tuple in
 * the file. Line and column numbers are deliberately left out: inserting lines above a finding,
 * re-indenting it or editing other statements does not change its fingerprint; editing the
 * statement itself does (the code changed, so the finding counts as new).
 *
 * Pure: no file system, no checker — the caller hands in the parsed SourceFile of each file.
 */
import { createHash } from 'node:crypto';
import path from 'node:path';
import ts from 'typescript';

/** What a fingerprint is computed from (a subset of the engine's `Finding`). */
export interface FingerprintInput {
  readonly ruleId: string;
  /** absolute path */
  readonly file: string;
  /** offsets of the finding in its file */
  readonly start: number;
  readonly end: number;
  readonly sink?: { readonly callee: string };
  readonly source?: { readonly label: string };
}

export interface FingerprintOptions {
  /** directory the file paths are made relative to (the folder of the `--project` tsconfig) */
  readonly projectRoot: string;
  /** the parsed file, or undefined when it is not available (the statement text is then empty) */
  readonly getSourceFile: (file: string) => ts.SourceFile | undefined;
}

/** Placeholder for a nested block that does not contain the finding. */
const ELIDED_BLOCK = '{…}';

/**
 * Returns one fingerprint (32 hex digits) per input, in input order. Occurrence indexes count
 * identical tuples in document order (by start offset, then end), independent of input order.
 */
export function computeFingerprints(findings: readonly FingerprintInput[], options: FingerprintOptions): string[] {
  const statementHashes = new Map<string, string>();
  const tuples = findings.map((finding) => {
    const sourceFile = options.getSourceFile(finding.file);
    const statement = sourceFile === undefined ? '' : getStatementText(sourceFile, finding.start, finding.end);
    let statementHash = statementHashes.get(statement);
    if (statementHash === undefined) {
      statementHash = sha256(statement);
      statementHashes.set(statement, statementHash);
    }
    return [finding.ruleId, toProjectPath(finding.file, options.projectRoot), finding.sink?.callee ?? '', finding.source?.label ?? '', statementHash];
  });
  const order = findings.map((_, index) => index).sort((a, b) => {
    const left = findings[a];
    const right = findings[b];
    if (left === undefined || right === undefined) return 0;
    return left.start - right.start || left.end - right.end || a - b;
  });
  const seen = new Map<string, number>();
  const fingerprints: string[] = new Array<string>(findings.length).fill('');
  for (const index of order) {
    const key = JSON.stringify(tuples[index]);
    const occurrence = seen.get(key) ?? 0;
    seen.set(key, occurrence + 1);
    fingerprints[index] = sha256(JSON.stringify([...(tuples[index] ?? []), occurrence])).slice(0, 32);
  }
  return fingerprints;
}

/** `file` relative to `projectRoot` with `/` separators. */
export function toProjectPath(file: string, projectRoot: string): string {
  return path.relative(projectRoot, file).split(path.sep).join('/');
}

/**
 * The normalised text of the innermost statement (or class member) containing `[start, end)`:
 * its tokens joined by single spaces — whitespace collapsed, comments dropped — with nested
 * blocks that do not contain the finding replaced by `{…}`, so that editing a function body does
 * not change the fingerprint of a finding in the function's signature or in an `if` condition.
 */
export function getStatementText(sourceFile: ts.SourceFile, start: number, end: number): string {
  const statement = findEnclosingStatement(sourceFile, start, end);
  const tokens: string[] = [];
  const visit = (node: ts.Node): void => {
    if (node.kind >= ts.SyntaxKind.FirstJSDocNode && node.kind <= ts.SyntaxKind.LastJSDocNode) return;
    if (node !== statement && isBlockLike(node) && !(node.getStart(sourceFile) <= start && end <= node.getEnd())) {
      tokens.push(ELIDED_BLOCK);
      return;
    }
    const children = node.getChildren(sourceFile);
    if (children.length === 0) {
      const text = node.getText(sourceFile);
      if (text !== '') tokens.push(text.replace(/\s+/g, ' '));
      return;
    }
    for (const child of children) visit(child);
  };
  visit(statement);
  return tokens.join(' ');
}

function findEnclosingStatement(sourceFile: ts.SourceFile, start: number, end: number): ts.Node {
  let found: ts.Node = sourceFile;
  let node: ts.Node | undefined = sourceFile;
  while (node !== undefined) {
    const parent: ts.Node = node;
    node = ts.forEachChild(parent, (child) => (child.getStart(sourceFile) <= start && end <= child.getEnd() ? child : undefined));
    if (node !== undefined && isStatementLike(node)) found = node;
  }
  return found;
}

function isStatementLike(node: ts.Node): boolean {
  return (ts.isStatement(node) && !ts.isBlock(node)) || ts.isClassElement(node) || ts.isTypeElement(node) || ts.isEnumMember(node);
}

function isBlockLike(node: ts.Node): boolean {
  return ts.isBlock(node) || ts.isModuleBlock(node) || ts.isCaseBlock(node);
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}
