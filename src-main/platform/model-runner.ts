// The engine's ModelRunner: cloud calls to the Hugging Face runner, endpoint calls to their protocol's adapter.
import type { EndpointProtocol } from '../../src-shared/endpoint-protocols';
import type { Settings } from '../../src-shared/settings';
import { findTaskType } from '../../src-shared/tasks';
import { InferenceError, type InferenceCall, type ModelRunner, type RawOutput } from '../engine/inference';
import type { EndpointAdapter } from './endpoints/endpoint-adapter';
import { authorizationSecrets, endpointFetch } from './endpoints/endpoint-auth';
import { redactSecrets } from './inference/inference-errors';

/** What the runner dispatches to. */
export interface ModelRunnerOptions {
  settings: () => Settings;
  /** Calls Hugging Face's cloud (and the `hf` wire format). */
  hfRunner: ModelRunner;
  adapters: Record<EndpointProtocol, EndpointAdapter>;
  fetch?: typeof fetch;
}

/** Creates the runner; endpoint settings are read at each call so that edits apply to the next call. */
export function createModelRunner(options: ModelRunnerOptions): ModelRunner {
  return {
    run(call: InferenceCall): Promise<RawOutput[]> {
      const target = call.target;
      if (target.kind === 'huggingface') return options.hfRunner.run(call);
      const settings = options.settings();
      const endpoint = settings.endpoints.find((e) => e.name === target.endpoint);
      if (!endpoint) {
        return Promise.reject(new InferenceError('invalid-input', `Endpoint "${target.endpoint}" is not in the settings any more.`, { retriable: false }));
      }
      // One model may have several rows (a ComfyUI checkpoint for text-to-image and, with a ControlNet, for pose).
      const rows = endpoint.models.filter((m) => m.id === call.model);
      const entry = rows.find((m) => findTaskType(m.task)?.type === call.task) ?? rows[0];
      // The endpoint's credentials ride on every request to its addresses, whatever the protocol.
      const endpointFetchFn = endpointFetch(options.fetch ?? fetch, endpoint);
      const run = options.adapters[endpoint.protocol].run({ ...call, endpoint, entry, fetch: endpointFetchFn, hfToken: settings.huggingface.token });
      // A server that echoes the credentials back (in a message or an error body) never gets them into a record.
      return run.catch((error: unknown) => {
        throw error instanceof InferenceError ? redactSecrets(error, authorizationSecrets(endpoint.authorization)) : error;
      });
    },
  };
}
