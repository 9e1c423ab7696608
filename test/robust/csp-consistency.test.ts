// The page's policy is written once (src-shared/content-security-policy.ts); the meta tag of index.html, the
// fallback for pages read before any header, must say the same (issue 20, item 14).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy } from '../../src-shared/content-security-policy';

const directives = (policy: string) => new Map(policy.split(';').map((d) => d.trim().split(/\s+/)).map(([name, ...values]) => [name, values.sort().join(' ')]));

describe('Content-Security-Policy', () => {
  it('index.html carries the same policy as the headers (frame-ancestors only works as a header)', () => {
    const html = readFileSync('src-renderer/index.html', 'utf8');
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)![1];
    const header = directives(contentSecurityPolicy({ bridgeHosts: ['127.0.0.1:*', 'localhost:*'] }));
    header.delete('frame-ancestors');
    expect(directives(meta)).toEqual(header);
  });

  it('says what the README says: no inline scripts, no remote origin, never framed', () => {
    const policy = directives(contentSecurityPolicy());
    expect(policy.get('script-src')).toBe("'self'");
    expect(policy.get('frame-ancestors')).toBe("'none'");
    for (const name of ['object-src', 'frame-src', 'base-uri', 'form-action']) expect(policy.get(name)).toBe("'none'");
    for (const values of policy.values()) expect(values).not.toMatch(/https?:/);
  });
});
