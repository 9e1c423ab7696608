// `hugginggpt workflow run FILE`: runs a saved workflow on new inputs, without any planning call.
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { emptyUsage } from '../../../src-shared/plan';
import { Conversation } from '../../engine/conversation';
import type { PlanTask } from '../../../src-shared/plan';
import type { InputValue } from '../../service/workflows/instantiate-workflow';
import { startWorkflowRun, type WorkflowRun } from '../../service/workflows/run-workflow';
import { migrateWorkflow } from '../../service/workflows/migrate-workflow';
import { createEngineDeps } from '../../service/engine-deps';
import { importUserFile } from '../../platform/fs-resource-store';
import { UsageError, type ParsedArgs } from '../args';
import { STOPPED_EXIT_CODE } from '../io';
import { describeWrittenOutputs, outputFolder, writeReadableOutputs } from '../output-folder';
import { createEventPrinter } from '../progress-bar';
import { describeResults, runExitCode, runJson } from '../run-report';
import type { CliContext } from '../context';
import { WORKFLOW } from './specs';

async function readWorkflow(path: string) {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new UsageError(`cannot read workflow ${path}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
  try {
    return migrateWorkflow(JSON.parse(text));
  } catch (error) {
    throw new UsageError(`${path}: ${(error as Error).message}`);
  }
}

/** Runs `hugginggpt workflow` (its usage and options: specs.ts). */
export async function run(args: ParsedArgs, context: CliContext): Promise<number> {
  const [action, file, ...extra] = args.positionals;
  if (action !== 'run' || !file || extra.length) throw new UsageError(`usage: ${WORKFLOW.usage}`);
  const { io } = context;
  const workflow = await readWorkflow(resolve(io.cwd, file));
  const settings = context.settings();
  const deps = createEngineDeps({ dataDir: context.dataDir, settings: () => settings, cwd: io.cwd });

  const values: Record<string, InputValue> = {};
  for (const pair of (args.values.input as string[] | undefined) ?? []) {
    const eq = pair.indexOf('=');
    if (eq <= 0) throw new UsageError(`--input takes NAME=VALUE, got "${pair}"`);
    const name = pair.slice(0, eq);
    const value = pair.slice(eq + 1);
    const input = workflow.inputs.find((i) => i.name === name);
    if (!input) throw new UsageError(`the workflow has no input "${name}" (inputs: ${workflow.inputs.map((i) => i.name).join(', ') || 'none'})`);
    if (input.modality === 'text') values[name] = { text: value };
    else {
      const file = await importUserFile(deps.store, resolve(io.cwd, value)).catch((e: Error) => {
        throw new UsageError(`--input ${name}: cannot read ${value}: ${(e as NodeJS.ErrnoException).code ?? e.message}`);
      });
      values[name] = { file, name: value };
    }
  }
  let started: WorkflowRun;
  const byId = new Map<number, PlanTask>();
  const printEvent = createEventPrinter(io, byId);
  try {
    started = startWorkflowRun(new Conversation(deps), workflow, values, {
      onEvent: printEvent, // byId is filled once the workflow has started
    });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const { instance, handle } = started;
  for (const t of instance.tasks) byId.set(t.id, t);
  const onStop = () => handle.cancel();
  io.signal?.addEventListener('abort', onStop, { once: true });
  const outcome = await handle.done.finally(() => io.signal?.removeEventListener('abort', onStop));
  if (outcome.recordError) io.err(`warning: ${outcome.recordError}\n`);
  const written = await writeReadableOutputs(outputFolder(io.cwd, args.values.out, outcome.runId), instance.tasks, outcome);
  const doc = runJson({ tasks: instance.tasks, selections: instance.selections, outcome, response: '', usage: emptyUsage(), written });
  if (args.values.json) io.out(`${JSON.stringify(doc, null, 2)}\n`);
  else io.out(`${describeResults(instance.tasks, outcome)}${describeWrittenOutputs(written)}`);
  await deps.builtIn.close();
  return io.signal?.aborted ? STOPPED_EXIT_CODE : runExitCode(instance.tasks, outcome);
}
