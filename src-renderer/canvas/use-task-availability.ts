// Which task types can run with the current settings (asked each time the palette opens: settings may have changed).
import { useEffect, useState } from 'react';
import type { TaskAvailability } from '../../src-shared/contract';
import { useController } from '../app/studio-context';

/** Availability by task type; empty until the engine answers (or when it cannot: then nothing is greyed). */
export function useTaskAvailability(): Map<string, TaskAvailability> {
  const { client } = useController();
  const [byTask, setByTask] = useState(new Map<string, TaskAvailability>());
  useEffect(() => {
    let live = true;
    client.invoke('catalog.availability', undefined).then(
      (list) => live && setByTask(new Map(list.map((a) => [a.task, a]))),
      () => undefined,
    );
    return () => { live = false; };
  }, [client]);
  return byTask;
}
