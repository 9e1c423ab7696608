// Turns a task's arguments into inputs by port: literal text, upstream outputs (`<resource>-N`), user files.
// Anything else is refused: a wrong modality, a reference to a task that is not upstream, a path or URL
// the user did not give. LLM output is untrusted, so nothing here guesses.
import { fileFeedProblem, fileKindOfMime } from '../../../src-shared/file-kinds';
import { RESOURCE_REF_PATTERN } from '../../../src-shared/plan';
import type { ResourceRef, TaskOutput } from '../../../src-shared/resources';
import type { TaskError } from '../../../src-shared/run-events';
import type { Modality, PortSpec, TaskTypeSpec } from '../../../src-shared/tasks';

/** One input, before bytes are read: text, or a stored file. */
export type ResolvedInput =
  | { modality: 'text'; text: string }
  | { modality: Exclude<Modality, 'text'>; ref: ResourceRef };

/** The inputs of one task by port, or why the task is refused. */
export type InputResolution =
  | { ok: true; inputs: Record<string, ResolvedInput>; ignoredArgs: string[] }
  | { ok: false; error: TaskError };

/** What resolution needs to know about the run. */
export interface ResolveContext {
  userResources: Record<string, ResourceRef>;
  /** The outputs of a finished upstream task. */
  outputsOf(taskId: number): TaskOutput[] | undefined;
  isUpstream(taskId: number): boolean;
}

const WHOLE_REF = /^\s*<resource>-(\d+)\s*$/;
const ANY_REF = /<resource>-\d+/;

const ARTICLE: Record<Modality, string> = { text: 'text', image: 'an image', audio: 'audio', video: 'a video', table: 'a table' };

class Refusal extends Error {}

const refuse = (message: string): never => {
  throw new Refusal(message);
};

/** Resolves `args` against the ports of `spec`. */
export function resolveInputs(spec: TaskTypeSpec, args: Record<string, string>, ctx: ResolveContext): InputResolution {
  try {
    const inputs: Record<string, ResolvedInput> = {};
    for (const port of spec.inputs) {
      const value = args[port.name];
      if (value === undefined || value.trim() === '') {
        if (port.optional) continue;
        refuse(`missing input "${port.name}" (${ARTICLE[port.modality]})`);
      }
      inputs[port.name] = port.modality === 'text' ? resolveText(port, value, ctx) : resolveFile(port, value, ctx);
    }
    const ports = new Set(spec.inputs.map((p) => p.name));
    return { ok: true, inputs, ignoredArgs: Object.keys(args).filter((k) => !ports.has(k)) };
  } catch (error) {
    if (!(error instanceof Refusal)) throw error;
    return { ok: false, error: { kind: 'invalid-input', message: error.message, retriable: false } };
  }
}

function upstreamOutput(taskId: number, port: PortSpec, ctx: ResolveContext): TaskOutput {
  if (!ctx.isUpstream(taskId)) {
    refuse(`input "${port.name}" refers to <resource>-${taskId}, but task ${taskId} is not among this task's dependencies`);
  }
  const outputs = ctx.outputsOf(taskId) ?? refuse(`task ${taskId} has no result to use for input "${port.name}"`);
  const match = outputs.find((o) => o.modality === port.modality);
  if (!match) {
    const made = [...new Set(outputs.map((o) => ARTICLE[o.modality]))].join(' and ') || 'nothing';
    refuse(`input "${port.name}" needs ${ARTICLE[port.modality]}, but task ${taskId} produces ${made}`);
  }
  return match!;
}

function resolveText(port: PortSpec, value: string, ctx: ResolveContext): ResolvedInput {
  const text = value.replace(RESOURCE_REF_PATTERN, (_ref, id: string) => {
    const output = upstreamOutput(Number(id), port, ctx);
    return output.text ?? refuse(`task ${id} produced no text for input "${port.name}"`);
  });
  return { modality: 'text', text };
}

function resolveFile(port: PortSpec, value: string, ctx: ResolveContext): ResolvedInput {
  const modality = port.modality as Exclude<Modality, 'text'>;
  const whole = WHOLE_REF.exec(value);
  if (whole) {
    const output = upstreamOutput(Number(whole[1]), port, ctx);
    return { modality, ref: output.resource ?? refuse(`task ${whole[1]} produced no file for input "${port.name}"`) };
  }
  if (ANY_REF.test(value)) {
    refuse(`input "${port.name}" needs ${ARTICLE[modality]}: "${value}" mixes a task reference with other text`);
  }
  const ref =
    ctx.userResources[value] ??
    ctx.userResources[value.trim()] ??
    refuse(`input "${port.name}": "${value}" is not a file you gave in this conversation`);
  const problem = fileFeedProblem(fileKindOfMime(ref.mime), modality);
  if (problem) refuse(`input "${port.name}" needs ${ARTICLE[modality]}, but "${value}" is ${problem}`);
  return { modality, ref };
}
