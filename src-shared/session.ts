// The open session as it is saved in the data folder and restored on reload or restart: the open tabs, each
// a document (conversation, graph, layout, selection, the nodes' latest results), and which tab is shown.
// The renderer writes it; the engine checks its shape and migrates files of older versions.
import { z } from 'zod';
import type { Attachment } from './contract';
import { PlanTaskSchema, type PlanTask } from './plan';
import type { TaskOutput } from './resources';
import type { Selections } from './selection';

/** The version of the session file; older files are migrated forward on load (1: a single document, no tabs). */
export const SESSION_VERSION = 2;

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

/** One tab's document. `runs` holds each node's latest result as the canvas showed it. */
export type SessionDocument = {
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
  /** The user edited the graph since it was planned, opened or saved (shown as unsaved; replacing it asks). */
  edited?: boolean;
};

/** One open tab. */
export type SessionTab = { id: string } & SessionDocument;

/** The saved session: the open tabs in order and the one shown. */
export type StudioSession = {
  version: typeof SESSION_VERSION;
  savedAt: number;
  activeTab: string;
  tabs: SessionTab[];
};

const XYSchema = z.object({ x: z.number(), y: z.number() });
const MessageSchema = z.looseObject({ id: z.string(), role: z.enum(['user', 'assistant', 'error']), text: z.string() });
const SelectionSchema = z.looseObject({ taskId: z.number(), model: z.string(), endpoint: z.string(), reason: z.string(), method: z.string() });

const DocumentShape = {
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
};

/** The tab id a version-1 session's single document is restored under. */
export const FIRST_TAB_ID = 'tab-1';

/** The shape a session must have to be saved (unknown extra fields are kept); at least one tab, the shown one among them. */
export const StudioSessionSchema = z.object({
  version: z.literal(SESSION_VERSION),
  savedAt: z.number(),
  activeTab: z.string(),
  tabs: z.array(z.object({ id: z.string().min(1), ...DocumentShape })).min(1).max(100),
}).refine((s) => s.tabs.some((t) => t.id === s.activeTab), { message: 'activeTab is not one of the tabs', path: ['activeTab'] })
  .refine((s) => new Set(s.tabs.map((t) => t.id)).size === s.tabs.length, { message: 'two tabs have the same id', path: ['tabs'] });

/** A version-1 session file (one document, before tabs). */
const SessionV1Schema = z.object({ version: z.literal(1), savedAt: z.number(), ...DocumentShape });

/** A session file of any known version, migrated to the current one. */
export const SessionFileSchema = z.union([
  StudioSessionSchema,
  SessionV1Schema.transform(({ version: _v, savedAt, ...document }) => ({ version: SESSION_VERSION, savedAt, activeTab: FIRST_TAB_ID, tabs: [{ id: FIRST_TAB_ID, ...document }] })),
]);

/** What loading the session found: the session (or none), and a problem to tell the user (a corrupt file kept aside). */
export type LoadedSession = { session: StudioSession | null; problem?: string };
