// The library's hard-coded Hugging Face hosts are rewritten to the configured ones, and the token never leaves them.
import { describe, expect, it } from 'vitest';
import { hfHostsFetch, rewriteHfUrl } from '../../src-main/platform/inference/hf-hosts';

const hosts = { hubUrl: 'http://127.0.0.1:9001/', routerUrl: 'https://proxy.corp.example/hf-router' };

describe('configured Hugging Face hosts', () => {
  it('rewrites the router and the Hub, and nothing else', () => {
    expect(rewriteHfUrl('https://router.huggingface.co/hf-inference/models/a/b', hosts)).toBe('https://proxy.corp.example/hf-router/hf-inference/models/a/b');
    expect(rewriteHfUrl('https://huggingface.co/api/models/a/b?expand[]=inferenceProviderMapping', hosts)).toBe('http://127.0.0.1:9001/api/models/a/b?expand[]=inferenceProviderMapping');
    expect(rewriteHfUrl('https://huggingface.company.com/x', hosts)).toBe('https://huggingface.company.com/x');
    expect(rewriteHfUrl('https://v3.fal.media/files/out.png', hosts)).toBe('https://v3.fal.media/files/out.png');
  });

  it('sends the Authorization header only to the configured hosts', async () => {
    const seen: Array<[string, string | null]> = [];
    const base: typeof fetch = async (input, init) => {
      seen.push([String(input), new Headers(init?.headers).get('authorization')]);
      return new Response('{}');
    };
    const wrapped = hfHostsFetch(base, hosts);
    const auth = { headers: { Authorization: 'Bearer hf_secret' } };
    await wrapped('https://router.huggingface.co/fal-ai/x', auth);
    await wrapped('https://huggingface.co/api/models/a/b', auth);
    await wrapped('https://cdn.provider.example/result.png', auth);
    expect(seen).toEqual([
      ['https://proxy.corp.example/hf-router/fal-ai/x', 'Bearer hf_secret'],
      ['http://127.0.0.1:9001/api/models/a/b', 'Bearer hf_secret'],
      ['https://cdn.provider.example/result.png', null],
    ]);
  });
});
