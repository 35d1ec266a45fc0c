/**
 * The built-in catalog against the real `.d.ts` files of the installed packages: every call,
 * `new` expression and assignment in `fixtures/catalog/src` goes through the engine's
 * `SinkResolver` (and `fetch`/axios calls through its `HttpSinkResolver` with the built-in
 * processor hosts), and the sink kinds recognised on each line must equal the line's marker.
 *
 * Markers (a trailing comment on the line):
 * - `// sink: <kind>[, <kind>]` — the line holds a call/assignment recognised as that sink kind
 * - `// not-sink` — nothing on the line is a sink (text after it, e.g. `(limitation: ...)`, is a note)
 * - `// sanitizer: <public|internal>` — a call on the line is a sanitizer
 * - `// not-sanitizer` — no call on the line is a sanitizer
 * A line without a sink marker must have no sink; a line without a sanitizer marker no sanitizer.
 * Markers are read only from lines that hold code, so prose comments may mention them.
 */
import path from 'node:path';
import ts from 'typescript';
import { describe, it, expect } from 'vitest';
import { CheckerFacade } from '../src/engine/checker.js';
import { indexFile } from '../src/engine/file-index.js';
import { createProgramFromTsconfig } from '../src/engine/project.js';
import { HttpSinkResolver } from '../src/engine/http-sinks.js';
import { SinkResolver } from '../src/engine/sinks.js';
import { BUILTIN_PROCESSOR_HOSTS, BUILTIN_SANITIZERS, BUILTIN_SINKS } from '../src/policy/catalog.js';
import { SINK_KINDS } from '../src/policy/types.js';

const ROOT = path.resolve(__dirname, '..');
const FIXTURE = path.join(ROOT, 'fixtures', 'catalog');

const program = createProgramFromTsconfig(path.join(FIXTURE, 'tsconfig.json'));
const isProjectFile = (file: ts.SourceFile): boolean =>
  !program.isSourceFileDefaultLibrary(file) && !program.isSourceFileFromExternalLibrary(file) && !/[\\/]node_modules[\\/]/.test(file.fileName);
const facade = new CheckerFacade(program, program.getTypeChecker());
const resolver = new SinkResolver(facade, BUILTIN_SINKS, BUILTIN_SANITIZERS, isProjectFile);
const http = new HttpSinkResolver(facade, [], BUILTIN_PROCESSOR_HOSTS);
const fixtureFiles = program.getSourceFiles().filter((file) => !file.isDeclarationFile && isProjectFile(file));

interface LineMarkers {
  /** sorted sink kinds; [] for `not-sink`; undefined when unmarked */
  sink?: string[];
  /** 'internal' | 'public' | 'none'; undefined when unmarked */
  sanitizer?: string;
}

const MARKER = /\/\/\s*(sink:\s*([a-z-]+(?:\s*,\s*[a-z-]+)*)|not-sink|sanitizer:\s*([a-z]+)|not-sanitizer)/g;

function parseMarkers(file: ts.SourceFile): Map<number, LineMarkers> {
  const markers = new Map<number, LineMarkers>();
  file.text.split(/\r?\n/).forEach((text, index) => {
    // markers trail code; comment-only lines (prose that mentions a marker) are not marked
    if (/^\s*(\/\/|\/\*|\*)/.test(text)) return;
    for (const match of text.matchAll(MARKER)) {
      const line = index + 1;
      const entry = markers.get(line) ?? {};
      if (match[2] !== undefined) {
        const kinds = match[2].split(',').map((kind) => kind.trim());
        for (const kind of kinds) {
          if (!(SINK_KINDS as readonly string[]).includes(kind)) throw new Error(`${path.basename(file.fileName)}:${line}: unknown sink kind in marker: ${kind}`);
        }
        entry.sink = [...new Set(kinds)].sort();
      } else if (match[1] === 'not-sink') {
        entry.sink = [];
      } else if (match[3] !== undefined) {
        entry.sanitizer = match[3];
      } else {
        entry.sanitizer = 'none';
      }
      markers.set(line, entry);
    }
  });
  return markers;
}

/** The line a call is attributed to: where its callee's name is written (`info` in `logger\n.info(...)`). */
function lineOf(file: ts.SourceFile, node: ts.Node): number {
  return file.getLineAndCharacterOfPosition(node.getStart(file)).line + 1;
}

function calleeAnchor(call: ts.CallExpression | ts.NewExpression): ts.Node {
  let callee: ts.Expression = call.expression;
  while (ts.isParenthesizedExpression(callee) || ts.isNonNullExpression(callee) || ts.isAsExpression(callee)) callee = callee.expression;
  if (ts.isPropertyAccessExpression(callee)) return callee.name;
  if (ts.isElementAccessExpression(callee)) return callee.argumentExpression;
  return callee;
}

interface Observed {
  sinks: Map<number, Set<string>>;
  sanitizers: Set<number>;
}

function observe(file: ts.SourceFile): Observed {
  const index = indexFile(file);
  const sinks = new Map<number, Set<string>>();
  const sanitizers = new Set<number>();
  const addSink = (line: number, kind: string): void => {
    const kinds = sinks.get(line) ?? new Set<string>();
    kinds.add(kind);
    sinks.set(line, kinds);
  };
  for (const call of index.calls) {
    const line = lineOf(file, calleeAnchor(call));
    const sink = resolver.getSinkForCall(call) ?? http.getSinkForCall(call);
    if (sink !== undefined) addSink(line, sink.kind);
    if (ts.isCallExpression(call) && resolver.isSanitizerCall(call)) sanitizers.add(line);
  }
  for (const assignment of index.assignments) {
    const sink = resolver.getSinkForAssignment(assignment);
    if (sink !== undefined) addSink(lineOf(file, assignment.left), sink.kind);
  }
  return { sinks, sanitizers };
}

function describeKinds(kinds: readonly string[] | undefined): string {
  return kinds === undefined || kinds.length === 0 ? 'no sink' : kinds.join(', ');
}

function mismatches(file: ts.SourceFile): string[] {
  const name = path.relative(FIXTURE, file.fileName);
  const markers = parseMarkers(file);
  const { sinks, sanitizers } = observe(file);
  const lines = new Set([...markers.keys(), ...sinks.keys(), ...sanitizers]);
  const problems: string[] = [];
  for (const line of [...lines].sort((a, b) => a - b)) {
    const marker = markers.get(line) ?? {};
    const expected = marker.sink ?? [];
    const got = [...(sinks.get(line) ?? [])].sort();
    if (expected.join(',') !== got.join(',')) {
      problems.push(`${name}:${line} expected ${describeKinds(expected)}${marker.sink === undefined ? ' (unmarked)' : ''} got ${describeKinds(got)}`);
    }
    const expectSanitizer = marker.sanitizer !== undefined && marker.sanitizer !== 'none';
    if (expectSanitizer !== sanitizers.has(line)) {
      problems.push(`${name}:${line} expected ${expectSanitizer ? `sanitizer (${marker.sanitizer})` : 'no sanitizer'} got ${sanitizers.has(line) ? 'sanitizer' : 'no sanitizer'}`);
    }
  }
  return problems;
}

describe('built-in sink catalog against fixtures/catalog', () => {
  it('builds a program with the fixture files and no type errors', () => {
    expect(fixtureFiles.length).toBeGreaterThan(0);
    const errors = ts
      .getPreEmitDiagnostics(program)
      .filter((diagnostic) => diagnostic.category === ts.DiagnosticCategory.Error)
      .map((diagnostic) => {
        const where = diagnostic.file === undefined || diagnostic.start === undefined ? '' : `${path.relative(FIXTURE, diagnostic.file.fileName)}:${diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start).line + 1} `;
        return `${where}${ts.flattenDiagnosticMessageText(diagnostic.messageText, ' ')}`;
      });
    expect(errors).toEqual([]);
  });

  for (const file of fixtureFiles) {
    it(path.relative(FIXTURE, file.fileName), () => {
      expect(mismatches(file).join('\n')).toBe('');
    });
  }

  // a processor without kinds would turn every Confidential kind into a finding, silently
  it('names the data kinds every processor may receive', () => {
    const processors = [...BUILTIN_SINKS.filter((entry) => entry.kind === 'processor'), ...BUILTIN_PROCESSOR_HOSTS];
    expect(processors.length).toBeGreaterThan(0);
    expect(processors.filter((entry) => (entry.kinds ?? []).length === 0)).toEqual([]);
  });
});
