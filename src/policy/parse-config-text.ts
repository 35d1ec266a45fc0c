/**
 * Parses the text of a `classified.config.json` the way tsconfig.json files are read: JSON with
 * comments and trailing commas, by `jsonc-parser` (the parser VS Code reads settings and tsconfig
 * files with). A syntax error comes back as a problem naming the line, the column and the JSON
 * path where the text stops making sense, with a short reason; it never echoes the file beyond
 * the single offending character. The parser recurses once per nesting level, so nesting is
 * measured first with its scanner, which does not: a config nested deeper than the limit is
 * refused before it is parsed.
 */
import { createScanner, getLocation, parse, printParseErrorCode, SyntaxKind, type JSONPath, type ParseError } from 'jsonc-parser';

export interface ConfigTextProblem {
  /** JSON path of where the problem is, as property names and array indexes */
  readonly path: JSONPath;
  /** what was expected there: `valid JSON at line 3, column 21: unexpected "}" (...)` */
  readonly expected: string;
}

export type ParsedConfigText = { readonly value: unknown; readonly problem?: undefined } | { readonly problem: ConfigTextProblem };

type ParseErrorName = ReturnType<typeof printParseErrorCode>;

/** Errors the parser reports at a token that does not fit: the message names that token first. */
const TOKEN_ERRORS: ReadonlySet<ParseErrorName> = new Set([
  'InvalidSymbol',
  'PropertyNameExpected',
  'ValueExpected',
  'ColonExpected',
  'CommaExpected',
  'CloseBraceExpected',
  'CloseBracketExpected',
  'EndOfFileExpected',
]);

const REASONS: Readonly<Record<ParseErrorName, string>> = {
  InvalidSymbol: 'not a JSON value',
  InvalidNumberFormat: 'not a valid number',
  PropertyNameExpected: 'expected a property name in double quotes',
  ValueExpected: 'expected a value',
  ColonExpected: 'expected ":" after the property name',
  CommaExpected: 'expected "," between entries',
  CloseBraceExpected: 'expected "," or "}"',
  CloseBracketExpected: 'expected "," or "]"',
  EndOfFileExpected: 'more than one top-level value',
  InvalidCommentToken: 'not a valid comment',
  UnexpectedEndOfComment: 'unterminated /* comment',
  UnexpectedEndOfString: 'unterminated string (a string ends on the line it starts)',
  UnexpectedEndOfNumber: 'not a valid number',
  InvalidUnicode: 'invalid \\u escape (needs 4 hex digits)',
  InvalidEscapeCharacter: 'invalid escape in string',
  InvalidCharacter: 'control character in string (use an escape such as \\n)',
  '<unknown ParseErrorCode>': 'not valid JSON',
};

/** Parses `text` (without a BOM), or says where and why it cannot, or that it nests deeper than `maxDepth`. */
export function parseConfigText(text: string, maxDepth: number): ParsedConfigText {
  const tooDeep = findNestingBeyond(text, maxDepth);
  if (tooDeep !== undefined) {
    const { line, column } = toLineAndColumn(text, tooDeep);
    return { problem: { path: getPathAt(text, tooDeep), expected: `nesting at most ${maxDepth} levels deep (line ${line}, column ${column})` } };
  }
  const errors: ParseError[] = [];
  const value: unknown = parse(text, errors, { allowTrailingComma: true, disallowComments: false, allowEmptyContent: false });
  const error = errors[0];
  if (error === undefined) return { value };
  const { line, column } = toLineAndColumn(text, error.offset);
  return { problem: { path: getPathAt(text, error.offset), expected: `valid JSON at line ${line}, column ${column}: ${describeError(text, error)}` } };
}

function describeError(text: string, error: ParseError): string {
  const name = printParseErrorCode(error.error);
  if (!TOKEN_ERRORS.has(name)) return REASONS[name];
  const character = text[error.offset];
  const found = character === undefined ? 'unexpected end of input' : `unexpected ${JSON.stringify(character)}`;
  return `${found} (${name === 'InvalidSymbol' ? describeInvalidSymbol(text, error.offset) : REASONS[name]})`;
}

/** Explains the usual ways hand-written config strays from JSON. */
function describeInvalidSymbol(text: string, offset: number): string {
  const character = text.charAt(offset);
  if (character === "'") return 'strings and property names need double quotes';
  const path = getLocation(text, offset).path;
  if (path[path.length - 1] === '' && /[A-Za-z_$]/.test(character)) return 'property names need double quotes';
  return REASONS.InvalidSymbol;
}

/** The path of the value or property at `offset`; a property name not yet written is left off. */
function getPathAt(text: string, offset: number): JSONPath {
  const path = getLocation(text, offset).path;
  return path[path.length - 1] === '' ? path.slice(0, -1) : path;
}

/** Offset of the first `{` or `[` nested deeper than `maxDepth`, scanning tokens without recursion. */
function findNestingBeyond(text: string, maxDepth: number): number | undefined {
  const scanner = createScanner(text, true);
  let depth = 0;
  for (let token = scanner.scan(); token !== SyntaxKind.EOF; token = scanner.scan()) {
    if (token === SyntaxKind.OpenBraceToken || token === SyntaxKind.OpenBracketToken) {
      depth++;
      if (depth > maxDepth) return scanner.getTokenOffset();
    } else if (token === SyntaxKind.CloseBraceToken || token === SyntaxKind.CloseBracketToken) {
      depth--;
    }
  }
  return undefined;
}

function toLineAndColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let index = text.indexOf('\n'); index !== -1 && index < offset; index = text.indexOf('\n', index + 1)) {
    line++;
    lineStart = index + 1;
  }
  return { line, column: offset - lineStart + 1 };
}
