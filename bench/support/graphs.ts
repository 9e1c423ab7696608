// Graph shapes the benchmarks run: a chain, a fan-out, the README's example request, random DAGs.
import type { PlanTask } from '../../src-shared/plan';

/** A plan task with `dep` computed from the `<resource>-N` references in its args. */
export function planTask(id: number, task: string, args: Record<string, string>): PlanTask {
  const refs = Object.values(args).flatMap((v) => [...v.matchAll(/<resource>-(\d+)/g)].map((m) => Number(m[1])));
  return { id, task, args, dep: refs.length > 0 ? [...new Set(refs)] : [-1] };
}

/** The name of the user file the image graphs start from. */
export const INPUT_IMAGE = 'input.png';

/** n image-to-image tasks, each on the previous one's image. */
export function chain(n: number): PlanTask[] {
  return Array.from({ length: n }, (_v, i) => planTask(i, 'image-to-image', { image: i === 0 ? INPUT_IMAGE : `<resource>-${i - 1}` }));
}

/** One text-to-image task whose image n image-to-text tasks caption at once. */
export function fanOut(n: number): PlanTask[] {
  return [
    planTask(0, 'text-to-image', { text: 'a lighthouse at dusk' }),
    ...Array.from({ length: n }, (_v, i) => planTask(i + 1, 'image-to-text', { image: '<resource>-0' })),
  ];
}

/** The README's request: "a girl reading in the pose of the boy in input.png, then describe it with your voice". */
export function exampleGraph(): PlanTask[] {
  return [
    planTask(0, 'openpose-control', { image: INPUT_IMAGE }),
    planTask(1, 'openpose-text-to-image', { image: '<resource>-0', text: 'a girl reading a book' }),
    planTask(2, 'image-to-text', { image: '<resource>-1' }),
    planTask(3, 'object-detection', { image: '<resource>-1' }),
    planTask(4, 'text-to-speech', { text: '<resource>-2' }),
  ];
}

/** A small deterministic PRNG (mulberry32), so every run measures the same random graphs. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A random DAG of `n` text tasks (summarization): each task is a root with probability 0.15, else it reads
 * 1-3 distinct tasks among the 12 before it (all referenced in its text, so data really flows).
 */
export function randomDag(n: number, seed: number, task = 'summarization'): PlanTask[] {
  const random = seededRandom(seed);
  const tasks: PlanTask[] = [];
  for (let id = 0; id < n; id += 1) {
    const deps = new Set<number>();
    if (id > 0 && random() >= 0.15) {
      const want = 1 + Math.floor(random() * 3);
      for (let k = 0; k < want; k += 1) deps.add(Math.max(0, id - 1 - Math.floor(random() * Math.min(12, id))));
    }
    const refs = [...deps].map((d) => `<resource>-${d}`).join(' and ');
    tasks.push(planTask(id, task, { text: refs ? `combine ${refs}` : `paragraph ${id}` }));
  }
  return tasks;
}

/** The number of tasks on the longest dependency path. */
export function criticalPathLength(tasks: PlanTask[]): number {
  const depth = new Map<number, number>();
  for (const t of tasks) {
    const deps = t.dep.filter((d) => d >= 0);
    depth.set(t.id, 1 + Math.max(0, ...deps.map((d) => depth.get(d) ?? 0)));
  }
  return Math.max(...depth.values());
}
