/**
 * Finds where JSON text stops being valid JSON, as a 1-based line and column with a short reason.
 * `JSON.parse` in Node 20 often reports no position (and quotes the input), so the config loader
 * calls this after a parse failure to tell users exactly where to look. It is a scanner only: it
 * builds no values, keeps an explicit stack instead of recursing (deep nesting cannot overflow),
 * and never echoes the file's content beyond the single offending character.
 */

export interface JsonSyntaxErrorLocation {
  /** 0-based offset in UTF-16 code units */
  readonly offset: number;
  readonly line: number;
  readonly column: number;
  /** what went wrong, in words: `unexpected "}"` */
  readonly reason: string;
  /** the likely cause, when it is a common one: `trailing commas are not allowed` */
  readonly hint?: string;
}

type Container = 'object' | 'array';
type Expecting = 'value' | 'key' | 'after-value';

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const ESCAPABLE = new Set(['"', '\\', '/', 'b', 'f', 'n', 'r', 't']);
const HEX_DIGIT = /^[0-9a-fA-F]$/;
const WHITESPACE = new Set([' ', '\t', '\n', '\r']);

/**
 * Returns the first syntax error in `text`, or undefined when `text` is valid JSON. A leading
 * BOM is an error here, as in `JSON.parse`: strip it first.
 */
export function locateJsonSyntaxError(text: string): JsonSyntaxErrorLocation | undefined {
  const stack: Container[] = [];
  let expecting: Expecting = 'value';
  let offset = 0;
  // Set when the previous token was a comma, to explain `[1,]` and `{"a":1,}`.
  let afterComma = false;

  const fail = (at: number, reason: string, hint?: string): JsonSyntaxErrorLocation => ({
    offset: at,
    ...toLineAndColumn(text, at),
    reason,
    ...(hint === undefined ? {} : { hint }),
  });
  const unexpected = (at: number, hint?: string): JsonSyntaxErrorLocation => {
    const character = text[at];
    if (character === undefined) return fail(at, 'unexpected end of input');
    return fail(at, `unexpected ${JSON.stringify(character)}`, hint);
  };

  for (;;) {
    while (offset < text.length && WHITESPACE.has(text.charAt(offset))) offset++;
    const character = text[offset];

    if (expecting === 'after-value') {
      const container = stack[stack.length - 1];
      if (container === undefined) {
        return character === undefined ? undefined : unexpected(offset, 'more than one top-level value');
      }
      if (character === ',') {
        offset++;
        afterComma = true;
        expecting = container === 'object' ? 'key' : 'value';
      } else if (character === (container === 'object' ? '}' : ']')) {
        stack.pop();
        offset++;
      } else {
        return unexpected(offset, `expected "," or "${container === 'object' ? '}' : ']'}"`);
      }
      continue;
    }

    if (expecting === 'key') {
      if (character !== '"') {
        if (afterComma && character === '}') return unexpected(offset, 'trailing commas are not allowed');
        if (character !== undefined && /[A-Za-z_$]/.test(character)) {
          return unexpected(offset, 'property names need double quotes');
        }
        return unexpected(offset, hintFor(character));
      }
      const stringEnd = scanString(text, offset);
      if (typeof stringEnd !== 'number') return fail(stringEnd.offset, stringEnd.reason);
      offset = stringEnd;
      while (offset < text.length && WHITESPACE.has(text.charAt(offset))) offset++;
      if (text[offset] !== ':') return unexpected(offset, 'expected ":" after the property name');
      offset++;
      afterComma = false;
      expecting = 'value';
      continue;
    }

    // expecting a value
    if (character === '{' || character === '[') {
      offset++;
      stack.push(character === '{' ? 'object' : 'array');
      afterComma = false;
      while (offset < text.length && WHITESPACE.has(text.charAt(offset))) offset++;
      if (text[offset] === (character === '{' ? '}' : ']')) {
        stack.pop();
        offset++;
        expecting = 'after-value';
      } else {
        expecting = character === '{' ? 'key' : 'value';
      }
      continue;
    }
    if (afterComma && character === ']') return unexpected(offset, 'trailing commas are not allowed');
    afterComma = false;
    if (character === '"') {
      const stringEnd = scanString(text, offset);
      if (typeof stringEnd !== 'number') return fail(stringEnd.offset, stringEnd.reason);
      offset = stringEnd;
    } else if (character === '-' || (character !== undefined && character >= '0' && character <= '9')) {
      NUMBER.lastIndex = offset;
      const match = NUMBER.exec(text);
      if (match === null) return unexpected(offset + 1, 'not a valid number');
      offset += match[0].length;
    } else {
      const literal = ['true', 'false', 'null'].find((word) => text.startsWith(word, offset));
      if (literal === undefined) return unexpected(offset, hintFor(character));
      offset += literal.length;
    }
    expecting = 'after-value';
  }
}

/** Scans the string starting at the quote at `start`; returns the offset after its closing quote. */
function scanString(text: string, start: number): number | { offset: number; reason: string } {
  let offset = start + 1;
  for (;;) {
    const character = text[offset];
    if (character === undefined) return { offset: start, reason: 'unterminated string' };
    if (character === '"') return offset + 1;
    if (character < ' ') {
      return { offset, reason: 'control character in string (use an escape such as \\n)' };
    }
    if (character === '\\') {
      const escaped = text[offset + 1];
      if (escaped === 'u') {
        const hex = text.slice(offset + 2, offset + 6);
        if (hex.length !== 4 || ![...hex].every((digit) => HEX_DIGIT.test(digit))) {
          return { offset, reason: 'invalid \\u escape (needs 4 hex digits)' };
        }
        offset += 6;
        continue;
      }
      if (escaped === undefined || !ESCAPABLE.has(escaped)) {
        return { offset, reason: 'invalid escape in string' };
      }
      offset += 2;
      continue;
    }
    offset++;
  }
}

/** Explains the usual ways hand-written config strays from JSON. */
function hintFor(character: string | undefined): string | undefined {
  if (character === '/') return 'comments are not allowed in JSON';
  if (character === "'") return 'strings need double quotes';
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
