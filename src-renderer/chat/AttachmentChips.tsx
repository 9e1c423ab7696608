// The files attached to the next request, as removable chips.
import type { Attachment } from '../../src-shared/contract';

/** Chips for attachments, plus an uploading indicator. */
export function AttachmentChips({ attachments, uploading, onRemove }: { attachments: Attachment[]; uploading: number; onRemove?: (index: number) => void }) {
  if (!attachments.length && !uploading) return null;
  return (
    <ul className="chips" aria-label="Attachments">
      {attachments.map((a, i) => (
        <li key={`${a.resource.hash}-${i}`} className="chip" title={`${a.resource.mime}, ${Math.ceil(a.resource.size / 1024)} KB`}>
          <span>{a.name}</span>
          {onRemove && (
            <button type="button" className="chip-remove" aria-label={`Remove ${a.name}`} onClick={() => onRemove(i)}>
              ×
            </button>
          )}
        </li>
      ))}
      {uploading > 0 && <li className="chip chip-pending">Uploading {uploading}…</li>}
    </ul>
  );
}
