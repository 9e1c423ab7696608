// A node's outputs in small: each one a button that opens it full size in the output viewer (audio also plays here).
import { memo } from 'react';
import { outputFileName } from '../../src-shared/output-names';
import type { TaskOutput } from '../../src-shared/resources';
import { useController } from '../app/studio-context';
import { mediaKind } from '../chat/MediaView';
import { useOpenOutput } from '../outputs/use-open-output';

/** The outputs of a node's latest run. */
export const OutputPreview = memo(function OutputPreview({ taskId, outputs }: { taskId: number; outputs: TaskOutput[] }) {
  const { resourceUrl } = useController();
  const openOutput = useOpenOutput();
  if (!outputs.length) return null;
  return (
    <div className="node-outputs">
      {outputs.map((o) => {
        const kind = o.resource ? mediaKind(o.resource.ext, o.resource.mime) : 'text';
        const name = o.resource ? outputFileName(taskId, o, outputs) : `${o.port} text`;
        if (kind === 'audio') {
          return (
            <div key={o.port} className="output-audio-row nodrag">
              <audio className="media" src={resourceUrl(o.resource!)} controls aria-label={`${name} (task ${taskId} output)`} />
              <button type="button" className="node-btn" onClick={() => openOutput(taskId, o.port)} aria-label={`Open ${name} (task ${taskId} output)`}>Open</button>
            </div>
          );
        }
        return (
          <button key={o.port} type="button" className={`output-open nodrag output-${kind}`} onClick={() => openOutput(taskId, o.port)}
            aria-label={`Open ${name} (task ${taskId} output)`} title={`Open ${name}`}>
            {kind === 'image' && <img className="thumb" src={resourceUrl(o.resource!)} alt="" loading="lazy" />}
            {kind === 'text' && <span className="output-text">{o.text}</span>}
            {kind !== 'image' && kind !== 'text' && <span className="output-file">{name}</span>}
          </button>
        );
      })}
    </div>
  );
});
