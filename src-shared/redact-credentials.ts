// Credentials never leave in a URL: `http://user:password@host/...` is shown and recorded as `http://***@host/...`.

// scheme://userinfo@ where userinfo holds no '/', whitespace or '@' (RFC 3986 authority).
const USERINFO = /\b([a-z][a-z0-9+.-]*:\/\/)[^/\s@?#]+@/gi;

/**
 * Replaces the user name and password of every URL in `text` with `***`.
 * @example redactCredentials('cannot reach http://me:s3cret@10.0.0.5:8005/models/x') // 'cannot reach http://***@10.0.0.5:8005/models/x'
 */
export function redactCredentials(text: string): string {
  return text.includes('@') ? text.replace(USERINFO, '$1***@') : text;
}
