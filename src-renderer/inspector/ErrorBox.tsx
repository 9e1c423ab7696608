// A failed node's error with what the user can do: retry, swap the model and retry, or edit and retry;
// and what was sent and answered: the request (arguments, model, endpoint) and every attempt.
import type { AttemptRecord, TaskError } from '../../src-shared/run-events';

/** The call a node made, as the user may see it (no secrets: tokens live in the engine). */
export type SentRequest = { model?: string; endpoint?: string; args: Record<string, string> };

/** The error panel. */
export function ErrorBox({ error, attempts, request, onRetry, onSwapModel, onEdit }: { error: TaskError; attempts?: AttemptRecord[]; request?: SentRequest; onRetry: () => void; onSwapModel: () => void; onEdit: () => void }) {
  const last = attempts?.at(-1);
  return (
    <div className="error-box" role="alert">
      <p>
        <b>{error.kind}</b>{error.status ? ` (HTTP ${error.status})` : ''}: {error.message}
      </p>
      <div className="inspector-row">
        <button type="button" className="btn" onClick={onRetry}>Retry</button>
        <button type="button" className="btn" onClick={onSwapModel}>Swap model and retry</button>
        <button type="button" className="btn" onClick={onEdit}>Edit and retry</button>
      </div>
      {request && (
        <details className="sent-request" open>
          <summary>Request sent</summary>
          <dl aria-label="Request sent">
            <dt>model</dt><dd>{request.model ?? '—'}</dd>
            <dt>endpoint</dt><dd>{request.endpoint ?? '—'}{last?.url ? ` (${last.url})` : ''}</dd>
            {Object.entries(request.args).map(([port, value]) => (
              <span key={port} className="sent-arg"><dt>{port}</dt><dd>{value.replace(/<resource>-(\d+)/g, 'output of Task $1')}</dd></span>
            ))}
          </dl>
        </details>
      )}
      {(error.status !== undefined || error.bodyExcerpt) && (
        <details className="sent-response" open>
          <summary>Response{error.status !== undefined ? `: HTTP ${error.status}` : ''}</summary>
          {error.bodyExcerpt && <pre className="log" aria-label="Response body">{error.bodyExcerpt}</pre>}
        </details>
      )}
      {attempts && attempts.length > 0 && (
        <table className="attempts" aria-label="Attempts">
          <thead><tr><th>#</th><th>endpoint</th><th>status</th><th>error</th><th>time</th></tr></thead>
          <tbody>
            {attempts.map((a) => (
              <tr key={a.attempt} title={a.url}>
                <td>{a.attempt}</td><td>{a.endpoint}</td><td>{a.status ?? a.error?.kind ?? 'ok'}</td><td>{a.error?.message ?? ''}</td><td>{a.durationMs} ms</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
