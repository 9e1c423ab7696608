// A forgiving JSON reader for what LLMs write: single quotes, bare words, trailing or missing commas,
// comments, Python literals and stray closing brackets. It never auto-closes a cut-off document.

/** A JSON value as read. */
export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

/** Text the reader cannot turn into a value; `truncated` when the text ends inside a value. */
export class LenientJsonError extends Error {
  constructor(
    message: string,
    readonly position: number,
    readonly truncated: boolean,
  ) {
    super(message);
    this.name = 'LenientJsonError';
  }
}

const MAX_DEPTH = 64;
const CLOSING_QUOTE: Record<string, string> = { '"': '"', "'": "'", '`': '`', '\u201c': '\u201d', '\u2018': '\u2019' };
const LITERALS: Record<string, JsonValue> = { true: true, false: false, null: null, none: null, undefined: null, nil: null };
const ESCAPES: Record<string, string> = { n: '\n', t: '\t', r: '\r', b: '\b', f: '\f', '0': '\0' };
const NUMBER = /[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?/y;

/** Reads one value starting at `start`; returns it and the position after it. */
export function readLenientValue(text: string, start: number): { value: JsonValue; end: number } {
  const reader = new Reader(text, start);
  const value = reader.value(0);
  return { value, end: reader.pos };
}

/**
 * Reads a value and, when it is an object followed by more objects (`{..}, {..}` or one per line),
 * all of them as a list: the "objects without the outer brackets" LLMs write.
 */
export function readLenientSequence(text: string, start: number): { value: JsonValue; end: number } {
  const reader = new Reader(text, start);
  const first = reader.value(0);
  if (!isObject(first)) return { value: first, end: reader.pos };
  const items: JsonValue[] = [first];
  for (;;) {
    const mark = reader.pos;
    reader.skipSpace();
    if (reader.peek() === ',') {
      reader.pos++;
      reader.skipSpace();
    }
    if (reader.peek() !== '{') {
      reader.pos = mark;
      break;
    }
    items.push(reader.value(0));
  }
  return { value: items.length === 1 ? first : items, end: reader.pos };
}

/** Sets a property as an own one, so keys such as `__proto__` stay plain data. */
export function setOwn<T>(target: Record<string, T>, key: string, value: T): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

function isObject(value: JsonValue): value is { [key: string]: JsonValue } {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

class Reader {
  constructor(
    readonly text: string,
    public pos: number,
  ) {}

  peek(): string {
    return this.text[this.pos] ?? '';
  }

  fail(message: string, truncated = false): never {
    throw new LenientJsonError(message, this.pos, truncated);
  }

  /** Skips whitespace and `//`, `#` and block comments. */
  skipSpace(): void {
    const { text } = this;
    while (this.pos < text.length) {
      const c = text[this.pos];
      if (c === ' ' || c === '\n' || c === '\r' || c === '\t' || c === '\u00a0' || c === '\ufeff') this.pos++;
      else if ((c === '/' && text[this.pos + 1] === '/') || c === '#') {
        const end = text.indexOf('\n', this.pos);
        this.pos = end < 0 ? text.length : end + 1;
      } else if (c === '/' && text[this.pos + 1] === '*') {
        const end = text.indexOf('*/', this.pos + 2);
        this.pos = end < 0 ? text.length : end + 2;
      } else break;
    }
  }

  value(depth: number): JsonValue {
    if (depth > MAX_DEPTH) this.fail('the JSON is nested too deeply');
    this.skipSpace();
    const c = this.peek();
    if (c === '') this.fail('the text ends where a value should be', true);
    if (c === '{') return this.object(depth);
    if (c === '[') return this.array(depth);
    if (c in CLOSING_QUOTE) return this.string();
    NUMBER.lastIndex = this.pos;
    const number = NUMBER.exec(this.text);
    if (number && !/[\w<>/.-]/.test(this.text[this.pos + number[0].length] ?? '')) {
      this.pos += number[0].length;
      return Number(number[0]);
    }
    const word = this.bareWord(/[,}\]\n\r]/);
    if (word === '') this.fail(`unexpected "${c}"`);
    const key = word.toLowerCase();
    return Object.hasOwn(LITERALS, key) ? LITERALS[key] : word; // own keys only: "constructor" is a word
  }

  /** Reads unquoted text up to a delimiter, trimmed. */
  bareWord(stop: RegExp): string {
    const start = this.pos;
    while (this.pos < this.text.length && !stop.test(this.text[this.pos])) this.pos++;
    return this.text.slice(start, this.pos).trim();
  }

  string(): string {
    const close = CLOSING_QUOTE[this.text[this.pos]];
    const start = this.pos++;
    let out = '';
    for (;;) {
      const c = this.text[this.pos++];
      if (c === undefined) {
        this.pos = start;
        this.fail('a string is never closed', true);
      }
      if (c === close) return out;
      if (c !== '\\') {
        out += c;
        continue;
      }
      const e = this.text[this.pos++];
      if (e === undefined) this.fail('a string is never closed', true);
      if (e === 'u' && /^[0-9a-fA-F]{4}$/.test(this.text.slice(this.pos, this.pos + 4))) {
        out += String.fromCharCode(parseInt(this.text.slice(this.pos, this.pos + 4), 16));
        this.pos += 4;
      } else out += ESCAPES[e] ?? e;
    }
  }

  key(): string {
    const c = this.peek();
    if (c in CLOSING_QUOTE) return this.string();
    const word = this.bareWord(/[:=,{}[\]\n\r]/);
    if (word === '') this.fail(`expected a property name, found "${c}"`);
    return word;
  }

  object(depth: number): JsonValue {
    const open = this.pos++;
    const out: { [key: string]: JsonValue } = {};
    for (;;) {
      this.skipSpace();
      const c = this.peek();
      if (c === '') {
        this.pos = open;
        this.fail('an object is never closed', true);
      }
      if (c === '}') {
        this.pos++;
        return out;
      }
      if (c === ']') return out; // `[{"a": 1]`: the object's `}` is missing; the list closes it
      if (c === ',') {
        this.pos++;
        continue;
      }
      const key = this.key();
      this.skipSpace();
      if (this.peek() !== ':' && this.peek() !== '=') {
        if (this.peek() === '') this.fail('an object is never closed', true);
        this.fail(`expected ":" after "${key.slice(0, 40)}"`);
      }
      this.pos++;
      setOwn(out, key, this.value(depth + 1));
    }
  }

  array(depth: number): JsonValue {
    const open = this.pos++;
    const out: JsonValue[] = [];
    for (;;) {
      this.skipSpace();
      const c = this.peek();
      if (c === '') {
        this.pos = open;
        this.fail('a list is never closed', true);
      }
      if (c === ']') {
        this.pos++;
        return out;
      }
      if (c === ',' || c === '}') {
        this.pos++; // extra commas and stray `}` between items (as in the paper's own demonstrations)
        continue;
      }
      out.push(this.value(depth + 1));
    }
  }
}
