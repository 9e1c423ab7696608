// Embeds a stored resource by its kind: image, audio player, video player, or a link to the file.
import { memo } from 'react';
import { fileKindOfMime, fileKindOfName } from '../../src-shared/file-kinds';

/** How a stored file is shown: by its MIME type, else its extension (src-shared/file-kinds.ts). */
export function mediaKind(ext: string, mime = ''): 'image' | 'audio' | 'video' | 'file' {
  const modality = (fileKindOfMime(mime) ?? fileKindOfName(`.${ext}`))?.modality;
  return modality === 'image' || modality === 'audio' || modality === 'video' ? modality : 'file';
}

/** One embedded resource. */
export const MediaView = memo(function MediaView({ url, ext, mime, label, compact }: { url: string; ext: string; mime?: string; label: string; compact?: boolean }) {
  const kind = mediaKind(ext, mime);
  if (kind === 'image') return <img className={compact ? 'thumb' : 'media'} src={url} alt={label || 'generated image'} loading="lazy" />;
  if (kind === 'audio') return <audio className="media" src={url} controls aria-label={label || 'generated audio'} />;
  if (kind === 'video') return <video className={compact ? 'thumb' : 'media'} src={url} controls aria-label={label || 'generated video'} />;
  return (
    <a className="file-link" href={url} download>
      {label || `file.${ext}`}
    </a>
  );
});
