// The planning prompt: lean, complete (every task type from the registry), with valid demonstrations.
import { describe, expect, it } from 'vitest';
import demonstrations from '../../resources/planner-demonstrations.json';
import { TASK_TYPES } from '../../src-shared/tasks';
import { PLAN_JSON_SCHEMA, planMessages, systemPrompt } from '../../src-main/engine/planner/prompt';
import { countChatTokens } from '../../src-main/engine/planner/token-count';
import { parsePlanText } from '../../src-main/engine/planner/parse-plan';
import { validatePlan } from '../../src-main/engine/planner/validate-plan';
import { userResourcesIn } from '../../src-main/engine/planner/user-resources';

describe('planning prompt', () => {
  it('lists every task type of the registry with its ports', () => {
    const prompt = systemPrompt();
    for (const spec of TASK_TYPES) expect(prompt).toContain(spec.type);
    expect(prompt).toContain('text, context:text -> text: question-answering');
    expect(prompt).toContain('<resource>-N');
    expect(prompt).toContain('[-1]');
  });

  it('stays well under 1,500 tokens with demonstrations and a little history', async () => {
    const messages = planMessages({
      request: 'Now read the caption aloud.',
      history: [{ role: 'user', content: 'Describe photo.jpg' }, { role: 'assistant', content: 'It shows a dog on a beach.' }],
      attachments: ['scan.png'],
    });
    const tokens = await countChatTokens(messages);
    expect(tokens).toBeGreaterThan(300);
    expect(tokens).toBeLessThan(1_100);
  });

  it('carries the history and attachments in the final message, demonstrations as turns', () => {
    const messages = planMessages({ request: 'Caption it again', history: [{ role: 'user', content: 'Here is photo.jpg' }], attachments: ['scan.png'] });
    const last = messages.at(-1)!.content;
    expect(last).toContain('user: Here is photo.jpg');
    expect(last).toContain('Attached files: scan.png');
    expect(last.endsWith('Request: Caption it again')).toBe(true);
    expect(messages.filter((m) => m.role === 'assistant')).toHaveLength(demonstrations.length);
    expect(planMessages({ request: 'hi', history: [], attachments: [] }).at(-1)!.content).toBe('hi');
  });

  it('has demonstrations of every request kind that are themselves valid plans', () => {
    expect(demonstrations.map((d) => d.kind).sort()).toEqual(['conversation', 'graph', 'sequential', 'single']);
    for (const demo of demonstrations) {
      const tasks = parsePlanText(JSON.stringify(demo.tasks));
      expect(validatePlan(tasks, { userResources: userResourcesIn(demo.request) }).issues).toEqual([]);
    }
  });

  it('offers a strict JSON schema whose task enum is the registry', () => {
    const items = (PLAN_JSON_SCHEMA.schema as any).properties.tasks.items;
    expect(items.properties.task.enum).toEqual(TASK_TYPES.map((t) => t.type));
    expect(items.properties.args.required).toEqual(expect.arrayContaining(['text', 'image', 'audio', 'context']));
  });
});
