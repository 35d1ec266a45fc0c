/**
 * Maps the engine's findings to tsc-native diagnostics, tsec's pattern: the rule's fixed
 * `diagnosticCode`, `source: 'classified'`, the message prefixed `[<rule-id>]`, the category from
 * the configured severity and the trace as `relatedInformation`. Problems of the transform
 * itself (bad options, an unusable config, a file the engine could not analyse) use
 * `TRANSFORM_DIAGNOSTIC_CODE`.
 */
import ts from 'typescript';
import type { AnalysisResult, Finding, TraceStep } from '../engine/index.js';
import type { RuleDefinition } from '../engine/define-rule.js';

/** The code of diagnostics about the transform itself rather than a rule (rules use 990001–990099). */
export const TRANSFORM_DIAGNOSTIC_CODE = 990000;

const SOURCE = 'classified';

/** Converts one finding; `program` must be the Program the finding was computed on. */
export function findingToDiagnostic(program: ts.Program, finding: Finding, rules: readonly RuleDefinition[]): ts.Diagnostic {
  const code = rules.find((rule) => rule.id === finding.ruleId)?.meta.diagnosticCode ?? TRANSFORM_DIAGNOSTIC_CODE;
  return {
    category: finding.severity === 'error' ? ts.DiagnosticCategory.Error : ts.DiagnosticCategory.Warning,
    code,
    source: SOURCE,
    file: program.getSourceFile(finding.file),
    start: finding.start,
    length: finding.end - finding.start,
    messageText: `[${finding.ruleId}] ${finding.message}`,
    relatedInformation: finding.trace.map((step) => traceStepToDiagnostic(program, step, code)),
  };
}

/**
 * Converts the engine's own problems (analysis of a file failed or was cut short) to warnings.
 * Syntax errors are left out: tsc reports them itself.
 */
export function engineProblemsToDiagnostics(program: ts.Program, problems: AnalysisResult['diagnostics']): ts.Diagnostic[] {
  return problems
    .filter((problem) => !problem.message.startsWith('syntax error'))
    .map((problem) => ({
      category: ts.DiagnosticCategory.Warning,
      code: TRANSFORM_DIAGNOSTIC_CODE,
      source: SOURCE,
      file: program.getSourceFile(problem.file),
      start: undefined,
      length: undefined,
      messageText: `[classified] ${problem.message}`,
    }));
}

/** A diagnostic about the transform's options or config, with no file. */
export function transformErrorToDiagnostic(message: string): ts.Diagnostic {
  return {
    category: ts.DiagnosticCategory.Error,
    code: TRANSFORM_DIAGNOSTIC_CODE,
    source: SOURCE,
    file: undefined,
    start: undefined,
    length: undefined,
    messageText: `[classified] ${message}`,
  };
}

function traceStepToDiagnostic(program: ts.Program, step: TraceStep, code: number): ts.DiagnosticRelatedInformation {
  const file = program.getSourceFile(step.file);
  if (file === undefined) {
    return { category: ts.DiagnosticCategory.Message, code, file: undefined, start: undefined, length: undefined, messageText: step.note };
  }
  const start = getPositionOrUndefined(file, step.line - 1, step.column - 1);
  return {
    category: ts.DiagnosticCategory.Message,
    code,
    file,
    start,
    length: start === undefined ? undefined : getStepLength(file, start),
    messageText: step.note,
  };
}

function getPositionOrUndefined(file: ts.SourceFile, line: number, character: number): number | undefined {
  if (line < 0 || line >= file.getLineStarts().length) return undefined;
  return file.getPositionOfLineAndCharacter(line, character);
}

/**
 * How much of the step to underline: the outermost node that starts at the step and ends on its
 * line (the expression, not the statement around a multi-line call), else the token there.
 */
function getStepLength(file: ts.SourceFile, start: number): number {
  const line = file.getLineAndCharacterOfPosition(start).line;
  let best: ts.Node | undefined;
  let token: ts.Node | undefined;
  const visit = (node: ts.Node): void => {
    if (node.pos > start || node.end <= start) return;
    if (node.getStart(file) === start) {
      token = node;
      if (best === undefined && file.getLineAndCharacterOfPosition(node.end).line === line) best = node;
    }
    ts.forEachChild(node, visit);
  };
  ts.forEachChild(file, visit);
  const chosen = best ?? token;
  return chosen === undefined ? 0 : chosen.end - start;
}
