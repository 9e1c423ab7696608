// One chat message: the user's request (with its attachments) or the assistant's markdown answer.
import { memo } from 'react';
import { useController, useStudio } from '../app/studio-context';
import type { ChatMessage } from '../store/studio-state';
import { AttachmentChips } from './AttachmentChips';
import { Markdown } from './Markdown';
import { MediaView } from './MediaView';

/** Media outputs of the latest run, embedded under the generated response. */
function RunMedia() {
  const { resourceUrl } = useController();
  const runs = useStudio((s) => s.runs);
  const media = Object.entries(runs).flatMap(([id, r]) =>
    r.outputs.filter((o) => o.resource).map((o) => ({ id, output: o })),
  );
  if (!media.length) return null;
  return (
    <div className="run-media" aria-label="Generated media">
      {media.map(({ id, output }) => (
        <figure key={`${id}-${output.port}`}>
          <MediaView url={resourceUrl(output.resource!)} ext={output.resource!.ext} mime={output.resource!.mime} label={`Task ${id} ${output.port}`} />
          <figcaption>Task {id} · {output.port}</figcaption>
        </figure>
      ))}
    </div>
  );
}

/** A message bubble. */
export const ChatMessageView = memo(function ChatMessageView({ message }: { message: ChatMessage }) {
  const isResponse = useStudio((s) => message.requestId !== undefined && s.responseRequestId === message.requestId);
  return (
    <div className={`msg msg-${message.role}`} aria-busy={message.streaming || undefined}>
      {message.role === 'user' ? <p className="msg-text">{message.text}</p> : message.role === 'error' ? <p className="msg-text" role="alert">{message.text}</p> : <Markdown text={message.text || '…'} />}
      {message.attachments && message.attachments.length > 0 && <AttachmentChips attachments={message.attachments} uploading={0} />}
      {isResponse && !message.streaming && <RunMedia />}
    </div>
  );
});
