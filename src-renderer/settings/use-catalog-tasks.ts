// Which task a catalog model serves, to fill in a model's task once its repo id is typed.
import { useCallback } from 'react';
import { useController } from '../app/studio-context';

/** Looks up a repo id's task in the whole catalog (not only what the endpoints serve now). */
export function useCatalogTasks(): (repoId: string) => Promise<string | undefined> {
  const { client } = useController();
  return useCallback(async (repoId: string) => {
    const model = await client.invoke('catalog.model', { id: repoId.trim() }).catch(() => null);
    return model?.task;
  }, [client]);
}
