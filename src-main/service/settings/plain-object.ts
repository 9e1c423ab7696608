// The one check the settings code makes before reading a field of a parsed JSON value (a settings file, a patch).

/** A JSON object as parsed: string keys, values not yet checked. */
export type PlainObject = Record<string, unknown>;

/** Whether `value` is a JSON object (not null, not an array). */
export const isPlainObject = (value: unknown): value is PlainObject => typeof value === 'object' && value !== null && !Array.isArray(value);
