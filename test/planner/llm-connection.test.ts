// "Test connection" reports what the server accepts, and the Hugging Face router's structured-output
// providers are chosen from its /v1/models list (the fake lists providers the way the router does).
import { describe, expect, it } from 'vitest';
import type { Settings } from '../../src-shared/settings';
import { structuredOutputModel } from '../../src-main/platform/hf-router-providers';
import { LlmCapabilityMemory } from '../../src-main/platform/llm-capabilities';
import { azureUrlProblem, testLlmConnection } from '../../src-main/platform/llm-connection-check';
import { createOpenAiChatModel } from '../../src-main/platform/openai-chat';
import { fakeLlmSettings, useFakeLlm } from '../support/fake-llm-per-file';
import { openAiReasoningRefusal, tgiRefusal } from '../support/llm-server-quirks';

const fake = useFakeLlm('{"ok": true}');
const llm = (patch: Partial<Settings['llm']> = {}): Settings['llm'] => fakeLlmSettings(fake, { retries: 1, ...patch });
const routerUrl = () => fake.baseURL.replace(/\/v1$/, '');

describe('testLlmConnection', () => {
  it('says what a TGI-style server accepts', async () => {
    fake.refuse(tgiRefusal);
    const check = await testLlmConnection(llm({ model: 'tgi-a' }), { memory: new LlmCapabilityMemory() });
    expect(check.ok).toBe(true);
    expect(check.message).toContain('structured output: no (plain JSON, read leniently)');
    expect(check.message).toContain('streamed token counts: reported');
  });

  it('says when a reasoning model takes max_completion_tokens and only its default temperature', async () => {
    fake.refuse(openAiReasoningRefusal('temperature-first'));
    const check = await testLlmConnection(llm({ model: 'deployment-b' }), { memory: new LlmCapabilityMemory() });
    expect(check.message).toMatch(/answer limit: max_completion_tokens \(reasoning model\); temperature: the model's default/);
  });

  it('says when streamed token counts are estimates (LM Studio)', async () => {
    fake.script('{"ok": true}', { text: 'OK', omitUsage: true });
    const check = await testLlmConnection(llm({ model: 'lmstudio-c' }), { memory: new LlmCapabilityMemory() });
    expect(check.message).toContain('streamed token counts: estimated');
  });

  it('reports the reason of a failure', async () => {
    fake.refuse(() => ({ status: 401, contentType: 'application/json', body: '{"error": {"message": "Incorrect API key provided"}}' }));
    const check = await testLlmConnection(llm({ model: 'd' }), { memory: new LlmCapabilityMemory() });
    expect(check).toMatchObject({ ok: false, message: expect.stringContaining('refused the API key (HTTP 401): Incorrect API key provided') });
  });
});

describe('azureUrlProblem', () => {
  it('asks for the v1 base URL of an Azure resource, and says nothing about other servers', () => {
    expect(azureUrlProblem('https://contoso.openai.azure.com/openai/deployments/gpt5')).toBe('Azure OpenAI needs its v1 base URL, https://contoso.openai.azure.com/openai/v1, with the deployment name as the model');
    expect(azureUrlProblem('https://contoso.openai.azure.com/openai/v1/')).toBeUndefined();
    expect(azureUrlProblem('http://127.0.0.1:1234/v1')).toBeUndefined();
  });
});

describe('the Hugging Face router', () => {
  const providers = [
    { provider: 'novita', status: 'live', supports_structured_output: false },
    { provider: 'cerebras', status: 'live', supports_structured_output: true },
  ];

  it('picks a provider that supports structured output when one is needed, reading /v1/models once', async () => {
    fake.models([{ id: 'meta-llama/Llama-3.3-70B-Instruct', object: 'model', providers }]);
    const chat = createOpenAiChatModel(llm({ model: 'meta-llama/Llama-3.3-70B-Instruct' }), { memory: new LlmCapabilityMemory(), routerUrl: routerUrl() });
    const schema = { name: 's', schema: { type: 'object' } };
    await chat.complete({ messages: [{ role: 'user', content: 'plan' }], jsonSchema: schema });
    await chat.complete({ messages: [{ role: 'user', content: 'write' }] });
    expect(fake.requests.map((r) => r.model)).toEqual(['meta-llama/Llama-3.3-70B-Instruct:cerebras', 'meta-llama/Llama-3.3-70B-Instruct']);
    expect(chat.capabilities().notes.join(' ')).toContain('structured output through meta-llama/Llama-3.3-70B-Instruct:cerebras');
  });

  it('asks for plain JSON from the start when no provider supports structured output', async () => {
    fake.models([{ id: 'x/y', providers: [providers[0]] }]);
    const chat = createOpenAiChatModel(llm({ model: 'x/y' }), { memory: new LlmCapabilityMemory(), routerUrl: routerUrl() });
    await chat.complete({ messages: [{ role: 'user', content: 'plan' }], jsonSchema: { name: 's', schema: {} } });
    expect(fake.requests).toHaveLength(1);
    expect(fake.requests[0].response_format).toBeUndefined();
  });

  it('keeps a provider the user named, unless the router says it cannot do structured output', () => {
    expect(structuredOutputModel('a/b:cerebras', [{ provider: 'cerebras', structuredOutput: true }])).toBe('a/b:cerebras');
    expect(structuredOutputModel('a/b:novita', [{ provider: 'novita', structuredOutput: false }])).toBeUndefined();
    expect(structuredOutputModel('a/b', [{ provider: 'p', structuredOutput: true }, { provider: 'q', status: 'staging', structuredOutput: false }])).toBe('a/b');
  });
});
