// One output in the inspector: image, players or text, with "Open" for the full-size viewer (download, save as).
import { outputFileName } from '../../src-shared/output-names';
import type { TaskOutput } from '../../src-shared/resources';
import { useController } from '../app/studio-context';
import { MediaView } from '../chat/MediaView';
import { useOpenOutput } from '../outputs/use-open-output';

/** An output in the inspector. */
export function OutputView({ taskId, output, siblings }: { taskId: number; output: TaskOutput; siblings: TaskOutput[] }) {
  const { resourceUrl } = useController();
  const openOutput = useOpenOutput();
  const name = output.resource ? outputFileName(taskId, output, siblings) : `${output.port} · ${output.modality}`;
  return (
    <figure className="output">
      <figcaption>
        <span>{name}</span>
        <button type="button" className="node-btn" onClick={() => openOutput(taskId, output.port)} aria-label={`Open ${name} full size`}>Open</button>
      </figcaption>
      {output.resource ? (
        <MediaView url={resourceUrl(output.resource)} ext={output.resource.ext} mime={output.resource.mime} label={name} />
      ) : (
        <pre className="output-full">{output.text}</pre>
      )}
    </figure>
  );
}
