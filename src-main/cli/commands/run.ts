// `hugginggpt run`: all four stages for one request; partial results are still printed when tasks fail.
import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { addUsage } from '../../../src-shared/plan';
import { Conversation } from '../../engine/conversation';
import type { RunOutcome } from '../../engine/executor/types';
import { workflowFromRun } from '../../service/workflows/workflow-from-run';
import { createEngineDeps, requireLlm } from '../../service/engine-deps';
import { UsageError } from '../args';
import type { Command } from '../command';
import { describeWrittenOutputs, outputFolder, writeReadableOutputs } from '../output-folder';
import { downloadProgressBar } from '../download-progress';
import { describePlan, runExitCode, runJson } from '../run-report';
import { createEventPrinter } from '../progress-bar';

export const runCommand: Command = {
  name: 'run',
  usage: 'hugginggpt run "<request>" [--json] [--yes] [--out DIR] [--save-workflow FILE]',
  summary: 'plan, select models, execute and answer (all four stages)',
  options: { json: { type: 'boolean' }, yes: { type: 'boolean', short: 'y' }, out: { type: 'string' }, 'save-workflow': { type: 'string' } },
  async run(args, context) {
    const request = args.positionals.join(' ').trim();
    if (!request) throw new UsageError('run needs a request, e.g. hugginggpt run "describe example.jpg"');
    const json = Boolean(args.values.json);
    const { io } = context;
    const settings = context.settings();
    requireLlm(settings);
    const deps = createEngineDeps({ dataDir: context.dataDir, settings: () => settings, cwd: io.cwd, onLlmDownload: downloadProgressBar(io) });
    const conversation = new Conversation(deps);

    io.err('planning...\n');
    const planned = await conversation.plan(request);
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
    const onSignal = () => handle.cancel();
    process.once('SIGINT', onSignal);
    let outcome: RunOutcome;
    try {
      outcome = await handle.done;
    } finally {
      process.off('SIGINT', onSignal);
    }

    const written = await writeReadableOutputs(outputFolder(io.cwd, args.values.out, outcome.runId), tasks, outcome);
    io.err('writing the response...\n');
    let streamed = 0;
    const answer = await conversation.respond(handle.runId, json ? undefined : (soFar) => {
      io.out(soFar.slice(streamed));
      streamed = soFar.length;
    });
    usage = addUsage(usage, answer.usage);
    if (json) io.out(`${JSON.stringify(runJson({ tasks, selections: planned.selections, outcome, response: answer.text, usage, written }), null, 2)}\n`);
    else io.out(`${answer.text.slice(streamed)}\n${describeWrittenOutputs(written)}`);

    const workflowFile = args.values['save-workflow'];
    if (typeof workflowFile === 'string') {
      const workflow = workflowFromRun({ name: request.slice(0, 60), request, tasks, selections: planned.selections, userResources: conversation.userResources });
      const path = resolve(io.cwd, workflowFile);
      await writeFile(path, `${JSON.stringify(workflow, null, 2)}\n`);
      io.err(`workflow saved to ${path} (inputs: ${workflow.inputs.map((i) => i.name).join(', ') || 'none'})\n`);
    }
    io.err(`LLM calls: ${usage.llmCalls}, tokens: ${usage.promptTokens} prompt + ${usage.completionTokens} completion${usage.estimated ? ' (estimated: the server reported no usage)' : ''}\n`);
    await deps.builtIn.close();
    return runExitCode(tasks, outcome);
  },
};
