// `hugginggpt plan`: stage 1 only: print the validated task plan
import type { PlanIssue } from '../../../src-shared/contract';
import type { PlanTask, Usage } from '../../../src-shared/plan';
import { LlmError } from '../../engine/chat-model';
import { PlanParseError } from '../../engine/planner/parse-plan';
import { planRequest } from '../../engine/planner/plan-request';
import { refusedTasks } from '../../engine/selector/refused-tasks';
import { loadCatalog } from '../../platform/catalog-file';
import { providersServeTaskType } from '../../platform/inference/cloud-availability';
import { createChatModels } from '../../platform/chat-model-factory';
import { requireLlm } from '../../service/engine-deps';
import { UsageError, type ParsedArgs } from '../args';
import { describeLlm } from '../describe-llm';
import { downloadProgressBar } from '../download-progress';
import type { CliIO } from '../io';
import type { CliContext } from '../context';

/** One line per task: id, type, dependencies and arguments. */
export function formatTasks(tasks: PlanTask[]): string {
  if (tasks.length === 0) return 'No tasks: this request is a plain conversation; the LLM answers it directly.\n';
  const width = Math.max(...tasks.map((t) => t.task.length));
  const lines = tasks.map((t) => {
    const deps = t.dep.filter((d) => d >= 0);
    const args = Object.entries(t.args).map(([k, v]) => `${k}=${JSON.stringify(v)}`).join(' ');
    return `  ${String(t.id).padStart(2)}  ${t.task.padEnd(width)}  after ${deps.length ? deps.join(',') : '-'}  ${args}`;
  });
  return `${tasks.length} task${tasks.length === 1 ? '' : 's'}:\n${lines.join('\n')}\n`;
}

const formatUsage = (u: Usage): string =>
  `${u.llmCalls} LLM call${u.llmCalls === 1 ? '' : 's'}, ${u.promptTokens} prompt + ${u.completionTokens} completion tokens${u.estimated ? ' (estimated: the server reported no usage)' : ''}`;

function reportIssues(io: CliIO, issues: PlanIssue[]): void {
  const more = issues.length > 1 ? ` (and ${issues.length - 1} more problem${issues.length > 2 ? 's' : ''})` : '';
  io.err(`hugginggpt: unusable plan: ${issues[0].message}${more}\n`);
  for (const issue of issues.slice(1)) io.err(`  - ${issue.message}\n`);
}

/** Runs `hugginggpt plan` (its usage and options: specs.ts). */
export async function run(args: ParsedArgs, context: CliContext): Promise<number> {
  const { io } = context;
  const request = args.positionals.join(' ').trim();
  if (!request) throw new UsageError('plan needs a request, e.g. hugginggpt plan "describe example.jpg"');
  const settings = context.settings();
  requireLlm(settings);
  io.err(`planning with ${describeLlm(settings.llm)}\n`);
  const models = createChatModels({ dataDir: context.dataDir, settings: () => settings, onDownload: downloadProgressBar(io) });
  let shown = 0;
  try {
    const result = await planRequest({
      request,
      history: [],
      attachments: [],
      chat: models.chat(),
      onTasks: (tasks) => {
        for (const t of tasks.slice(shown)) io.err(`  + task ${t.id} ${t.task}\n`);
        shown = Math.max(shown, tasks.length);
      },
    });
    const { tasks } = result.plan;
    const unserved = loadCatalog(context.dataDir).noCloudProvider;
    result.issues.push(...refusedTasks(tasks, settings, { taskServed: (type) => providersServeTaskType(type, unserved) }));
    if (args.values.json) io.out(`${JSON.stringify({ tasks, usage: result.usage, ...(result.issues.length ? { issues: result.issues } : {}) }, null, 2)}\n`);
    else io.out(`${formatTasks(tasks)}usage: ${formatUsage(result.usage)}\n`);
    if (result.issues.length === 0) return 0;
    reportIssues(io, result.issues);
    return 1;
  } catch (error) {
    if (error instanceof PlanParseError) {
      io.err(`hugginggpt: no usable plan: ${error.message}\n`);
      return 1;
    }
    if (error instanceof LlmError) {
      io.err(`hugginggpt: ${error.message}\n`);
      return error.kind === 'auth' ? 2 : 1;
    }
    throw error;
  } finally {
    await models.close();
  }
}
