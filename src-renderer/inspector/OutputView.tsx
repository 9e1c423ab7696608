// One output at full size: image (detection boxes are drawn by the engine), audio and video players, text.
import type { TaskOutput } from '../../src-shared/resources';
import { useController } from '../app/studio-context';
import { MediaView } from '../chat/MediaView';

/** An output in the inspector. */
export function OutputView({ output }: { output: TaskOutput }) {
  const { resourceUrl } = useController();
  return (
    <figure className="output">
      <figcaption>{output.port} · {output.modality}</figcaption>
      {output.resource ? (
        <MediaView url={resourceUrl(output.resource)} ext={output.resource.ext} mime={output.resource.mime} label={output.port} />
      ) : (
        <pre className="output-full">{output.text}</pre>
      )}
    </figure>
  );
}
