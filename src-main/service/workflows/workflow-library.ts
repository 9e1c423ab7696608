// The app's workflows library: `<dataDir>/workflows/<id>.json`, written atomically; deleted files go to
// `.trash/` so that a delete can be undone. A save over an existing workflow keeps its previous version in the
// trash too; nothing is ever lost by a save or an import.
import { randomBytes } from 'node:crypto';
import { access, copyFile, mkdir, readdir, readFile, rename, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { WorkflowEntry } from '../../../src-shared/library';
import type { Workflow } from '../../../src-shared/workflow';
import { StudioError } from '../../../src-shared/contract-error';
import { migrateWorkflow } from './migrate-workflow';
import { removeStaleTempFiles, writeFileAtomic } from '../../platform/atomic-file';

/** A library file id: the file's stem. */
export const WORKFLOW_ID_PATTERN = /^[a-z0-9][a-z0-9_-]{0,80}$/;

const exists = (path: string) => access(path).then(() => true, () => false);

/** `Pose to image!` -> `pose-to-image`. */
function slug(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 40) || 'workflow';
}

/** Parses and migrates a workflow file's text; refuses bad JSON, invalid content and newer versions. */
export function parseWorkflowText(text: string, fileName: string): Workflow {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (error) {
    throw new StudioError('invalid-workflow', `${fileName} is not a workflow file: it is not valid JSON (${(error as Error).message})`);
  }
  try {
    return migrateWorkflow(doc);
  } catch (error) {
    throw new StudioError('invalid-workflow', `${fileName}: ${(error as Error).message}`);
  }
}

/** Workflow files in one data folder. */
export class WorkflowLibrary {
  readonly folder: string;
  readonly trash: string;

  constructor(dataDir: string) {
    this.folder = join(dataDir, 'workflows');
    this.trash = join(this.folder, '.trash');
  }

  private path(id: string, deleted = false): string {
    if (!WORKFLOW_ID_PATTERN.test(id)) throw new StudioError('not-found', `no workflow "${id}"`);
    return join(deleted ? this.trash : this.folder, `${id}.json`);
  }

  /** The workflows (or the deleted ones), newest first, whose name or description contains `query`. */
  async list(options: { query?: string; deleted?: boolean } = {}): Promise<WorkflowEntry[]> {
    const folder = options.deleted ? this.trash : this.folder;
    await removeStaleTempFiles(folder);
    const names = await readdir(folder).catch(() => [] as string[]);
    const entries: WorkflowEntry[] = [];
    for (const name of names) {
      const id = name.replace(/\.json$/, '');
      if (!name.endsWith('.json') || !WORKFLOW_ID_PATTERN.test(id)) continue;
      entries.push(await this.read(id, options.deleted).then((found) => found.entry, (error: unknown) => this.damagedEntry(id, error, options.deleted)));
    }
    const query = options.query?.trim().toLowerCase();
    const shown = query ? entries.filter((e) => `${e.name}\n${e.description}`.toLowerCase().includes(query)) : entries;
    return shown.sort((a, b) => b.updatedAt - a.updatedAt || a.name.localeCompare(b.name));
  }

  /** A file that cannot be read, listed with the reason instead of being hidden (it is left untouched). */
  private async damagedEntry(id: string, error: unknown, deleted = false): Promise<WorkflowEntry> {
    const info = await stat(this.path(id, deleted)).catch(() => undefined);
    const reason = error instanceof Error ? error.message : String(error);
    const entry: WorkflowEntry = { id, name: `${id}.json`, description: reason, inputs: [], taskCount: 0, updatedAt: info?.mtimeMs ?? 0, damaged: reason };
    return deleted ? { ...entry, deleted: true } : entry;
  }

  /** One workflow with its entry; `not-found` when there is none, `invalid-workflow` when it cannot be read. */
  async read(id: string, deleted = false): Promise<{ entry: WorkflowEntry; workflow: Workflow }> {
    const path = this.path(id, deleted);
    const text = await readFile(path, 'utf8').catch((error: NodeJS.ErrnoException) => {
      throw error.code === 'ENOENT' ? new StudioError('not-found', `no workflow "${id}"`) : error;
    });
    const workflow = parseWorkflowText(text, `${id}.json`);
    const info = await stat(path);
    return { entry: entryOf(id, workflow, info.mtimeMs, deleted), workflow };
  }

  /** Stores `workflow` under a new id (derived from its name). */
  async add(workflow: Workflow): Promise<WorkflowEntry> {
    return this.write(await this.freeId(workflow.name), workflow);
  }

  /** An id used neither in the library nor in its trash. */
  private async freeId(name: string): Promise<string> {
    let id = slug(name);
    while ((await exists(this.path(id))) || (await exists(this.path(id, true)))) id = `${slug(name)}-${randomBytes(3).toString('hex')}`;
    return id;
  }

  /** Replaces an existing workflow's content (rename). */
  async replace(id: string, workflow: Workflow): Promise<WorkflowEntry> {
    if (!(await exists(this.path(id)))) throw new StudioError('not-found', `no workflow "${id}"`);
    return this.write(id, workflow);
  }

  /** Saves new content over workflow `id` (keeping its creation time); the previous version goes to the trash. */
  async update(id: string, workflow: Workflow): Promise<WorkflowEntry> {
    const { workflow: previous } = await this.read(id);
    const aside = await this.freeId(`${id}-previous`);
    await mkdir(this.trash, { recursive: true });
    await copyFile(this.path(id), this.path(aside, true));
    return this.write(id, { ...workflow, createdAt: previous.createdAt });
  }

  private async write(id: string, workflow: Workflow): Promise<WorkflowEntry> {
    await writeFileAtomic(this.path(id), `${JSON.stringify(workflow, null, 2)}\n`);
    return entryOf(id, workflow, Date.now(), false);
  }

  /** Moves a workflow to the trash. */
  async remove(id: string): Promise<void> {
    const from = this.path(id);
    if (!(await exists(from))) throw new StudioError('not-found', `no workflow "${id}"`);
    await mkdir(this.trash, { recursive: true });
    await rename(from, this.path(id, true));
  }

  /** Brings a deleted workflow back (under a new id if its old one was taken since). */
  async restore(id: string): Promise<WorkflowEntry> {
    const { workflow } = await this.read(id, true);
    const target = (await exists(this.path(id))) ? await this.freeId(workflow.name) : id;
    await mkdir(this.folder, { recursive: true });
    await rename(this.path(id, true), this.path(target));
    return (await this.read(target)).entry;
  }
}

function entryOf(id: string, workflow: Workflow, updatedAt: number, deleted: boolean): WorkflowEntry {
  const entry: WorkflowEntry = { id, name: workflow.name, description: workflow.description, inputs: workflow.inputs, taskCount: workflow.tasks.length, updatedAt };
  return deleted ? { ...entry, deleted: true } : entry;
}
