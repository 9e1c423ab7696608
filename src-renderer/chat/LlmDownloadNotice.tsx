// Shows the built-in LLM's one-time model download in the chat while a request waits for it.
import { useEffect, useState, type JSX } from 'react';
import { formatBytes, type BuiltInLlmDownload } from '../../src-shared/built-in-llm';
import { useController } from '../app/studio-context';

/** "Downloading the built-in LLM … 45% (0.87 GB of 1.93 GB)" while a download runs; nothing otherwise. */
export function LlmDownloadNotice(): JSX.Element | null {
  const { client } = useController();
  const [progress, setProgress] = useState<BuiltInLlmDownload>();
  useEffect(() => client.on('llm.download', (p) => setProgress(p.receivedBytes >= p.totalBytes ? undefined : p)), [client]);
  if (!progress) return null;
  const percent = progress.totalBytes > 0 ? Math.floor((100 * progress.receivedBytes) / progress.totalBytes) : 0;
  return (
    <p className="hint" role="status" aria-label="Built-in LLM download">
      Downloading the built-in LLM {progress.model} (once): <progress max={100} value={percent} /> {percent}% ({formatBytes(progress.receivedBytes)} of {formatBytes(progress.totalBytes)})
    </p>
  );
}
