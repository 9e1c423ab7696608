// The README's "what runs where" table, rendered from the code's own rules: which task types a provider the
// installed @huggingface/inference can call may serve (cloud-routes.ts), which the built-in runtime runs, and
// which endpoint protocols serve them (endpoint-protocols.ts).
import { PROVIDERS } from '@huggingface/inference';
import { ENDPOINT_PROTOCOLS, protocolServes } from '../../src-shared/endpoint-protocols';
import { TASK_TYPES } from '../../src-shared/tasks';
import { cloudRoutes, librarySupports } from '../../src-main/platform/inference/cloud-routes';

/** Providers (and the route) that may serve `type` in the cloud, e.g. "hf-inference; chat: together, groq, ...". */
function cloudCell(type: string): string {
  const parts: string[] = [];
  for (const route of cloudRoutes(type)) {
    const providers = Object.keys(PROVIDERS).filter((p) => (!route.onlyProvider || route.onlyProvider === p) && librarySupports(p, route.mappingTask));
    if (providers.length === 0) continue;
    const label = route.route === 'chat' ? 'chat: ' : route.mappingTask !== type ? `as ${route.mappingTask}: ` : '';
    parts.push(`${label}${providers.length > 4 ? `${providers.slice(0, 4).join(', ')} +${providers.length - 4}` : providers.join(', ')}`);
  }
  return parts.join('; ') || 'no provider';
}

/** The Markdown table, one row per task type (ControlNet types grouped). */
export function whatRunsWhereTable(): string {
  const rows = ['| task type | cloud (Inference Providers the app can call) | built-in | local servers |', '|---|---|---|---|'];
  const local = (type: string) => ENDPOINT_PROTOCOLS.filter((p) => p !== 'transformers.js' && protocolServes(p, type)).join(', ') || '-';
  for (const spec of TASK_TYPES.filter((t) => t.runtime === 'inference')) {
    rows.push(`| ${spec.type} | ${cloudCell(spec.type)} | ${protocolServes('transformers.js', spec.type) ? 'yes' : '-'} | ${local(spec.type)} |`);
  }
  const control = TASK_TYPES.filter((t) => t.runtime === 'local-only');
  const builtInControl = control.filter((t) => protocolServes('transformers.js', t.type)).map((t) => t.type);
  rows.push(`| ControlNet (${control.length} types: *-control, *-text-to-image) | no provider | ${builtInControl.join(', ') || '-'} | hf; comfyui (*-text-to-image) |`);
  return rows.join('\n');
}
