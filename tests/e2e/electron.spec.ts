import { _electron as electron, expect, test } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findElectronBinary } from '../../scripts/electron-binary.mjs';
import { ensureElectronNative } from '../../scripts/native-electron.mjs';

const binary = findElectronBinary();
const skipReason = binary.available ? null : `Electron smoke test skipped: ${binary.reason}.`;
if (skipReason) console.log(skipReason);

test('Electron host: the window opens sandboxed and the case list works over IPC', async () => {
  test.skip(!binary.available, skipReason ?? '');
  if (!binary.available) return;
  const native = ensureElectronNative();
  expect(native.ok, native.ok ? '' : native.reason).toBe(true);
  const dataDir = mkdtempSync(join(tmpdir(), 'scr-electron-'));
  const app = await electron.launch({
    executablePath: binary.path,
    args: ['dist/electron/main.cjs', '--no-sandbox'],
    env: { ...process.env, SCR_DATA_DIR: dataDir },
  });
  try {
    const page = await app.firstWindow();
    await expect(page).toHaveURL(/^app:\/\/renderer\//);
    expect(await page.evaluate('typeof require')).toBe('undefined');
    await page.getByLabel('Your name').fill('Dr. Desktop');
    await page.getByLabel('Discipline').selectOption('spine-surgery');
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByRole('button', { name: 'New case' }).click();
    await page.getByLabel('Case title').fill('Electron smoke case');
    await page.getByRole('button', { name: 'Create case' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Electron smoke case');
  } finally {
    await app.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
});
