// The task palette through the real engine (`hugginggpt serve` with the seed's fakes: a ControlNet endpoint,
// the built-in runtime off, the fake cloud): what it greys and why is selection's own verdict, the check of
// which task types an Inference Provider serves today included.
import { expect, test } from '@playwright/test';
import { startSeedEngine, type SeedEngine } from './seed-engine';

let engine: SeedEngine;

test.beforeAll(async () => {
  engine = await startSeedEngine('unused');
});

test.afterAll(() => engine?.stop());

test('the palette greys a type no Inference Provider serves with selection\'s reason, and offers what an endpoint or the cloud serves', async ({ page }) => {
  await page.goto(engine.server.url);
  await page.getByRole('button', { name: '+ Add task' }).click();
  const palette = page.getByRole('dialog', { name: 'Add a task' });
  const item = (type: string) => palette.getByRole('button', { name: new RegExp(`^${type}`) });

  // No provider serves depth estimation today, and the built-in runtime that could is off.
  await expect(item('depth-estimation')).toHaveAttribute('aria-disabled', 'true');
  await expect(item('depth-estimation')).toContainText('No model can run "depth-estimation": no Inference Provider serves "depth-estimation" today. To run it, add the built-in runtime');
  // The ControlNet endpoint serves the pose map; the cloud serves detection.
  await expect(item('openpose-control')).not.toHaveAttribute('aria-disabled');
  await expect(item('object-detection')).not.toHaveAttribute('aria-disabled');
  await item('object-detection').click();
  await expect(page.getByRole('group', { name: 'Task 0: object-detection' })).toBeVisible();
});
