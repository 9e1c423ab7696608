// Loads a workflow document of any known version: numbered migrations bring it to WORKFLOW_VERSION.
import { describeZodError } from '../../../src-shared/settings';
import { WORKFLOW_VERSION, WorkflowSchema, type Workflow } from '../../../src-shared/workflow';
import { StudioError } from '../../../src-shared/contract-error';

/** Migration N turns a version-N document into version N+1. */
type Migration = (doc: Record<string, unknown>) => Record<string, unknown>;

/**
 * The numbered migrations. Version 0 is the pre-release shape (`graph.nodes` with `model` on each
 * node, no `version` field); it is accepted so that early exports keep working.
 */
export const WORKFLOW_MIGRATIONS: Record<number, Migration> = {
  0: (doc) => {
    const graph = (doc.graph ?? {}) as { nodes?: Array<Record<string, unknown>> };
    const nodes = graph.nodes ?? [];
    const models: Record<string, unknown> = {};
    for (const node of nodes) if (node.model) models[String(node.id)] = { model: node.model, endpoint: node.endpoint ?? 'huggingface', reason: 'pinned' };
    const { graph: _graph, ...rest } = doc;
    return {
      ...rest,
      version: 1,
      createdAt: rest.createdAt ?? new Date(0).toISOString(),
      inputs: rest.inputs ?? [],
      tasks: nodes.map(({ model: _m, endpoint: _e, ...task }) => task),
      models,
    };
  },
};

/** Refuses with a message that says what to do. */
function refuse(message: string): never {
  throw new StudioError('invalid-workflow', message);
}

/**
 * Validates and migrates a parsed workflow document.
 * @example const workflow = migrateWorkflow(JSON.parse(text))
 */
export function migrateWorkflow(input: unknown): Workflow {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) refuse('a workflow file must hold a JSON object');
  let doc = input as Record<string, unknown>;
  let version = doc.version === undefined ? 0 : doc.version;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 0) refuse(`unknown workflow version ${JSON.stringify(version)}`);
  if (version > WORKFLOW_VERSION) refuse(`this workflow was saved by a newer HuggingGPT Studio (version ${version}; this one reads up to ${WORKFLOW_VERSION}): update the app`);
  while (version < WORKFLOW_VERSION) {
    doc = WORKFLOW_MIGRATIONS[version](doc);
    version += 1;
  }
  const parsed = WorkflowSchema.safeParse(doc);
  if (!parsed.success) refuse(`invalid workflow: ${describeZodError(parsed.error)}`);
  return parsed.data;
}
