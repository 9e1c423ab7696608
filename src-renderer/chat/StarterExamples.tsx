// Starter examples on an empty conversation: requests that show what the app does, one click to fill the box.

/** Requests that exercise several modalities and models (file names are attachments the user adds). */
export const STARTER_EXAMPLES: readonly { title: string; request: string }[] = [
  { title: 'Picture, then describe it aloud', request: 'Generate an image of a lighthouse at dusk, describe what is in it, and read the description aloud.' },
  { title: 'Find objects in a photo', request: 'Attach a photo, then: detect the objects in my photo and tell me how many people are in it.' },
  { title: 'Transcribe and summarise', request: 'Attach a recording, then: transcribe my audio and summarise it in three bullet points.' },
  { title: 'Same pose, new picture', request: 'Attach a photo of a person, then: make an image of an astronaut in the same pose as the person in my photo.' },
];

/** The example buttons; `onPick` fills the request box (nothing is sent). */
export function StarterExamples({ onPick }: { onPick: (request: string) => void }) {
  return (
    <div className="starter-examples" role="group" aria-label="Starter examples">
      <p className="hint">Try an example (it fills the Request box; attach files where it says so):</p>
      {STARTER_EXAMPLES.map((e) => (
        <button key={e.title} type="button" className="starter" onClick={() => onPick(e.request.replace(/^Attach [^:]+: /, ''))} title={e.request}>
          <b>{e.title}</b>
          <span>{e.request}</span>
        </button>
      ))}
    </div>
  );
}
