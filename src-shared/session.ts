// The open session (conversation, graph, layout, selection, the nodes' latest results) as it is saved in the
// data folder and restored on reload or restart. The renderer writes it; the engine checks its shape.
import { z } from 'zod';
import type { Attachment } from './contract';
import { PlanTaskSchema, type PlanTask } from './plan';
import type { TaskOutput } from './resources';
import type { Selections } from './selection';

/** The version of the session file; older files are migrated forward on load. */
export const SESSION_VERSION = 1;

/** One entry of the conversation, as shown and saved. An answer never changes once written. */
export type SessionMessage = {
  id: string;
  role: 'user' | 'assistant' | 'error';
  text: string;
  attachments?: Attachment[];
  /** The engine request this message streams from (plan answer or response). */
  requestId?: string;
  streaming?: boolean;
  /** The run a response describes: kept with the message, never re-pointed at a later run. */
  runId?: string;
  /** The media outputs the response described, copied when it was written. */
  media?: { taskId: number; output: TaskOutput }[];
  /** For errors: the stage that failed, so the message can link to the setting that fixes it. */
  where?: 'plan' | 'run' | 'response' | 'other';
};

/** Where the graph came from, if not from a plan. */
export type SessionOrigin = { kind: 'workflow'; id: string; name: string } | { kind: 'run'; runId: string };

/** The saved session. `runs` holds each node's latest result as the canvas showed it. */
export type StudioSession = {
  version: typeof SESSION_VERSION;
  savedAt: number;
  conversationId?: string;
  tasks: PlanTask[];
  selections: Selections;
  changed: number[];
  positions: Record<string, { x: number; y: number }>;
  selectedTaskIds: number[];
  chat: SessionMessage[];
  runs: Record<string, Record<string, unknown>>;
  lastRunId?: string;
  readOnlyRunId?: string;
  origin?: SessionOrigin;
  /** The user edited the graph (a new plan asks before replacing it). */
  edited?: boolean;
};

const XYSchema = z.object({ x: z.number(), y: z.number() });
const MessageSchema = z.looseObject({ id: z.string(), role: z.enum(['user', 'assistant', 'error']), text: z.string() });
const SelectionSchema = z.looseObject({ taskId: z.number(), model: z.string(), endpoint: z.string(), reason: z.string(), method: z.string() });

/** The shape a session file must have (unknown extra fields are kept). */
export const StudioSessionSchema = z.object({
  version: z.literal(SESSION_VERSION),
  savedAt: z.number(),
  conversationId: z.string().optional(),
  tasks: z.array(PlanTaskSchema),
  selections: z.record(z.string(), SelectionSchema),
  changed: z.array(z.number()),
  positions: z.record(z.string(), XYSchema),
  selectedTaskIds: z.array(z.number()),
  chat: z.array(MessageSchema),
  runs: z.record(z.string(), z.looseObject({ status: z.string() })),
  lastRunId: z.string().optional(),
  readOnlyRunId: z.string().optional(),
  origin: z.union([
    z.object({ kind: z.literal('workflow'), id: z.string(), name: z.string() }),
    z.object({ kind: z.literal('run'), runId: z.string() }),
  ]).optional(),
  edited: z.boolean().optional(),
});

/** What loading the session found: the session (or none), and a problem to tell the user (a corrupt file kept aside). */
export type LoadedSession = { session: StudioSession | null; problem?: string };
