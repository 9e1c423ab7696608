// Checks one task's arguments against its type's ports: present, of the right modality, and reading
// only what the user gave, literal text, or outputs of other tasks.
import { fileFeedProblem, fileKindOfName } from '../../../src-shared/file-kinds';
import { referencedIds, type PlanTask } from '../../../src-shared/plan';
import { parseSeed, SEED_PORT } from '../../../src-shared/seed';
import { findTaskType, outputOf, type PortSpec, type TaskTypeSpec } from '../../../src-shared/tasks';
import { hasBareReference } from './references';
import { normalizeResourceName, userResourcesIn } from './user-resources';

/** What argument checks need to know about the rest of the plan. */
export interface ArgsContext {
  /** Tasks by id. */
  byId: Map<number, PlanTask>;
  /** Normalised names of files and URLs the user gave. */
  userResources: Set<string>;
}

const article = (word: string): string => `${/^[aeiou]/.test(word) ? 'an' : 'a'} ${word}`;
const short = (value: string): string => (value.length > 60 ? `${value.slice(0, 57)}...` : value);

/** Problems with the output of task `id` feeding a port of `port`'s modality. */
function referenceProblem(id: number, self: PlanTask, port: PortSpec, context: ArgsContext): string | undefined {
  const producer = context.byId.get(id);
  if (!producer || id === self.id) return undefined; // reported with the dependencies
  const spec = findTaskType(producer.task);
  if (spec && !outputOf(spec, port.modality)) {
    const outputs = [...new Set(spec.outputs.map((o) => o.modality))].join(' and ');
    return `argument "${port.name}" needs ${port.modality}, but <resource>-${id} is task ${id} (${spec.type}), which produces ${outputs}`;
  }
  return undefined;
}

/** Problems with a value that names files/URLs (a whole file port value, or paths inside text). */
function resourceProblems(value: string, port: PortSpec, context: ArgsContext): string[] {
  if (port.modality === 'text') {
    return userResourcesIn(value)
      .filter((name) => !context.userResources.has(name))
      .map((name) => `argument "${port.name}" mentions "${short(name)}", which you did not give in this conversation`);
  }
  const name = normalizeResourceName(value);
  if (!context.userResources.has(name)) {
    const looksLikeFile = userResourcesIn(value).length > 0 || /[/\\]/.test(value);
    return [
      looksLikeFile
        ? `argument "${port.name}" reads "${short(name)}", which you did not give in this conversation`
        : `argument "${port.name}" must be ${article(port.modality)} file you gave or <resource>-N, not "${short(value)}"`,
    ];
  }
  const problem = fileFeedProblem(fileKindOfName(name), port.modality);
  if (problem) return [`argument "${port.name}" needs ${port.modality}, but "${short(name)}" is ${problem}`];
  return [];
}

function valueProblems(task: PlanTask, port: PortSpec, value: string, context: ArgsContext): string[] {
  if (hasBareReference(value)) return [`argument "${port.name}" uses <resource> without saying which task's output (write <resource>-N)`];
  const refs = referencedIds(value);
  const problems = refs.map((id) => referenceProblem(id, task, port, context)).filter((p): p is string => p !== undefined);
  if (port.modality === 'text') return [...problems, ...resourceProblems(value.replace(/<resource>-\d+/g, ' '), port, context)];
  if (refs.length === 0) return resourceProblems(value, port, context);
  if (refs.length > 1 || value.trim() !== `<resource>-${refs[0]}`) {
    problems.push(`argument "${port.name}" must be a single ${port.modality}: one file or one <resource>-N, not "${short(value)}"`);
  }
  return problems;
}

/** Every problem with `task`'s arguments, as sentences without the task prefix. */
export function argumentProblems(task: PlanTask, spec: TaskTypeSpec, context: ArgsContext): string[] {
  const problems: string[] = [];
  const portNames = spec.inputs.map((p) => p.name);
  for (const port of spec.inputs) {
    const value = task.args[port.name];
    if (value === undefined || value.trim() === '') {
      if (!port.optional) problems.push(`missing argument "${port.name}" (${port.modality})`);
    } else if (port.name === SEED_PORT && !parseSeed(value).ok) {
      problems.push((parseSeed(value) as { message: string }).message);
    } else problems.push(...valueProblems(task, port, value, context));
  }
  for (const key of Object.keys(task.args)) {
    if (!portNames.includes(key)) problems.push(`unknown argument "${short(key)}" (${spec.type} takes ${portNames.join(', ')})`);
  }
  return problems;
}
