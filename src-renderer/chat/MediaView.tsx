// Embeds a stored resource by its kind: image, audio player, video player, or a link to the file.
import { memo } from 'react';

const IMAGE = ['png', 'jpg', 'jpeg', 'gif', 'webp', 'bmp'];
const AUDIO = ['wav', 'mp3', 'flac', 'ogg', 'm4a', 'webm'];
const VIDEO = ['mp4', 'mov', 'mkv', 'avi'];

/** The media kind of a file extension. */
export function mediaKind(ext: string, mime = ''): 'image' | 'audio' | 'video' | 'file' {
  if (mime.startsWith('image/') || IMAGE.includes(ext)) return 'image';
  if (mime.startsWith('audio/') || AUDIO.includes(ext)) return 'audio';
  if (mime.startsWith('video/') || VIDEO.includes(ext)) return 'video';
  return 'file';
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
