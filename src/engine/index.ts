/**
 * The engine's public surface for the front ends: analyse a Program, the findings' shape, and
 * the rule definition API.
 */
export { analyzeProgram, getFileIndex, type AnalysisResult, type AnalyzeOptions } from './analyze.js';
export { defineRule, formatMessage, getRuleDocsUrl, type RuleDefinition, type RuleMeta, type RuleReport } from './define-rule.js';
export type { EngineFact } from './facts.js';
export type { Confidence, Finding, Severity, SinkInfo, SourceInfo, TraceStep } from './findings-types.js';
export { createAnalysisCompilerHost, createProgramFromTsconfig, ProjectError, resolveTsconfigPath } from './project.js';
export { createSourceFileCache, type SourceFileCache, type SourceFileCacheOptions } from './source-file-cache.js';
export { maskCardNumbersInText } from './card-numbers.js';
export { countByModule, mergeUnseen, NOTHING_UNSEEN, type UnresolvedCall, type UnresolvedImport, type Unseen } from './unseen.js';
