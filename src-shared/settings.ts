// Configuration: one schema for the app's settings and the CLI's `--config FILE`.
import { z } from 'zod';
import { isGgufRef } from './built-in-llm';
import { builtInEndpoint } from './built-in-models';
import { DEFAULT_TASK_TIMEOUTS_MS } from './cloud-jobs';
import { ENDPOINT_PROTOCOL_SPECS, ENDPOINT_PROTOCOLS } from './endpoint-protocols';
import { REPO_ID_PATTERN } from './repo-id';
import { TASK_TYPES } from './tasks';

/** Canonical task type names: the keys execution.taskTimeoutMs accepts. */
const TASK_TYPE_NAMES: ReadonlySet<string> = new Set(TASK_TYPES.map((t) => t.type));

/** A Hugging Face repo id ("org/name"): what every protocol but ComfyUI names its models by (strict: no `..`). */
export { REPO_ID_PATTERN };

/** A file name as ComfyUI lists it (checkpoints, ControlNets): sub-folders allowed, no `..` or control characters. */
const ComfyFileNameSchema = z
  .string()
  .min(1)
  .max(300)
  .refine((name) => !/[\u0000-\u001f]/.test(name) && !name.split(/[\\/]/).includes('..'), 'a model file name as ComfyUI lists it');

/** Where a value goes in a ComfyUI API-format workflow: `<node id>.<input name>`, e.g. `6.text`. */
export const WorkflowPlaceSchema = z.string().regex(/^[\w:-]+\.\w+$/, 'a place "<node id>.<input name>", e.g. "6.text"');

/** The values the app can fill into a user's ComfyUI workflow. */
export const WORKFLOW_FILLS = ['prompt', 'image', 'seed', 'checkpoint', 'controlnet'] as const;

/** A user's own exported ComfyUI workflow (API format) and the places the app fills in. */
export const UserWorkflowSchema = z.object({
  /** Absolute path of the API-format JSON file ("Export (API)" in ComfyUI). */
  file: z.string().min(1),
  /** Where each value goes; values without a place are not filled. */
  fill: z.partialRecord(z.enum(WORKFLOW_FILLS), WorkflowPlaceSchema).default({}),
});
export type UserWorkflow = z.infer<typeof UserWorkflowSchema>;

/** An http(s) address without a user name or password in it (fetch refuses those; credentials go in `authorization`). */
const ServerUrlSchema = z
  .url({ protocol: /^https?$/ })
  .refine((url) => !/^[a-z]+:\/\/[^/?#]*@/i.test(url), 'no user name or password in the address: put the credentials in "authorization" (e.g. "Basic <base64 of user:password>")');

/** The value of an Authorization header: a scheme and its credentials, e.g. `Bearer <API key>`. */
export const AuthorizationSchema = z
  .string()
  .max(8192)
  .regex(/^[A-Za-z][\w!#$%&'*+.^`|~-]* +[^\s].*$/, 'an Authorization header value: a scheme and the credentials, e.g. "Bearer <API key>"')
  .refine((value) => !/[\r\n\0]/.test(value), 'a single line');

export const ModelOnEndpointSchema = z.object({
  /** A repo id such as "org/name"; on ComfyUI, a checkpoint file name (checked with the endpoint's protocol). */
  id: z.string().min(1).max(300),
  task: z.string().min(1),
  /** A dedicated endpoint serving only this model; otherwise `<endpoint url>/models/<id>` (protocol `hf`). */
  url: ServerUrlSchema.optional(),
  /** ComfyUI, ControlNet task types: the ControlNet file (as ComfyUI lists it) applied with the checkpoint. */
  controlnet: ComfyFileNameSchema.optional(),
  /** ComfyUI: the user's own workflow instead of the bundled template for the task. */
  workflow: UserWorkflowSchema.optional(),
});
export type ModelOnEndpoint = z.infer<typeof ModelOnEndpointSchema>;

export const EndpointProtocolSchema = z.enum(ENDPOINT_PROTOCOLS);

export const EndpointSchema = z
  .object({
    name: z.string().min(1),
    /** How the app talks to the server (src-shared/endpoint-protocols.ts); `hf` for settings written before. */
    protocol: EndpointProtocolSchema.default('hf'),
    /** The server's address; absent only for the built-in runtime (`transformers.js`). */
    url: ServerUrlSchema.optional(),
    enabled: z.boolean().default(true),
    models: z.array(ModelOnEndpointSchema).default([]),
    /**
     * A secret: the Authorization header sent with every request to this endpoint's addresses (its url and its
     * models' urls), e.g. "Bearer <API key>". Kept in the secret store, never in settings.json, and bound to those
     * addresses: changing one without entering it again drops it.
     */
    authorization: AuthorizationSchema.optional(),
  })
  .refine((e) => e.protocol === 'transformers.js' || e.url !== undefined, { message: 'url is required for this protocol', path: ['url'] })
  .superRefine((e, ctx) => {
    e.models.forEach((m, i) => {
      const repos = ENDPOINT_PROTOCOL_SPECS[e.protocol].modelsAreRepos;
      const ok = repos ? REPO_ID_PATTERN.test(m.id) : ComfyFileNameSchema.safeParse(m.id).success;
      if (!ok) {
        const message = repos ? 'a Hugging Face repo id such as "org/name"' : 'a model file name as the server lists it';
        ctx.addIssue({ code: 'custom', message, path: ['models', i, 'id'] });
      }
    });
  });
export type Endpoint = z.infer<typeof EndpointSchema>;

/** Who answers as the controlling LLM: an OpenAI-compatible server, or the built-in one (node-llama-cpp, a GGUF file). */
export const LLM_PROVIDERS = ['openai-compatible', 'built-in'] as const;
export type LlmProvider = (typeof LLM_PROVIDERS)[number];

/** `llm.model` when none is set. */
export const DEFAULT_LLM_MODEL = 'gpt-4o-mini';

export const ExecutionModeSchema = z.enum(['local', 'huggingface', 'hybrid']);
export type ExecutionMode = z.infer<typeof ExecutionModeSchema>;

export const SettingsSchema = z.object({
  llm: z
    .object({
      /** `built-in` runs `model` ("<org>/<repo>/<file>.gguf", downloaded from hubUrl) on this machine. */
      provider: z.enum(LLM_PROVIDERS).default('openai-compatible'),
      baseURL: z.url({ protocol: /^https?$/ }).default('https://api.openai.com/v1'),
      apiKey: z.string().optional(),
      model: z.string().min(1).default(DEFAULT_LLM_MODEL),
      /** Idle deadline: the longest wait for the server to start or continue its answer. */
      timeoutMs: z.number().int().positive().default(60_000),
      /** Total deadline of one LLM call, retries included, however steadily the answer arrives. */
      deadlineMs: z.number().int().positive().default(600_000),
      retries: z.number().int().min(0).max(10).default(2),
      /** Ask for JSON-schema structured output; off for servers that reject `response_format`. */
      structuredOutput: z.boolean().default(true),
      /** CPU threads the built-in LLM uses; 0 lets node-llama-cpp use every core. */
      threads: z.number().int().min(0).max(256).default(0),
    })
    .refine((llm) => llm.provider !== 'built-in' || llm.model === DEFAULT_LLM_MODEL || isGgufRef(llm.model), {
      message: 'the built-in LLM runs a GGUF file on the Hub: set llm.model to "<org>/<repo>/<file>.gguf"',
      path: ['model'],
    })
    .prefault({}),
  huggingface: z
    .object({
      token: z.string().optional(),
      enabled: z.boolean().default(true),
      /** Inference Providers route for cloud calls ("auto" lets Hugging Face choose). */
      provider: z.string().default('auto'),
      /** The Hub (API, model files); HF_ENDPOINT overrides the default. Proxies, mirrors and tests set it. */
      hubUrl: z.url({ protocol: /^https?$/ }).default('https://huggingface.co'),
      /** The Inference Providers router every cloud call goes to (proxies and tests set it). */
      routerUrl: z.url({ protocol: /^https?$/ }).default('https://router.huggingface.co'),
    })
    .prefault({}),
  /** Model servers; without the key, the built-in runtime with its curated models. */
  endpoints: z.array(EndpointSchema).default(() => [builtInEndpoint()]),
  execution: z
    .object({
      mode: ExecutionModeSchema.default('hybrid'),
      maxParallel: z.number().int().min(1).max(64).default(4),
      maxPerEndpoint: z.number().int().min(1).max(64).default(2),
      timeoutMs: z.number().int().positive().default(120_000),
      /** Per-task call timeouts that replace timeoutMs (generation jobs take minutes; video most). */
      taskTimeoutMs: z
        .record(z.string(), z.number().int().positive())
        .superRefine((timeouts, ctx) => {
          for (const task of Object.keys(timeouts)) {
            if (!TASK_TYPE_NAMES.has(task)) ctx.addIssue({ code: 'custom', message: `"${task}" is not a task type`, path: [task] });
          }
        })
        .default({ ...DEFAULT_TASK_TIMEOUTS_MS }),
      retries: z.number().int().min(0).max(10).default(2),
      /** In hybrid mode, run on Hugging Face when the local endpoint fails. */
      fallbackToCloud: z.boolean().default(true),
      /** Run stage 4 by itself when a run finishes (app). */
      autoRespond: z.boolean().default(true),
    })
    .prefault({}),
  selection: z
    .object({
      topK: z.number().int().min(1).max(20).default(5),
      /** Let the controlling LLM do text-only tasks (summarization, translation, ...) itself. */
      llmDoesTextTasks: z.boolean().default(true),
    })
    .prefault({}),
});
export type Settings = z.infer<typeof SettingsSchema>;

/** An endpoint as the renderer sees it: its authorization replaced by whether it is set. */
export type EndpointView = Omit<Endpoint, 'authorization'> & { authorizationSet: boolean };

/** Settings as the renderer sees them: secrets replaced by whether they are set. */
export type SettingsView = Omit<Settings, 'llm' | 'huggingface' | 'endpoints'> & {
  llm: Omit<Settings['llm'], 'apiKey'> & { apiKeySet: boolean };
  huggingface: Omit<Settings['huggingface'], 'token'> & { tokenSet: boolean };
  endpoints: EndpointView[];
  /** Problems the user should know about (a corrupt file kept aside, no OS keyring, ...). */
  warnings?: string[];
  /** The data folder (settings, workflows, runs, resources), filled in by the settings handlers. */
  dataDir?: string;
};

/** Removes secrets before settings leave the main process. */
export function toSettingsView(s: Settings): SettingsView {
  const { apiKey, ...llm } = s.llm;
  const { token, ...huggingface } = s.huggingface;
  const endpoints = s.endpoints.map(({ authorization, ...endpoint }) => ({ ...endpoint, authorizationSet: Boolean(authorization) }));
  return { ...s, llm: { ...llm, apiKeySet: Boolean(apiKey) }, huggingface: { ...huggingface, tokenSet: Boolean(token) }, endpoints };
}

/**
 * The origins an endpoint's authorization is sent to and bound to: its url's and its models' own urls'.
 * @example endpointOrigins({ url: 'http://10.0.0.5:8005/v1', models: [] }) // ['http://10.0.0.5:8005']
 */
export function endpointOrigins(endpoint: Pick<Endpoint, 'url' | 'models'>): string[] {
  const urls = [endpoint.url, ...endpoint.models.map((m) => m.url)].filter((u): u is string => u !== undefined);
  const origins = urls.flatMap((u) => {
    try {
      return [new URL(u).origin];
    } catch {
      return [];
    }
  });
  return [...new Set(origins)].sort();
}

/** Default settings (every field at its default). */
export const defaultSettings = (): Settings => SettingsSchema.parse({});

/** One line per problem, naming the field: for messages to users. */
export function describeZodError(error: z.ZodError): string {
  return error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ');
}
