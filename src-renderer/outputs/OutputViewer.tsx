// The output viewer: one output at full size (image with a boxes toggle, players, long text), Download and Save as.
import { useEffect, useMemo, useState } from 'react';
import { outputFileName } from '../../src-shared/output-names';
import { resourceFileName } from '../../src-shared/resources';
import type { ViewedOutput } from '../app/dialogs';
import { useController, useStudio } from '../app/studio-context';
import { mediaKind } from '../chat/MediaView';
import { Modal } from '../library/Modal';
import { saveAs, savePicker } from './save-output';
import { sourceImageOf } from './source-image';

/** A full-size view of `viewed`, as a dialog. */
export function OutputViewer({ viewed, onClose }: { viewed: ViewedOutput; onClose: () => void }) {
  const { resourceUrl } = useController();
  const { taskId, taskType, output, siblings } = viewed;
  const source = useStudio((s) => (taskType === 'object-detection' && output.modality === 'image' ? sourceImageOf(s, taskId) : undefined));
  const [boxes, setBoxes] = useState(true);
  const [saveError, setSaveError] = useState<string>();
  const name = output.resource ? outputFileName(taskId, output, siblings) : `task-${taskId}-${output.port}.txt`;
  const textUrl = useMemo(() => (output.resource ? undefined : URL.createObjectURL(new Blob([output.text ?? ''], { type: 'text/plain' }))), [output]);
  useEffect(() => () => { if (textUrl) URL.revokeObjectURL(textUrl); }, [textUrl]);
  const url = output.resource ? resourceUrl(output.resource) : textUrl!;
  const kind = output.resource ? mediaKind(output.resource.ext, output.resource.mime) : 'text';
  const label = `${output.port} of task ${taskId} (${taskType})`;
  const shown = kind === 'image' && !boxes && source ? resourceUrl(source) : url;

  const save = () => {
    setSaveError(undefined);
    saveAs(url, name).catch((e: unknown) => setSaveError(e instanceof Error ? e.message : String(e)));
  };

  return (
    <Modal title={`Task ${taskId} · ${output.port}`} onClose={onClose} className="output-viewer">
      <div className="viewer-bar">
        <span className="viewer-name" title={output.resource ? `Stored as resources/${resourceFileName(output.resource)}` : undefined}>{name}</span>
        <span className="spacer" />
        {source && kind === 'image' && (
          <label className="viewer-toggle"><input type="checkbox" checked={boxes} onChange={(e) => setBoxes(e.target.checked)} /> Boxes</label>
        )}
        <a className="btn" href={url} download={name}>Download</a>
        {savePicker() && <button type="button" className="btn" onClick={save}>Save as…</button>}
      </div>
      {saveError && <p role="alert" className="error-text">{saveError}</p>}
      <div className="viewer-body">
        {kind === 'image' && <img className="viewer-image" src={shown} alt={boxes || !source ? label : `${label}, without boxes`} />}
        {kind === 'audio' && <audio className="viewer-audio" src={url} controls aria-label={label} />}
        {kind === 'video' && <video className="viewer-video" src={url} controls aria-label={label} />}
        {kind === 'text' && <pre className="viewer-text" tabIndex={0} aria-label={label}>{output.text}</pre>}
        {kind === 'file' && <p className="hint">This file cannot be shown here: download it to open it.</p>}
      </div>
      {output.resource && <p className="hint viewer-stored">Stored as <code>resources/{resourceFileName(output.resource)}</code> in the data folder.</p>}
    </Modal>
  );
}
