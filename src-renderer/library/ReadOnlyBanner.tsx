// Over the canvas while a past run is shown: says it is read-only and offers "Edit from this run".
import { useController, useStudio } from '../app/studio-context';

/** The banner (nothing when the graph is editable). */
export function ReadOnlyBanner() {
  const { library } = useController();
  const readOnly = useStudio((s) => s.readOnly);
  const origin = useStudio((s) => s.origin);
  if (readOnly) {
    return (
      <div className="readonly-banner" role="status" title={`Run ${readOnly.runId}`}>
        Past run (read-only)
        <button type="button" className="btn btn-primary" onClick={() => void library.editFromRun()}>Edit from this run</button>
      </div>
    );
  }
  // After "Edit from this run" the banner stays, saying where the graph came from.
  if (origin?.kind === 'run') return <div className="readonly-banner origin" role="status" title={`Run ${origin.runId}`}>Edited from run {origin.runId}</div>;
  if (origin?.kind === 'workflow') return <div className="readonly-banner origin" role="status">Workflow: {origin.name}</div>;
  return null;
}
