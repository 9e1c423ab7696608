// `hugginggpt eval`: planning metrics against annotated requests, from the configured LLM or recorded outputs.
import { appendFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { EvalInputError, parseDataset, parsePredictions, type EvalItem, type EvalPrediction } from '../../engine/eval/dataset';
import { planDataset } from '../../engine/eval/plan-dataset';
import { formatMarkdownReport, formatMetricsTable } from '../../engine/eval/report';
import { scoreRequests, summarize, type EvalScoring } from '../../engine/eval/score';
import { planWithPlanner } from '../../engine/eval/plan-with-planner';
import { parsePlanText } from '../../engine/planner/parse-plan';
import { createChatModels } from '../../platform/chat-model-factory';
import { llmUnconfigured } from '../../platform/openai-chat';
import { intOption, UsageError, type ParsedArgs } from '../args';
import { downloadProgressBar } from '../download-progress';
import type { CliContext } from '../context';

const DEFAULT_CONCURRENCY = 4;

/** Reads and parses one evaluation file; unreadable or malformed files are usage errors (exit 2). */
function readEvalFile<T>(path: string, what: string, parse: (text: string) => T): T {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new UsageError(`cannot read ${what} ${path}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
  try {
    return parse(text);
  } catch (error) {
    if (error instanceof EvalInputError) throw new UsageError(`${path}: ${error.message}`);
    throw error;
  }
}

/** A fresh run folder under `<dataDir>/eval/`, named by the time. */
function createRunFolder(dataDir: string): string {
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  let folder = join(dataDir, 'eval', stamp);
  for (let n = 2; existsSync(folder); n++) folder = join(dataDir, 'eval', `${stamp}-${n}`);
  mkdirSync(folder, { recursive: true });
  return folder;
}

/** A progress word on one raw output, read by the app's parser. */
function describeOutput(output: string): string {
  try {
    const n = parsePlanText(output).length;
    return `planned ${n} task${n === 1 ? '' : 's'}`;
  } catch (error) {
    return `no usable plan (${error instanceof Error ? error.message : String(error)})`;
  }
}

/** LLM mode: plans every request with the configured LLM, saving each raw output as it arrives. */
async function planWithLlm(dataset: EvalItem[], concurrency: number, context: CliContext): Promise<{ predictions: EvalPrediction[]; folder: string }> {
  const settings = context.settings();
  if (settings.llm.provider !== 'built-in' && llmUnconfigured(settings.llm)) {
    throw new UsageError('no LLM configured: set OPENAI_API_KEY, or llm.baseURL (and llm.apiKey) in a --config file; or score recorded outputs with --predictions');
  }
  const chat = createChatModels({ dataDir: context.dataDir, settings: () => settings, onDownload: downloadProgressBar(context.io) }).chat();
  const folder = createRunFolder(context.dataDir);
  const predictionsPath = join(folder, 'predictions.jsonl');
  writeFileSync(predictionsPath, '');
  context.io.err(`eval: planning ${dataset.length} requests with ${settings.llm.model} (${concurrency} at a time); raw outputs in ${predictionsPath}\n`);
  const predictions = await planDataset(dataset, {
    concurrency,
    plan: planWithPlanner(chat),
    onPrediction: (prediction, done, total) => {
      appendFileSync(predictionsPath, JSON.stringify(prediction) + '\n');
      const seconds = ((prediction.llm?.latencyMs ?? 0) / 1000).toFixed(1);
      const status = prediction.output === null ? `failed: ${prediction.error}` : describeOutput(prediction.output);
      context.io.err(`[${done}/${total}] ${prediction.id} ${status} (${seconds} s)\n`);
    },
  });
  return { predictions, folder };
}

/** Offline mode: recorded outputs, matched to the dataset by id (mismatches are reported on stderr). */
function readPredictions(path: string, dataset: EvalItem[], context: CliContext): EvalPrediction[] {
  const predictions = readEvalFile(path, 'predictions', parsePredictions);
  const datasetIds = new Set(dataset.map((i) => i.id));
  const predictedIds = new Set(predictions.map((p) => p.id));
  const unknown = predictions.filter((p) => !datasetIds.has(p.id)).map((p) => p.id);
  const missing = dataset.filter((i) => !predictedIds.has(i.id)).map((i) => i.id);
  if (unknown.length) context.io.err(`eval: ignoring ${unknown.length} prediction(s) for ids not in the dataset: ${unknown.join(', ')}\n`);
  if (missing.length) context.io.err(`eval: ${missing.length} request(s) have no prediction and count as unusable: ${missing.join(', ')}\n`);
  return predictions;
}

/** The scoring definitions named by --scoring (default: the paper's). */
function scoringOption(value: unknown): EvalScoring {
  if (value === undefined) return 'paper';
  if (value === 'paper' || value === 'taskbench') return value;
  throw new UsageError(`--scoring must be "paper" or "taskbench", not "${String(value)}"`);
}

function datasetPath(args: ParsedArgs, cwd: string): string {
  if (args.positionals.length !== 1) throw new UsageError('eval needs exactly one dataset file: hugginggpt eval <dataset.jsonl>');
  return resolve(cwd, args.positionals[0]);
}

/** Runs `hugginggpt eval` (its usage and options: specs.ts). */
export async function run(args: ParsedArgs, context: CliContext): Promise<number> {
  const { io } = context;
  const path = datasetPath(args, io.cwd);
  const concurrency = intOption(args.values.concurrency, 'concurrency') ?? DEFAULT_CONCURRENCY;
  if (concurrency < 1) throw new UsageError('--concurrency must be at least 1');
  const scoring = scoringOption(args.values.scoring);
  const dataset = readEvalFile(path, 'dataset', parseDataset);
  const predictionsOption = typeof args.values.predictions === 'string' ? resolve(io.cwd, args.values.predictions) : undefined;

  let predictions: EvalPrediction[];
  let defaultReport: string;
  if (predictionsOption) {
    predictions = readPredictions(predictionsOption, dataset, context);
    defaultReport = join(dirname(predictionsOption), `${basename(predictionsOption, extname(predictionsOption))}.report.md`);
  } else {
    const run = await planWithLlm(dataset, concurrency, context);
    predictions = run.predictions;
    defaultReport = join(run.folder, 'report.md');
  }

  const scored = scoreRequests(dataset, predictions, parsePlanText, Boolean(args.values['canonical-names']));
  const summary = summarize(scored, !predictionsOption, { scoring });
  const reportPath = typeof args.values.report === 'string' ? resolve(io.cwd, args.values.report) : defaultReport;
  mkdirSync(dirname(reportPath), { recursive: true });
  const names = args.values['canonical-names'] ? 'canonical task names' : 'task names as written';
  writeFileSync(reportPath, formatMarkdownReport(summary, scored, `${basename(path)} (${scoring} scoring, ${names})`));

  io.err(`eval: ${scoring} scoring, ${names}\n`);
  io.err(formatMetricsTable(summary));
  io.err(`eval: report in ${reportPath}\n`);
  if (args.values.json) io.out(JSON.stringify(summary, null, 2) + '\n');
  if (!predictionsOption && summary.llm && summary.llm.failures === dataset.length) {
    io.err('eval: every LLM call failed; check the llm settings (baseURL, apiKey, model)\n');
    return 1;
  }
  return 0;
}
