// The value of an input on a node: literal text, or a thumbnail when it names a file the user attached.
import { memo } from 'react';
import type { Modality } from '../../src-shared/tasks';
import { useController, useStudio } from '../app/studio-context';
import { MediaView } from '../chat/MediaView';
import type { Studio } from '../store/studio-store';

/** The attachment of the conversation with this name, if any. */
export const findAttachment = (s: Pick<Studio, 'chat'>, name: string | undefined) => {
  if (!name) return undefined;
  for (const m of s.chat) for (const a of m.attachments ?? []) if (a.name === name || a.resource.hash === name) return a;
  return undefined;
};

/** An argument value that may name an attachment (an image, audio or video input): its thumbnail, or the text. */
const AttachmentPreview = memo(function AttachmentPreview({ value }: { value: string }) {
  const { resourceUrl } = useController();
  const attachment = useStudio((s) => findAttachment(s, value));
  if (!attachment) return <span className="port-value" title={value}>{value}</span>;
  return (
    <span className="port-value" title={value}>
      <MediaView url={resourceUrl(attachment.resource)} ext={attachment.resource.ext} mime={attachment.resource.mime} label={value} compact />
    </span>
  );
});

/** An argument value on a node (a text input never names an attachment, so it watches no store). */
export const ArgumentPreview = memo(function ArgumentPreview({ value, modality }: { value: string | undefined; modality: Modality }) {
  if (!value) return <span className="port-value empty">empty</span>;
  if (modality !== 'text') return <AttachmentPreview value={value} />;
  return <span className="port-value" title={value}>{value}</span>;
});
