// The model catalog on disk: the bundled snapshot (resources/model-catalog.json) or a refreshed cache in the data folder.
import { keepAsideSync } from './atomic-file';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import bundledSnapshot from '../../resources/model-catalog.json' with { type: 'json' };
import type { CatalogModel } from '../engine/selector/catalog-model';
import { writeFileAtomicSync } from './atomic-file';

const CatalogModelSchema = z.object({
  id: z.string().min(1),
  task: z.string().min(1),
  downloads: z.number().nonnegative(),
  likes: z.number().nonnegative(),
  license: z.string().optional(),
  description: z.string(),
  providers: z.array(z.string()).optional(),
});

/** The catalog file format (snapshot and cache alike). */
export const CatalogFileSchema = z.object({
  version: z.literal(1),
  source: z.string(),
  snapshotDate: z.string(),
  /** Where downloads and likes come from: `estimated` (the hand-made snapshot) or `hub` (a refresh). */
  figures: z.enum(['estimated', 'hub']).default('estimated'),
  /** Cloud task types no provider served at the last refresh (absent: never checked). */
  noCloudProvider: z.array(z.string()).optional(),
  models: z.array(CatalogModelSchema),
});
export type CatalogFile = z.input<typeof CatalogFileSchema>;

/** The loaded catalog, where it came from, and a problem worth telling the user (a corrupt cache set aside). */
export interface LoadedCatalog {
  models: CatalogModel[];
  source: 'snapshot' | 'cache';
  /** Whether downloads and likes are estimates (the snapshot) or the Hub's figures (a refresh). */
  figures: 'estimated' | 'hub';
  /** Cloud task types the last refresh found no provider for. */
  noCloudProvider: string[];
  warning?: string;
}

/** A catalog that cannot be read at all (the bundled snapshot is missing or broken). */
export class CatalogError extends Error {
  constructor(
    readonly kind: 'snapshot' | 'hub' | 'network' | 'timeout' | 'cancelled' | 'auth',
    message: string,
  ) {
    super(message);
    this.name = 'CatalogError';
  }
}

/** A name for the bundled snapshot in messages (it is compiled into the app, not read from disk). */
const BUNDLED_SNAPSHOT = 'resources/model-catalog.json (bundled)';

/** Where a refreshed catalog is cached. */
export const cachePath = (dataDir: string): string => join(dataDir, 'catalog.json');

/** Reads and validates a catalog file; throws with a one-line reason. */
export function readCatalogFile(path: string): z.output<typeof CatalogFileSchema> {
  return validateCatalog(JSON.parse(readFileSync(path, 'utf8')));
}

/** Writes a catalog file atomically (temporary file, then rename). */
export function writeCatalogFile(path: string, file: CatalogFile): void {
  writeFileAtomicSync(path, `${JSON.stringify(file, null, 1)}\n`);
}

/** Validates a parsed catalog document; throws with a one-line reason. */
function validateCatalog(json: unknown): z.output<typeof CatalogFileSchema> {
  const parsed = CatalogFileSchema.safeParse(json);
  if (!parsed.success) throw new Error(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).slice(0, 3).join('; '));
  return parsed.data;
}

/**
 * The snapshot compiled into the app (or another catalog file, for tests); a broken one is a CatalogError.
 * It is imported rather than read beside the module, because bundling moves the module (out/main/chunks).
 */
export function loadSnapshot(path?: string): z.output<typeof CatalogFileSchema> {
  try {
    return path ? readCatalogFile(path) : validateCatalog(bundledSnapshot);
  } catch (error) {
    throw new CatalogError('snapshot', `the model catalog ${path ?? BUNDLED_SNAPSHOT} cannot be read: ${(error as Error).message}`);
  }
}

/**
 * The catalog: `<dataDir>/catalog.json` when a refresh wrote one, else the bundled snapshot. A corrupt cache is
 * moved aside to `catalog.json.corrupt-<time>` and reported in `warning`; the snapshot is used instead.
 */
export function loadCatalog(dataDir: string, options: { snapshotPath?: string } = {}): LoadedCatalog {
  const cache = cachePath(dataDir);
  let warning: string | undefined;
  if (existsSync(cache)) {
    try {
      const file = readCatalogFile(cache);
      return { models: file.models, source: 'cache', figures: file.figures, noCloudProvider: file.noCloudProvider ?? [] };
    } catch (error) {
      const aside = keepAsideSync(cache);
      warning = `the cached model catalog was unreadable (${(error as Error).message}); it was moved to ${aside} and the bundled snapshot is used`;
    }
  }
  const snapshot = loadSnapshot(options.snapshotPath);
  return { models: snapshot.models, source: 'snapshot', figures: snapshot.figures, noCloudProvider: snapshot.noCloudProvider ?? [], warning };
}
