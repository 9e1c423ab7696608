// The request of every contract channel as a zod schema: checked at the boundary (Electron IPC and the
// `serve` WebSocket) before any handler runs, so a handler only ever sees a well-formed request.
import { z } from 'zod';
import { isGgufRef } from './built-in-llm';
import type { EndpointPatch, InvokeChannel, InvokeMap, SettingsPatch } from './contract';
import { StudioSessionSchema, type StudioSession } from './session';
import { AuthorizationSchema, EndpointProtocolSchema } from './settings';
import { MAX_PLAN_TASKS, PlanTaskSchema } from './plan';
import { REPO_ID_PATTERN } from './repo-id';
import { RESOURCE_FILE_PATTERN } from './resources';
import { WorkflowSchema } from './workflow';

const Id = z.string().min(1).max(200);
const GgufRef = z.string().max(400).refine((ref) => isGgufRef(ref) && !ref.includes('..'), 'a "<repo>/<file>.gguf" reference');
const RepoId = z.string().regex(REPO_ID_PATTERN, 'a Hugging Face repo id such as "org/name"');
const Text = (max: number) => z.string().max(max);
/** A user-facing name that can never be an Object.prototype member when used as a key. */
const Name = z.string().min(1).max(1000).refine((n) => !['__proto__', 'constructor', 'prototype'].includes(n), 'this name is reserved');

const ResourceRefSchema = z
  .object({ hash: z.string().regex(/^[0-9a-f]{64}$/), ext: z.string().regex(/^[a-z0-9]{1,8}$/), mime: Text(200), size: z.number().int().nonnegative(), name: Name.optional() })
  .refine((r) => RESOURCE_FILE_PATTERN.test(`${r.hash}.${r.ext}`), 'not a resource of the store');

const TasksSchema = z.array(PlanTaskSchema).max(MAX_PLAN_TASKS, `at most ${MAX_PLAN_TASKS} tasks`);

const SelectionSchema = z.object({
  taskId: z.number().int().nonnegative(),
  model: z.string().min(1).max(300),
  endpoint: z.string().min(1).max(200),
  reason: Text(10_000),
  method: z.enum(['llm', 'only-candidate', 'user', 'fallback', 'llm-itself']),
});
const SelectionsSchema = z.record(z.string().regex(/^\d+$/, 'selections are keyed by task id'), SelectionSchema);
const TaskIds = z.array(z.number().int().nonnegative()).max(MAX_PLAN_TASKS);
const WorkflowInputValueSchema = z.union([z.object({ text: Text(1_000_000) }), z.object({ resource: ResourceRefSchema, name: Name })]);

/** Channels whose request carries nothing: whatever arrives is dropped. */
const Nothing = z.unknown().transform(() => undefined);

/** The settings patch's shape; applySettingsPatch checks every field against SettingsSchema. */
const SettingsPatchSchema = z.record(z.string(), z.unknown());
/** An endpoint of the form (credentials typed, cleared with null, or left to the saved ones): the handler checks it with EndpointSchema once its credentials are settled. */
const EndpointPatchSchema = z.record(z.string(), z.unknown()).transform((e) => e as EndpointPatch);

/** One schema per invoke channel (a channel without one is a compile error). */
export const REQUEST_SCHEMAS = {
  'settings.get': Nothing,
  'settings.update': SettingsPatchSchema,
  // A draft of the LLM form, tested without saving: applySettingsPatch checks each field (and unbinds a moved secret).
  'settings.testLlm': z
    .object({ llm: z.record(z.string(), z.unknown()).transform((llm) => llm as NonNullable<SettingsPatch['llm']>).optional() })
    .optional(),
  'endpoints.health': z.object({ name: Text(200).optional(), endpoint: EndpointPatchSchema.optional() }).optional().transform((r) => r ?? {}),
  'catalog.candidates': z.object({ task: Text(200) }),
  'catalog.model': z.object({ id: Text(300) }),
  'catalog.availability': Nothing,
  // base64 of at most the WebSocket's payload limit.
  'resources.upload': z.object({ name: Name, base64: z.string().max(64 * 1024 * 1024).regex(/^[A-Za-z0-9+/]*={0,2}$/, 'not base64') }),
  'conversation.plan': z.object({
    conversationId: Id.optional(),
    request: z.string().min(1).max(100_000),
    attachments: z.array(z.object({ name: Name, resource: ResourceRefSchema })).max(100).optional(),
    requestId: Id.optional(),
  }),
  'conversation.select': z.object({ conversationId: Id, tasks: TasksSchema, overrides: SelectionsSchema.optional() }),
  'run.start': z.object({
    conversationId: Id,
    tasks: TasksSchema,
    selections: SelectionsSchema,
    force: z.union([z.boolean(), TaskIds]).optional(),
    from: TaskIds.optional(),
    baseRunId: Id.optional(),
  }),
  'run.cancel': z.object({ runId: Id, taskId: z.number().int().nonnegative().optional() }),
  'response.generate': z.object({ conversationId: Id, runId: Id, requestId: Id.optional() }),
  'workflows.list': z.object({ query: Text(1000).optional(), deleted: z.boolean().optional() }),
  'workflows.get': z.object({ id: Id }),
  'workflows.save': z.object({
    name: z.string().min(1).max(200),
    description: Text(10_000).optional(),
    conversationId: Id.optional(),
    request: Text(100_000).optional(),
    tasks: TasksSchema,
    selections: SelectionsSchema,
    layout: WorkflowSchema.shape.layout.optional(),
    replaces: Id.optional(),
  }),
  'workflows.rename': z.object({ id: Id, name: z.string().min(1).max(200), description: Text(10_000).optional() }),
  'workflows.duplicate': z.object({ id: Id }),
  'workflows.delete': z.object({ id: Id }),
  'workflows.restore': z.object({ id: Id }),
  'workflows.import': z.object({ fileName: z.string().min(1).max(1000), text: z.string().max(10_000_000) }),
  'workflows.export': z.object({ id: Id }),
  'workflows.run': z.object({ id: Id, inputs: z.record(z.string().regex(/^[a-z][a-z0-9_]*$/), WorkflowInputValueSchema) }),
  'runs.list': z.object({ status: z.enum(['failed', 'succeeded', 'cancelled']).optional() }),
  'runs.get': z.object({ runId: Id }),
  'runs.compare': z.object({ a: Id, b: Id }),
  'runs.adopt': z.object({ runId: Id }),
  // Built-in model ids go into download URLs: repo ids only.
  'builtin.list': z.object({ sizes: z.boolean().optional() }).optional().transform((r) => r ?? {}),
  'builtin.download': z.object({ id: RepoId, task: Text(200) }),
  'builtin.cancelDownload': z.object({ id: RepoId }),
  'builtin.delete': z.object({ id: RepoId }),
  'endpoints.discover': z.object({ protocol: EndpointProtocolSchema, url: z.url({ protocol: /^https?$/ }).optional(), name: Text(200).optional(), authorization: AuthorizationSchema.nullable().optional() }),
  'llm.models': Nothing,
  // GGUF references (`<repo>/<file>.gguf`) go into download URLs: checked by the one rule of built-in-llm.ts.
  'llm.download': z.object({ model: GgufRef.optional() }).optional().transform((r) => r ?? {}),
  'llm.cancelDownload': z.object({ model: GgufRef }),
  'llm.delete': z.object({ model: GgufRef }),
  'session.load': Nothing,
  // The session file's own schema: its selections and messages are kept as the canvas wrote them.
  'session.save': StudioSessionSchema.transform((session) => session as StudioSession),
} satisfies { [K in InvokeChannel]: z.ZodType<unknown> };

// Compile-time check that each schema's output is the channel's request type.
type Mismatched = { [K in InvokeChannel]: z.output<(typeof REQUEST_SCHEMAS)[K]> extends InvokeMap[K]['req'] ? never : K }[InvokeChannel];
const schemasMatch: [Mismatched] extends [never] ? true : Mismatched = true;
void schemasMatch;

/** A field path and problem of a refused request, e.g. `tasks.3.args: expected record`. */
export function describeRequestProblem(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((i) => (i.path.length ? `${i.path.join('.')}: ${i.message}` : i.message))
    .join('; ');
}
