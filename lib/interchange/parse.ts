import { validateDocument, type Validation } from './validate';

/** Size limits for uploads, stated in the UI, the API and the shell. */
export const JSON_IMPORT_LIMIT = 10 * 1024 * 1024;
export const CSV_IMPORT_LIMIT = 2 * 1024 * 1024;

export const formatBytes = (n: number) => (n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(n % (1024 * 1024) ? 1 : 0)} MB` : `${Math.ceil(n / 1024)} KB`);

export function tooLargeMessage(size: number, limit: number, what: string): string {
  return `The ${what} is ${formatBytes(size)}; the limit is ${formatBytes(limit)}. Split it or remove what is not needed.`;
}

/** JSON text → a validated interchange document, or errors with the path of each. */
export function parseDocumentText(text: string): Validation {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { ok: false, errors: [{ path: '/', message: jsonSyntaxMessage(text) }] };
  }
  return validateDocument(value);
}

/** Where the JSON text stops being JSON, as an editor shows it: line and column, both from 1. */
export function jsonSyntaxMessage(text: string): string {
  const offset = jsonErrorOffset(text);
  if (offset < 0) return 'Not valid JSON.';
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  const column = offset - before.lastIndexOf('\n');
  if (offset >= text.length) return `Not valid JSON: the file ends too soon, at line ${line}, column ${column}; something is missing before the end.`;
  return `Not valid JSON at line ${line}, column ${column}: ${JSON.stringify(text[offset])} cannot come there.`;
}

const WHITESPACE = new Set([' ', '\t', '\n', '\r']);
const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const ESCAPE = /\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4})/y;

/**
 * The offset of the first character of `text` that JSON cannot have there (`text.length` when it
 * ends too soon, -1 when it is all valid). JSON.parse says where only in some of its messages, and as
 * an offset; this reads the text the way it does. A loop with a stack, not recursion, so a deeply
 * nested file cannot overflow it.
 */
export function jsonErrorOffset(text: string): number {
  let i = 0;
  const open: string[] = [];
  // Past the end text[i] is undefined, which is no whitespace.
  const skipSpace = () => {
    while (WHITESPACE.has(text[i])) i++;
  };
  /** Past a string starting at i; false at the character that breaks it. */
  const string = (): boolean => {
    i++;
    while (i < text.length) {
      const c = text[i];
      if (c === '"') return (i++, true);
      if (c < ' ') return false;
      if (c === '\\') {
        ESCAPE.lastIndex = i;
        if (!ESCAPE.test(text)) return false;
        i = ESCAPE.lastIndex;
      } else i++;
    }
    return false;
  };
  let expect: 'value' | 'key' | 'after' = 'value';
  for (;;) {
    skipSpace();
    if (expect === 'after') {
      const top = open.at(-1);
      if (top === undefined) return i < text.length ? i : -1;
      if (text[i] === ',') {
        i++;
        expect = top === '{' ? 'key' : 'value';
      } else if (text[i] === (top === '{' ? '}' : ']')) {
        i++;
        open.pop();
      } else return i;
      continue;
    }
    if (expect === 'key') {
      if (text[i] !== '"' || !string()) return i;
      skipSpace();
      if (text[i] !== ':') return i;
      i++;
      expect = 'value';
      continue;
    }
    const c = text[i];
    if (c === '{' || c === '[') {
      open.push(c);
      i++;
      skipSpace();
      if (text[i] === (c === '{' ? '}' : ']')) {
        i++;
        open.pop();
        expect = 'after';
      } else expect = c === '{' ? 'key' : 'value';
      continue;
    }
    if (c === '"') {
      if (!string()) return i;
    } else {
      const literal = ['true', 'false', 'null'].find((l) => text.startsWith(l, i));
      NUMBER.lastIndex = i;
      if (literal) i += literal.length;
      else if (NUMBER.test(text)) i = NUMBER.lastIndex;
      else return i;
    }
    expect = 'after';
  }
}
