import type { Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';

export const SCREENSHOT_DIR = 'test-results/screenshots';

/** Saves a full-page screenshot at the current size and at the 1024×768 projector size, for review. */
export async function captureScreens(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const size = page.viewportSize();
  await page.screenshot({ path: `${SCREENSHOT_DIR}/${name}.png`, fullPage: true });
  await page.setViewportSize({ width: 1024, height: 768 });
  await page.screenshot({ path: `${SCREENSHOT_DIR}/${name}-1024x768.png`, fullPage: true });
  if (size) await page.setViewportSize(size);
}
