// One chat message: the user's request (with its attachments) or the assistant's markdown answer.
import { memo } from 'react';
import { useOpenDialog } from '../app/dialogs';
import { useController } from '../app/studio-context';
import { useOpenOutput } from '../outputs/use-open-output';
import type { ChatMessage } from '../store/studio-state';
import { AttachmentChips } from './AttachmentChips';
import { Markdown } from './Markdown';
import { MediaView } from './MediaView';

/** The media an answer described, as copied into the message when it was written (later runs never change it). */
function AnswerMedia({ media }: { media: NonNullable<ChatMessage['media']> }) {
  const { resourceUrl } = useController();
  const openOutput = useOpenOutput();
  if (!media.length) return null;
  return (
    <div className="run-media" aria-label="Generated media">
      {media.map(({ taskId, output }) => (
        <figure key={`${taskId}-${output.port}`} className={`run-media-${output.modality}`}>
          <MediaView url={resourceUrl(output.resource!)} ext={output.resource!.ext} mime={output.resource!.mime} label={`Task ${taskId} ${output.port}`} />
          <figcaption>
            Task {taskId} · {output.port}{' '}
            <button type="button" className="node-btn" onClick={() => openOutput(taskId, output.port, media.filter((m) => m.taskId === taskId).map((m) => m.output))} aria-label={`Open task ${taskId} ${output.port} full size`}>Open</button>
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
  return (
    <div className={`msg msg-${message.role}`} aria-busy={message.streaming || undefined} data-run-id={message.runId}>
      {message.role === 'user' ? <p className="msg-text">{message.text}</p> : message.role === 'error' ? <p className="msg-text" role="alert">{message.text}</p> : <Markdown text={message.text || '…'} media={message.media} />}
      {message.role === 'error' && <FixLink where={message.where} />}
      {message.attachments && message.attachments.length > 0 && <AttachmentChips attachments={message.attachments} uploading={0} />}
      {message.media && !message.streaming && <AnswerMedia media={message.media} />}
      {message.runId && !message.streaming && <p className="msg-run">Run {message.runId}</p>}
    </div>
  );
});
