// `npm test`: type-check, lint, build, unit/integration tests (Vitest), then end-to-end tests in
// Debian's Chromium (Playwright). Ends with one summary line: "Tests: N passed, N failed, N skipped".
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';

const steps = [];
let failed = false;

function run(name, cmd, args) {
  console.log(`\n━━ ${name}: ${[cmd, ...args].join(' ')}`);
  const started = Date.now();
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, FORCE_COLOR: '0' } });
  const ok = r.status === 0;
  steps.push(`${ok ? 'ok  ' : 'FAIL'} ${name} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  if (!ok) failed = true;
  return ok;
}

const missing = ['/usr/bin/chromium'].filter((p) => !existsSync(p));
if (missing.length) {
  console.error(
    `Missing system packages (${missing.join(', ')}). Install them with: bash scripts/system-packages.sh`,
  );
  process.exit(1);
}

rmSync('test-results', { recursive: true, force: true });
run('type-check', 'npm', ['run', '--silent', 'typecheck']);
run('lint', 'npm', ['run', '--silent', 'lint']);
const built = run('build', process.execPath, ['scripts/build.mjs', '--quiet']);
run('unit and integration tests', 'node_modules/.bin/vitest', [
  'run',
  '--reporter=default',
  '--reporter=json',
  '--outputFile.json=test-results/vitest.json',
]);
if (built) run('end-to-end tests (Chromium)', 'node_modules/.bin/playwright', ['test']);

const counts = { passed: 0, failed: 0, skipped: 0 };
if (existsSync('test-results/vitest.json')) {
  const v = JSON.parse(readFileSync('test-results/vitest.json', 'utf8'));
  counts.passed += v.numPassedTests;
  counts.failed += v.numFailedTests;
  counts.skipped += v.numPendingTests + v.numTodoTests;
}
if (existsSync('test-results/playwright.json')) {
  const p = JSON.parse(readFileSync('test-results/playwright.json', 'utf8')).stats;
  counts.passed += p.expected + p.flaky;
  counts.failed += p.unexpected;
  counts.skipped += p.skipped;
}
if (failed && counts.failed === 0) counts.failed = 1; // a failed step (type-check, lint, build) counts as a failure

console.log(`\n${steps.join('\n')}`);
console.log(`Tests: ${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped`);
process.exit(failed ? 1 : 0);
