// ComfyUI API-format workflows: the bundled templates (resources/comfyui, core nodes only), a user's own
// exported workflow, and filling in the prompt, image, seed, checkpoint and ControlNet.
// API format (what "Export (API)" writes and POST /prompt takes): `{"<node id>": {"class_type", "inputs"}}`,
// a link to another node's output being `["<node id>", <output index>]`.
import { readFile } from 'node:fs/promises';
import { isAbsolute } from 'node:path';
import type { UserWorkflow } from '../../../../src-shared/settings';
import { InferenceError } from '../../../engine/inference';
import controlnetTemplate from '../../../../resources/comfyui/controlnet-text-to-image.json' with { type: 'json' };
import imageToImageTemplate from '../../../../resources/comfyui/image-to-image.json' with { type: 'json' };
import textToImageTemplate from '../../../../resources/comfyui/text-to-image.json' with { type: 'json' };

/** One node of an API-format workflow. */
export interface ComfyNode {
  class_type: string;
  inputs: Record<string, unknown>;
  _meta?: { title?: string };
}

/** An API-format workflow: nodes by id. */
export type ComfyWorkflow = Record<string, ComfyNode>;

/** The values the app fills in, and where: `<node id>.<input name>`. */
export type WorkflowPlaces = Partial<Record<'prompt' | 'image' | 'seed' | 'checkpoint' | 'controlnet' | 'width' | 'height', string>>;

/** A workflow with the places to fill. */
export interface FillableWorkflow {
  workflow: ComfyWorkflow;
  places: WorkflowPlaces;
  /** Where it came from, for messages. */
  source: string;
}

const BASE_PLACES: WorkflowPlaces = { prompt: '6.text', seed: '3.seed', checkpoint: '4.ckpt_name' };

/** The bundled template for a task type, or undefined when ComfyUI cannot run it with a template. */
export function bundledWorkflow(task: string): FillableWorkflow | undefined {
  if (task === 'text-to-image') {
    return { workflow: textToImageTemplate as ComfyWorkflow, places: { ...BASE_PLACES, width: '5.width', height: '5.height' }, source: 'text-to-image template' };
  }
  if (task === 'image-to-image') {
    return { workflow: imageToImageTemplate as ComfyWorkflow, places: { ...BASE_PLACES, image: '10.image' }, source: 'image-to-image template' };
  }
  if (task.endsWith('-text-to-image')) {
    const places = { ...BASE_PLACES, image: '10.image', controlnet: '11.control_net_name', width: '5.width', height: '5.height' };
    return { workflow: controlnetTemplate as ComfyWorkflow, places, source: 'ControlNet template' };
  }
  return undefined;
}

/** Checks that a parsed file is an API-format workflow (not the UI format with `nodes` and `links`). */
export function asApiWorkflow(value: unknown, source: string): ComfyWorkflow {
  const record = value as Record<string, unknown> | null;
  if (!record || typeof record !== 'object' || Array.isArray(record)) throw invalidWorkflow(source, 'it is not a JSON object');
  if (Array.isArray(record.nodes) && Array.isArray(record.links)) {
    throw invalidWorkflow(source, 'it is in ComfyUI\'s UI format; export it with "Export (API)" instead');
  }
  for (const [id, node] of Object.entries(record)) {
    const n = node as Partial<ComfyNode> | null;
    if (!n || typeof n.class_type !== 'string' || typeof n.inputs !== 'object' || n.inputs === null) {
      throw invalidWorkflow(source, `node "${id}" has no class_type and inputs`);
    }
  }
  return record as ComfyWorkflow;
}

/** Reads the user's exported workflow named by a model entry. */
export async function userWorkflow(spec: UserWorkflow): Promise<FillableWorkflow> {
  if (!isAbsolute(spec.file)) throw invalidWorkflow(spec.file, 'the workflow file must be an absolute path');
  let text: string;
  try {
    text = await readFile(spec.file, 'utf8');
  } catch (error) {
    throw invalidWorkflow(spec.file, `it cannot be read (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw invalidWorkflow(spec.file, 'it is not valid JSON');
  }
  return { workflow: asApiWorkflow(parsed, spec.file), places: spec.fill, source: spec.file };
}

/** The values to put in a workflow (undefined values leave the workflow as it is). */
export type WorkflowValues = Partial<Record<keyof WorkflowPlaces, string | number>>;

/** A copy of the workflow with each value written at its place; a place naming no node is an error. */
export function fillWorkflow(fillable: FillableWorkflow, values: WorkflowValues): ComfyWorkflow {
  const workflow = structuredClone(fillable.workflow);
  for (const [what, value] of Object.entries(values) as Array<[keyof WorkflowPlaces, string | number | undefined]>) {
    const place = fillable.places[what];
    if (value === undefined || place === undefined) continue;
    const dot = place.lastIndexOf('.');
    const node = workflow[place.slice(0, dot)];
    if (!node) throw invalidWorkflow(fillable.source, `the place for the ${what} ("${place}") names no node of the workflow`);
    node.inputs[place.slice(dot + 1)] = value;
  }
  return workflow;
}

/** Which values a task needs a place for, so that a user workflow missing one is refused before queueing. */
export function requirePlaces(fillable: FillableWorkflow, needed: Array<keyof WorkflowPlaces>): void {
  const missing = needed.filter((what) => fillable.places[what] === undefined);
  if (missing.length > 0) throw invalidWorkflow(fillable.source, `it says nowhere to put the ${missing.join(' and ')}`);
}

/** The ids of the workflow's SaveImage nodes (the outputs the app reads back). */
export const saveImageNodes = (workflow: ComfyWorkflow): string[] =>
  Object.entries(workflow).filter(([, node]) => node.class_type === 'SaveImage').map(([id]) => id);

function invalidWorkflow(source: string, reason: string): InferenceError {
  return new InferenceError('invalid-input', `The ComfyUI workflow ${source} cannot be used: ${reason}.`, { retriable: false });
}
