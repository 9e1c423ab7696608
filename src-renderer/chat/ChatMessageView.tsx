// One chat message: the user's request (with its attachments) or the assistant's markdown answer.
import { memo } from 'react';
import { useOpenDialog } from '../app/dialogs';
import { useController, useStudio } from '../app/studio-context';
import { useOpenOutput } from '../outputs/use-open-output';
import type { ChatMessage } from '../store/studio-state';
import { AttachmentChips } from './AttachmentChips';
import { Markdown } from './Markdown';
import { MediaView } from './MediaView';

/** Media outputs of the latest run, embedded under the generated response. */
function RunMedia() {
  const { resourceUrl } = useController();
  const openOutput = useOpenOutput();
  const runs = useStudio((s) => s.runs);
  const media = Object.entries(runs).flatMap(([id, r]) =>
    r.outputs.filter((o) => o.resource).map((o) => ({ id, output: o })),
  );
  if (!media.length) return null;
  return (
    <div className="run-media" aria-label="Generated media">
      {media.map(({ id, output }) => (
        <figure key={`${id}-${output.port}`} className={`run-media-${output.modality}`}>
          <MediaView url={resourceUrl(output.resource!)} ext={output.resource!.ext} mime={output.resource!.mime} label={`Task ${id} ${output.port}`} />
          <figcaption>
            Task {id} · {output.port}{' '}
            <button type="button" className="node-btn" onClick={() => openOutput(Number(id), output.port)} aria-label={`Open task ${id} ${output.port} full size`}>Open</button>
          </figcaption>
        </figure>
      ))}
    </div>
  );
}

/** The setting that most likely fixes an error of a stage: the LLM for planning and answers, endpoints and token for runs. */
function FixLink({ where }: { where: ChatMessage['where'] }) {
  const open = useOpenDialog();
  if (where !== 'plan' && where !== 'response' && where !== 'run') return null;
  return (
    <button type="button" className="link-btn" onClick={() => open({ kind: 'settings' })}>
      {where === 'run' ? 'Check the Hugging Face token and local endpoints' : 'Configure the LLM'}
    </button>
  );
}

/** A message bubble. */
export const ChatMessageView = memo(function ChatMessageView({ message }: { message: ChatMessage }) {
  const isResponse = useStudio((s) => message.requestId !== undefined && s.responseRequestId === message.requestId);
  return (
    <div className={`msg msg-${message.role}`} aria-busy={message.streaming || undefined}>
      {message.role === 'user' ? <p className="msg-text">{message.text}</p> : message.role === 'error' ? <p className="msg-text" role="alert">{message.text}</p> : <Markdown text={message.text || '…'} />}
      {message.role === 'error' && <FixLink where={message.where} />}
      {message.attachments && message.attachments.length > 0 && <AttachmentChips attachments={message.attachments} uploading={0} />}
      {isResponse && !message.streaming && <RunMedia />}
    </div>
  );
});
