// `hugginggpt run`: all four stages for one request; partial results are still printed when tasks fail.
import { resolve } from 'node:path';
import { addUsage } from '../../../src-shared/plan';
import { Conversation } from '../../engine/conversation';
import type { RunOutcome } from '../../engine/executor/types';
import { writeFileAtomic } from '../../platform/atomic-file';
import { createEngineDeps, requireLlm } from '../../service/engine-deps';
import { workflowFromRun } from '../../service/workflows/workflow-from-run';
import { UsageError, type ParsedArgs } from '../args';
import { describeWrittenOutputs, outputFolder, writeReadableOutputs } from '../output-folder';
import { downloadProgressBar } from '../download-progress';
import { STOPPED_EXIT_CODE } from '../io';
import { createEventPrinter } from '../progress-bar';
import { describePlan, describeResults, runExitCode, runJson } from '../run-report';
import type { CliContext } from '../context';

/** Runs `hugginggpt run` (its usage and options: specs.ts). */
export async function run(args: ParsedArgs, context: CliContext): Promise<number> {
  const request = args.positionals.join(' ').trim();
  if (!request) throw new UsageError('run needs a request, e.g. hugginggpt run "describe example.jpg"');
  const json = Boolean(args.values.json);
  const { io } = context;
  const settings = context.settings();
  requireLlm(settings);
  const deps = createEngineDeps({ dataDir: context.dataDir, settings: () => settings, cwd: io.cwd, onLlmDownload: downloadProgressBar(io) });
  const conversation = new Conversation(deps);

  io.err('planning...\n');
  const planned = await conversation.plan(request, { signal: io.signal });
  const tasks = planned.plan.tasks;
  let usage = planned.usage;
  for (const issue of planned.issues) io.err(`plan issue${issue.taskId !== undefined ? ` (task ${issue.taskId})` : ''}: ${issue.message}\n`);
  if (tasks.length === 0) {
    const response = planned.answer ?? '';
    io.out(json ? `${JSON.stringify(runJson({ tasks, selections: {}, response, usage }), null, 2)}\n` : `${response}\n`);
    return 0;
  }
  io.err(describePlan(tasks, planned.selections));
  if (io.interactive && !args.values.yes && !json && !(await io.confirm(`Run these ${tasks.length} tasks?`))) {
    io.err('not run.\n');
    return 1;
  }

  const byId = new Map(tasks.map((t) => [t.id, t]));
  const handle = conversation.execute(tasks, planned.selections, {
    onEvent: createEventPrinter(io, byId),
  });
  const onStop = () => handle.cancel();
  io.signal?.addEventListener('abort', onStop, { once: true });
  let outcome: RunOutcome;
  try {
    outcome = await handle.done;
  } finally {
    io.signal?.removeEventListener('abort', onStop);
  }

  if (outcome.recordError) io.err(`warning: ${outcome.recordError}\n`);
  const written = await writeReadableOutputs(outputFolder(io.cwd, args.values.out, outcome.runId), tasks, outcome);
  // The nodes' results are printed whatever happens to the response (stopped, LLM down): exit 1 then.
  let response: string | null = null;
  let responseError: string | undefined;
  if (io.signal?.aborted) responseError = 'stopped before the response was written';
  else {
    io.err('writing the response...\n');
    let streamed = 0;
    try {
      const answer = await conversation.respond(handle.runId, json ? undefined : (soFar) => {
        io.out(soFar.slice(streamed));
        streamed = soFar.length;
      }, io.signal);
      usage = addUsage(usage, answer.usage);
      response = answer.text;
      if (!json) io.out(`${answer.text.slice(streamed)}\n`);
    } catch (error) {
      responseError = `the response could not be written: ${error instanceof Error ? error.message : String(error)}`;
    }
  }
  if (responseError) io.err(`hugginggpt: ${responseError}\n`);
  if (json) io.out(`${JSON.stringify({ ...runJson({ tasks, selections: planned.selections, outcome, response: response ?? '', usage, issues: planned.issues, written }), response, ...(responseError ? { responseError } : {}) }, null, 2)}\n`);
  else if (responseError) io.out(`${describeResults(tasks, outcome)}${describeWrittenOutputs(written)}`);
  else io.out(describeWrittenOutputs(written));

  const workflowFile = args.values['save-workflow'];
  if (typeof workflowFile === 'string') {
    const workflow = workflowFromRun({ name: request.slice(0, 60), request, tasks, selections: planned.selections, userResources: conversation.userResources });
    const path = resolve(io.cwd, workflowFile);
    await writeFileAtomic(path, `${JSON.stringify(workflow, null, 2)}\n`);
    io.err(`workflow saved to ${path} (inputs: ${workflow.inputs.map((i) => i.name).join(', ') || 'none'})\n`);
  }
  io.err(`LLM calls: ${usage.llmCalls}, tokens: ${usage.promptTokens} prompt + ${usage.completionTokens} completion${usage.estimated ? ' (estimated: the server reported no usage)' : ''}\n`);
  await deps.builtIn.close();
  if (io.signal?.aborted) return STOPPED_EXIT_CODE;
  return responseError ? 1 : runExitCode(tasks, outcome);
}
