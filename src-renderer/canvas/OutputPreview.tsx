// A node's outputs in small: image thumbnails, players, and the start of text outputs.
import { memo } from 'react';
import type { TaskOutput } from '../../src-shared/resources';
import { useController } from '../app/studio-context';
import { MediaView } from '../chat/MediaView';

/** The outputs of a node's latest run. */
export const OutputPreview = memo(function OutputPreview({ outputs }: { outputs: TaskOutput[] }) {
  const { resourceUrl } = useController();
  if (!outputs.length) return null;
  return (
    <div className="node-outputs">
      {outputs.map((o) =>
        o.resource ? (
          <MediaView key={o.port} url={resourceUrl(o.resource)} ext={o.resource.ext} mime={o.resource.mime} label={o.port} compact />
        ) : (
          <p key={o.port} className="output-text" title={o.text}>{o.text}</p>
        ),
      )}
    </div>
  );
});
