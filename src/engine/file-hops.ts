/**
 * Files as a hop (issue "sinks as products reach them"): rows written to a file and the file read
 * back later — `createWriteStream(path).write(row)`, then `createReadStream(path)` uploaded for
 * fine-tuning. What a read of a path returns is what the project writes to the same path: the
 * same constant or variable, the same string literal, or the same `this.outputPath`. Node's `fs`
 * (and `fs/promises`) only, resolved through its typings.
 */
import ts from 'typescript';
import type { CheckerFacade } from './checker.js';
import { getCalleeName, skipOuterExpressions, type FileIndex } from './file-index.js';
import { resolveConstInitializer } from './sinks.js';

/** `fs` functions that return a file's content (or a stream or blob of it), path first. */
const FILE_READERS: ReadonlySet<string> = new Set(['createReadStream', 'readFile', 'readFileSync', 'openAsBlob']);
/** `fs` functions that write their second argument to the path in their first. */
const FILE_WRITERS: ReadonlySet<string> = new Set(['writeFile', 'writeFileSync', 'appendFile', 'appendFileSync']);
/** Methods of a `WriteStream` that write their first argument. */
const STREAM_WRITERS: ReadonlySet<string> = new Set(['write', 'end']);

/** A path as the code names it: a symbol (a constant, variable or parameter), a literal's text, or a member chain's text. */
type PathKey = ts.Symbol | string;

export class FileHops {
  private writes: Map<PathKey, ts.Expression[]> | undefined;

  constructor(
    private readonly facade: CheckerFacade,
    private readonly getProjectFiles: () => readonly ts.SourceFile[],
    private readonly getFileIndex: (file: ts.SourceFile) => FileIndex,
  ) {}

  /** The values the project writes to the file `call` reads, or undefined when `call` reads no file it can name. */
  getWrittenValues(call: ts.CallExpression, declaration: ts.SignatureDeclaration | undefined): readonly ts.Expression[] | undefined {
    const name = getCalleeName(call.expression);
    if (name === undefined || !FILE_READERS.has(name) || !isNodeFs(declaration)) return undefined;
    const [first] = call.arguments;
    const key = first === undefined ? undefined : this.getPathKey(first);
    if (key === undefined) return undefined;
    this.writes ??= this.collectWrites();
    return this.writes.get(key) ?? [];
  }

  private collectWrites(): Map<PathKey, ts.Expression[]> {
    const writes = new Map<PathKey, ts.Expression[]>();
    const add = (pathArgument: ts.Expression | undefined, value: ts.Expression | undefined): void => {
      const key = pathArgument === undefined ? undefined : this.getPathKey(pathArgument);
      if (key === undefined || value === undefined) return;
      const list = writes.get(key);
      if (list === undefined) writes.set(key, [value]);
      else list.push(value);
    };
    for (const file of this.getProjectFiles()) {
      const { callsByName } = this.getFileIndex(file);
      for (const name of FILE_WRITERS) {
        for (const call of callsByName.get(name) ?? []) {
          if (ts.isCallExpression(call) && isNodeFs(this.facade.getCalledDeclaration(call))) add(call.arguments[0], call.arguments[1]);
        }
      }
      for (const name of STREAM_WRITERS) {
        for (const call of callsByName.get(name) ?? []) {
          const callee = skipOuterExpressions(call.expression);
          if (!ts.isCallExpression(call) || !ts.isPropertyAccessExpression(callee)) continue;
          // `out.write(row)` with `const out = fs.createWriteStream(path)`
          const stream = resolveConstInitializer(skipOuterExpressions(callee.expression), this.facade);
          if (ts.isCallExpression(stream) && getCalleeName(stream.expression) === 'createWriteStream' && isNodeFs(this.facade.getCalledDeclaration(stream))) add(stream.arguments[0], call.arguments[0]);
        }
      }
    }
    return writes;
  }

  private getPathKey(expression: ts.Expression): PathKey | undefined {
    const node = skipOuterExpressions(expression);
    if (ts.isStringLiteralLike(node)) return `"${node.text}"`;
    if (ts.isIdentifier(node)) return this.facade.getSymbol(node);
    if (ts.isPropertyAccessExpression(node)) return node.getText().replace(/\s+/g, '');
    return undefined;
  }
}

/** Declared by Node's `fs` or `fs/promises` typings. */
function isNodeFs(declaration: ts.Declaration | undefined): boolean {
  if (declaration === undefined) return false;
  const fileName = declaration.getSourceFile().fileName.replace(/\\/g, '/');
  return /\/@types\/node\/fs(?:\/promises)?\.d\.ts$/.test(fileName);
}
