import { describe, expect, it } from 'vitest';
import { resolveResourcePath, resourceContentType, resourceUrl } from '../../src-main/app/resource-path';

const root = '/data/resources';
const hash = 'a'.repeat(64);
const name = `${hash}.png`;

describe('resource protocol path check', () => {
  it('maps hgs-resource://r/<hash>.<ext> into the resource store', () => {
    expect(resourceUrl(name)).toBe(`hgs-resource://r/${name}`);
    expect(resolveResourcePath(resourceUrl(name), root)).toBe(`${root}/${name}`);
    expect(resolveResourcePath(`hgs-resource://r/${name}?v=1`, root)).toBe(`${root}/${name}`);
  });

  it.each([
    ['parent folders', `hgs-resource://r/../${name}`],
    ['parent folders after the name', `hgs-resource://r/x/../../../etc/passwd`],
    ['a folded path ending in a valid name', `hgs-resource://r/${name}/../${name}`],
    ['a dot segment', `hgs-resource://r/./${name}`],
    ['encoded dots', `hgs-resource://r/%2e%2e/${name}`],
    ['encoded slash', `hgs-resource://r/..%2f${name}`],
    ['encoded name', `hgs-resource://r/%61${'a'.repeat(63)}.png`],
    ['backslashes', `hgs-resource://r/..\\..\\${name}`],
    ['an absolute path', 'hgs-resource://r//etc/passwd'],
    ['a sub folder', `hgs-resource://r/sub/${name}`],
    ['another host', `hgs-resource://x/${name}`],
    ['credentials', `hgs-resource://u:p@r/${name}`],
    ['a port', `hgs-resource://r:80/${name}`],
    ['another scheme', `file:///data/resources/${name}`],
    ['an upper-case hash', `hgs-resource://r/${'A'.repeat(64)}.png`],
    ['a short hash', `hgs-resource://r/${'a'.repeat(63)}.png`],
    ['no extension', `hgs-resource://r/${hash}`],
    ['a double extension', `hgs-resource://r/${name}.exe`],
    ['the folder itself', 'hgs-resource://r/'],
    ['not a URL', 'r/../x'],
  ])('refuses %s', (_label, url) => {
    expect(resolveResourcePath(url, root)).toBeNull();
  });

  it('serves known types by extension and the rest as bytes', () => {
    expect(resourceContentType(`${root}/${name}`)).toBe('image/png');
    expect(resourceContentType(`${root}/${hash}.wav`)).toBe('audio/wav');
    expect(resourceContentType(`${root}/${hash}.html`)).toBe('application/octet-stream');
  });
});
