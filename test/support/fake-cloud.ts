// Hugging Face's cloud as tests see it: a fake Hub (model list and provider mappings) and a fake router
// (fake-hf answering at /<provider>/models/<id>), with settings pointing huggingface.hubUrl/routerUrl at them.
import { defaultSettings, type Settings } from '../../src-shared/settings';
import { startFakeHf, type FakeHf, type FakeModelBehaviour } from './fake-hf';
import { liveOn, startFakeHub, type FakeHub, type FakeHubModel, type FakeProviderMapping } from './fake-hub';

/** One cloud model: how the router answers it, what the Hub says of it. */
export interface FakeCloudModel {
  id: string;
  /** The fake's answer kind (a task type, or `image-text-to-text` for a vision-language chat model). */
  task: string;
  /** The Hub's pipeline tag (default: `task`). */
  pipeline_tag?: string;
  downloads?: number;
  /** The Hub's mapping; default: live on hf-inference for `task` ("conversational" for image-text-to-text). */
  mapping?: FakeProviderMapping[];
  /** False: the Hub lists a mapping but the provider answers 404 (not deployed). */
  deployed?: boolean;
}

/** The running pair. */
export interface FakeCloud {
  hub: FakeHub;
  router: FakeHf;
  /** The huggingface settings that point at the fakes (with a token). */
  huggingface: (s: Settings) => Settings['huggingface'];
  close(): Promise<void>;
}

/** The mapping task a model of fake task `task` is listed under on the Hub today. */
export const mappingTaskOf = (task: string): string => (task === 'image-text-to-text' ? 'conversational' : task);

/** Hub entries for `models` (live hf-inference mappings unless a model says otherwise). */
export function hubModelsOf(models: FakeCloudModel[]): FakeHubModel[] {
  return models.map((m, i) => ({
    id: m.id,
    pipeline_tag: m.pipeline_tag ?? m.task,
    downloads: m.downloads ?? 1000 - i,
    likes: 1,
    inferenceProviderMapping: m.mapping ?? liveOn(m.id, mappingTaskOf(m.task)),
  }));
}

/** Starts the fake Hub and router on 127.0.0.1. */
export async function startFakeCloud(models: FakeCloudModel[], token = 'hf_test_cloud'): Promise<FakeCloud> {
  const deployed: Record<string, FakeModelBehaviour> = {};
  for (const m of models) {
    if (m.deployed === false) continue;
    deployed[m.id] = { task: m.task };
    // Third-party providers name the model by their own id (the mapping's providerId).
    for (const entry of m.mapping ?? []) deployed[entry.providerId] = { task: m.task };
  }
  const hub = await startFakeHub(hubModelsOf(models));
  const router = await startFakeHf({ models: deployed });
  return {
    hub,
    router,
    huggingface: (s) => ({ ...s.huggingface, token, hubUrl: hub.url, routerUrl: router.url }),
    close: async () => {
      await hub.close();
      await router.close();
    },
  };
}

/** Settings for the cloud alone: the fake LLM at `llmBaseURL`, Hugging Face at the fakes, the built-in runtime (in every settings file) off. */
export function cloudOnlySettings(llmBaseURL: string, cloud: FakeCloud): Settings {
  const s = defaultSettings();
  return {
    ...s,
    llm: { ...s.llm, baseURL: llmBaseURL, apiKey: 'sk-test', model: 'fake-gpt', retries: 0 },
    huggingface: cloud.huggingface(s),
    endpoints: [{ name: 'built-in', protocol: 'transformers.js', enabled: false, models: [] }],
  };
}
