// The conversation: messages, the request box with attachments, and the Plan / Run / Cancel / Generate response buttons.
import { useEffect, useRef, useState, type DragEvent, type FormEvent, type KeyboardEvent } from 'react';
import { useStore } from 'zustand';
import type { Attachment } from '../../src-shared/contract';
import { useOpenDialog } from '../app/dialogs';
import { planBlocked } from '../app/llm-status';
import { RunBar } from '../app/RunBar';
import { useController, useStudio } from '../app/studio-context';
import { AttachmentChips } from './AttachmentChips';
import { ChatMessageView } from './ChatMessageView';
import { StarterExamples } from './StarterExamples';
import { LlmDownloadNotice } from './LlmDownloadNotice';

/** The left panel. */
export function ChatPanel() {
  const controller = useController();
  const chat = useStudio((s) => s.chat);
  const planning = useStudio((s) => s.planning);
  const [request, setRequest] = useState('');
  const [attachments, setAttachments] = useState<Attachment[]>([]);
  const [uploading, setUploading] = useState(0);
  const [uploadError, setUploadError] = useState<string>();
  const [dragging, setDragging] = useState(false);
  const fileInput = useRef<HTMLInputElement>(null);
  const list = useRef<HTMLDivElement>(null);
  const requestBox = useRef<HTMLTextAreaElement>(null);
  const llm = useStore(controller.llm);
  const blocked = planBlocked(llm);
  const openDialog = useOpenDialog();

  useEffect(() => {
    list.current?.scrollTo({ top: list.current.scrollHeight });
  }, [chat]);

  const addFiles = async (files: FileList | File[]) => {
    setUploadError(undefined);
    for (const file of Array.from(files)) {
      setUploading((n) => n + 1);
      try {
        const attachment = await controller.upload(file);
        setAttachments((a) => [...a, attachment]);
      } catch (e) {
        setUploadError(`Could not upload ${file.name}: ${e instanceof Error ? e.message : String(e)}`);
      } finally {
        setUploading((n) => n - 1);
      }
    }
  };

  const submit = (e?: FormEvent) => {
    e?.preventDefault();
    const text = request.trim();
    if (!text || planning || uploading || blocked) return;
    void controller.plan(text, attachments);
    setRequest('');
    setAttachments([]);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLTextAreaElement>) => {
    if (e.key === 'Enter' && !e.shiftKey && !e.nativeEvent.isComposing) submit(e);
  };
  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setDragging(false);
    if (e.dataTransfer.files.length) void addFiles(e.dataTransfer.files);
  };

  return (
    <div className={`chat ${dragging ? 'chat-dragging' : ''}`} onDragOver={(e) => { e.preventDefault(); setDragging(true); }} onDragLeave={() => setDragging(false)} onDrop={onDrop}>
      <div className="chat-log" ref={list} role="log" aria-label="Conversation">
        {chat.length === 0 && (
          <>
            <p className="hint">Describe what you want, e.g. “Describe the objects in this photo and read the description aloud.” Attach files with “Attach files” or drop them here.</p>
            <StarterExamples onPick={(text) => { setRequest(text); requestBox.current?.focus(); }} />
          </>
        )}
        {chat.map((m) => <ChatMessageView key={m.id} message={m} />)}
        {planning && <p className="hint" aria-live="polite">Planning…</p>}
        <LlmDownloadNotice />
      </div>
      <form className="composer" onSubmit={submit}>
        <AttachmentChips attachments={attachments} uploading={uploading} onRemove={(i) => setAttachments((a) => a.filter((_, j) => j !== i))} />
        {uploadError && <p className="error-text" role="alert">{uploadError}</p>}
        <label className="field-label" htmlFor="request">Request</label>
        <textarea id="request" ref={requestBox} className="request" rows={3} value={request} onChange={(e) => setRequest(e.target.value)} onKeyDown={onKeyDown} placeholder="Ask for something; Enter to plan, Shift+Enter for a new line" />
        <div className="composer-actions">
          <button type="button" className="btn" onClick={() => fileInput.current?.click()} title="Attach images, audio, video or tables (or drop files here)">
            Attach files
          </button>
          <input ref={fileInput} type="file" multiple hidden onChange={(e) => { if (e.target.files) void addFiles(e.target.files); e.target.value = ''; }} />
          <span className="spacer" />
          <button type="submit" className="btn btn-primary" disabled={!request.trim() || planning || uploading > 0 || blocked}
            aria-describedby={blocked ? 'plan-blocked' : undefined} title={blocked ? llm.message : 'Plan the request (Enter)'}>
            Plan
          </button>
        </div>
        {blocked && (
          <div id="plan-blocked" className="plan-blocked" role="status">
            <span>Plan is off: {llm.message}</span>
            <span className="inspector-row">
              <button type="button" className="btn" onClick={() => openDialog({ kind: llm.readiness === 'unconfigured' ? 'setup' : 'settings' })}>
                {llm.readiness === 'unconfigured' ? 'Set up an LLM' : 'Configure the LLM'}
              </button>
              <button type="button" className="btn" onClick={() => void controller.llm.getState().check()}>Check again</button>
            </span>
          </div>
        )}
      </form>
      <RunBar />
    </div>
  );
}
