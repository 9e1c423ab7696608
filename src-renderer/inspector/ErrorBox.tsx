// A failed node's error with what the user can do: retry, swap the model and retry, or edit and retry.
import type { AttemptRecord, TaskError } from '../../src-shared/run-events';

/** The error panel. */
export function ErrorBox({ error, attempts, onRetry, onSwapModel, onEdit }: { error: TaskError; attempts?: AttemptRecord[]; onRetry: () => void; onSwapModel: () => void; onEdit: () => void }) {
  return (
    <div className="error-box" role="alert">
      <p>
        <b>{error.kind}</b>{error.status ? ` (HTTP ${error.status})` : ''}: {error.message}
      </p>
      {error.bodyExcerpt && <pre className="log">{error.bodyExcerpt}</pre>}
      <div className="inspector-row">
        <button type="button" className="btn" onClick={onRetry}>Retry</button>
        <button type="button" className="btn" onClick={onSwapModel}>Swap model and retry</button>
        <button type="button" className="btn" onClick={onEdit}>Edit and retry</button>
      </div>
      {attempts && attempts.length > 0 && (
        <table className="attempts">
          <thead><tr><th>#</th><th>endpoint</th><th>status</th><th>time</th></tr></thead>
          <tbody>
            {attempts.map((a) => (
              <tr key={a.attempt} title={a.url}>
                <td>{a.attempt}</td><td>{a.endpoint}</td><td>{a.status ?? a.error?.kind ?? ''}</td><td>{a.durationMs} ms</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
