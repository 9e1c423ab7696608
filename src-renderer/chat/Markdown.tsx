// Model text as safe markdown: no raw HTML, no remote images; our own resources are embedded as media.
import { memo } from 'react';
import ReactMarkdown, { type Components } from 'react-markdown';
import { RESOURCE_FILE_PATTERN, type TaskOutput } from '../../src-shared/resources';
import { useController, useStudioStore } from '../app/studio-context';
import { outputWithHash, useOpenOutput } from '../outputs/use-open-output';
import { MediaView } from './MediaView';

/** The stored resource a URL or path names (`.../<sha256>.<ext>`), if any. */
export function resourceInUrl(url: string | undefined): { hash: string; ext: string } | undefined {
  const last = (url ?? '').split(/[/\\]/).pop() ?? '';
  if (!RESOURCE_FILE_PATTERN.test(last)) return undefined;
  const [hash, ext] = last.split('.');
  return { hash, ext };
}

/** Renders markdown from the LLM safely. */
export const Markdown = memo(function Markdown({ text, media }: { text: string; media?: { taskId: number; output: TaskOutput }[] }) {
  const { resourceUrl } = useController();
  const store = useStudioStore();
  const openOutput = useOpenOutput();
  const components: Components = {
    img({ src, alt }) {
      const ref = resourceInUrl(typeof src === 'string' ? src : undefined);
      if (!ref) return <span className="blocked" title={typeof src === 'string' ? src : ''}>[image not loaded: {alt || 'remote image'}]</span>;
      return <MediaView url={resourceUrl(ref)} ext={ref.ext} label={alt ?? ''} />;
    },
    a({ href, children }) {
      const ref = resourceInUrl(href);
      // A generated file named in the answer (`task-1-image.png`): one click opens it in the output viewer,
      // from the answer's own copy of its media first (later runs never change what an answer shows).
      const own = ref && media?.find((m) => m.output.resource?.hash === ref.hash);
      const produced = own ?? (ref && outputWithHash(store.getState().runs, ref.hash));
      if (ref && produced) {
        const siblings = own ? media!.filter((m) => m.taskId === own.taskId).map((m) => m.output) : undefined;
        return (
          <button type="button" className="link-btn file-name" title={`Stored as resources/${ref.hash}.${ref.ext}`} onClick={() => openOutput(produced.taskId, produced.output.port, siblings)}>
            {children}
          </button>
        );
      }
      if (ref) return <MediaView url={resourceUrl(ref)} ext={ref.ext} label={String(children ?? '')} />;
      return <span className="link" title={href}>{children}</span>;
    },
  };
  return (
    <div className="markdown">
      <ReactMarkdown skipHtml components={components}>
        {text}
      </ReactMarkdown>
    </div>
  );
});
