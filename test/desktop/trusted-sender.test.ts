import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy } from '../../src-shared/content-security-policy';
import { createTrustedSenderCheck, isExternalWebUrl } from '../../src-main/app/trusted-sender';

const indexPath = '/opt/studio/out/renderer/index.html';
const indexUrl = pathToFileURL(indexPath).toString();

describe('IPC sender check', () => {
  it('trusts only the built renderer page in production', () => {
    const trusted = createTrustedSenderCheck({ indexPath });
    expect(trusted(indexUrl)).toBe(true);
    expect(trusted(`${indexUrl}#/settings`)).toBe(true);
    expect(trusted('file:///opt/studio/out/renderer/other.html')).toBe(false);
    expect(trusted('file:///opt/studio/out/renderer/../renderer/index.html')).toBe(true);
    expect(trusted('file:///etc/index.html')).toBe(false);
    expect(trusted('file://evil-host/opt/studio/out/renderer/index.html')).toBe(false);
    expect(trusted('http://localhost:5173/')).toBe(false);
    expect(trusted('https://example.com/')).toBe(false);
    expect(trusted('about:blank')).toBe(false);
    expect(trusted('')).toBe(false);
    expect(trusted(undefined)).toBe(false);
  });

  it('trusts the dev server origin in development', () => {
    const trusted = createTrustedSenderCheck({ indexPath, devServerUrl: 'http://localhost:5173' });
    expect(trusted('http://localhost:5173/')).toBe(true);
    expect(trusted('http://localhost:5173/#/runs')).toBe(true);
    expect(trusted('http://localhost:5174/')).toBe(false);
    expect(trusted('http://localhost.evil.com:5173/')).toBe(false);
    expect(createTrustedSenderCheck({ indexPath, devServerUrl: 'javascript:alert(1)' })('javascript:alert(1)')).toBe(false);
  });

  it('hands only web links to the OS browser', () => {
    expect(isExternalWebUrl('https://huggingface.co/facebook/detr-resnet-50')).toBe(true);
    expect(isExternalWebUrl('file:///etc/passwd')).toBe(false);
    expect(isExternalWebUrl('smb://host/share')).toBe(false);
    expect(isExternalWebUrl('https://user:pw@host/')).toBe(false);
    expect(isExternalWebUrl('not a url')).toBe(false);
  });
});

describe('content security policy', () => {
  it('allows only our own scripts and the resource protocol in production', () => {
    const csp = contentSecurityPolicy();
    expect(csp).toContain("script-src 'self';");
    expect(csp).not.toContain('unsafe-eval');
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toMatch(/img-src [^;]*hgs-resource:/);
    expect(csp).not.toMatch(/https?:/);
  });

  it('lets the dev server run inline scripts and its websocket in development only', () => {
    const csp = contentSecurityPolicy({ devServerUrl: 'http://localhost:5173' });
    expect(csp).toContain("script-src 'self' 'unsafe-inline'");
    expect(csp).toMatch(/connect-src [^;]*ws:\/\/localhost:5173/);
  });
});
