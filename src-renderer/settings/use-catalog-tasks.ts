// Which task each catalog model serves, to fill in a model's task once its repo id is typed.
import { useCallback, useRef } from 'react';
import { TASK_TYPES } from '../../src-shared/tasks';
import { useController } from '../app/studio-context';

/** Looks up a repo id's task in the catalog (loaded once, on first use, from `catalog.candidates`). */
export function useCatalogTasks(): (repoId: string) => Promise<string | undefined> {
  const index = useRef<Promise<Map<string, string>>>(undefined);
  const { client } = useController();
  return useCallback(async (repoId: string) => {
    index.current ??= Promise.allSettled(TASK_TYPES.map(({ type: task }) => client.invoke('catalog.candidates', { task }))).then((results) => {
      const byId = new Map<string, string>();
      for (const result of results) {
        if (result.status === 'fulfilled') for (const c of result.value) if (!byId.has(c.id)) byId.set(c.id, c.task);
      }
      return byId;
    });
    return (await index.current).get(repoId.trim());
  }, [client]);
}
