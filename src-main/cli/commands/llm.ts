// `hugginggpt llm`: the built-in LLM's model files: list (with sizes), download, delete.
import { builtInLlmEntries, builtInModelOf, formatBytes, parseGgufRef, type BuiltInLlmEntry } from '../../../src-shared/built-in-llm';
import { GgufDownloadError } from '../../platform/llama-chat/gguf-download';
import { createGgufStore } from '../../platform/llama-chat/gguf-store';
import { UsageError, type ParsedArgs } from '../args';
import { downloadProgressBar } from '../download-progress';
import type { CliContext } from '../context';

function describeEntry(e: BuiltInLlmEntry): string {
  const mark = e.selected ? '*' : ' ';
  const state = e.downloadedBytes !== undefined ? `downloaded, ${formatBytes(e.downloadedBytes)}` : e.offer ? `not downloaded (${formatBytes(e.offer.downloadBytes)})` : 'not downloaded';
  const about = e.offer ? `  ${e.offer.label}, needs about ${formatBytes(e.offer.memoryBytes)} of memory: ${e.offer.note}` : '';
  return `${mark} ${e.model}\n    ${state}${about ? `\n  ${about}` : ''}\n`;
}

/** Runs `hugginggpt llm` (its usage and options: specs.ts). */
export async function run(args: ParsedArgs, context: CliContext): Promise<number> {
  const { io } = context;
  const [action = 'list', model, ...extra] = args.positionals;
  if (extra.length) throw new UsageError(`llm ${action} takes one model, got ${args.positionals.length - 1}`);
  const settings = context.settings();
  const store = createGgufStore(context.dataDir, () => ({ hubUrl: settings.huggingface.hubUrl, token: settings.huggingface.token }));
  // A model named on the command line must be a GGUF reference; otherwise the one settings select.
  const pick = (): string => {
    if (!model) return builtInModelOf(settings.llm.model);
    try {
      const ref = parseGgufRef(model);
      return `${ref.repo}/${ref.file}`;
    } catch (error) {
      throw new UsageError((error as Error).message);
    }
  };
  if (action === 'list') {
    const entries = builtInLlmEntries(await store.list(), settings.llm.model);
    io.out(args.values.json ? `${JSON.stringify(entries, null, 2)}\n` : `${entries.map(describeEntry).join('')}(* = the model llm.model selects; files in ${context.dataDir}/llm-models)\n`);
    return 0;
  }
  if (action === 'download') {
    const chosen = pick();
    try {
      const path = await store.ensure(chosen, { onProgress: downloadProgressBar(io) });
      io.out(args.values.json ? `${JSON.stringify({ model: chosen, path })}\n` : `${chosen} is in ${path}\n`);
      return 0;
    } catch (error) {
      if (!(error instanceof GgufDownloadError)) throw error;
      io.err(`hugginggpt: ${error.message}\n`);
      return 1;
    }
  }
  if (action === 'delete') {
    if (!model) throw new UsageError('llm delete needs a model, e.g. hugginggpt llm delete <org>/<repo>/<file>.gguf (see hugginggpt llm list)');
    const deleted = await store.delete(pick());
    io.err(deleted ? `deleted ${model}\n` : `${model} was not downloaded\n`);
    return deleted ? 0 : 1;
  }
  throw new UsageError(`unknown llm action "${action}" (try: list, download, delete)`);
}
