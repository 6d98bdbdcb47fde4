// `npm test`: type-check, lint, build, unit/integration tests (Vitest), then end-to-end tests in
// Debian's Chromium (Playwright). Ends with one summary line: "Tests: N passed, N failed, N skipped",
// preceded by every skip and its reason. With CI=true a missing reference tool fails the run before
// anything else, and any skip but the Electron smoke test is a failure.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { INSTALL_HINT, isCi, missingReferenceTools } from './reference-tools.mjs';
import { isAllowedSkip, mergeTallies, playwrightTally, vitestTally } from './test-summary.mjs';

const steps = [];
let failed = false;
const ci = isCi();

function run(name, cmd, args) {
  console.log(`\n━━ ${name}: ${[cmd, ...args].join(' ')}`);
  const started = Date.now();
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, FORCE_COLOR: '0' } });
  const ok = r.status === 0;
  steps.push(`${ok ? 'ok  ' : 'FAIL'} ${name} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  if (!ok) failed = true;
  return ok;
}

const missing = missingReferenceTools();
if (missing.length && (ci || missing.some((t) => t.name === 'chromium'))) {
  console.error(`Missing reference tools${ci ? ' (CI=true: a missing tool fails, never skips)' : ''}:`);
  for (const t of missing) console.error(`  - ${t.name}: ${t.reason}`);
  console.error(`Install them with: ${INSTALL_HINT}`);
  console.log('Tests: 0 passed, 1 failed, 0 skipped');
  process.exit(1);
}
for (const t of missing)
  console.log(`Note: ${t.name} is missing (${t.reason}); tests that need it will skip.`);
if (process.argv.includes('--preflight')) {
  console.log('Reference tools present.');
  process.exit(0);
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

const read = (file) => (existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : null);
const vitest = read('test-results/vitest.json');
const playwright = read('test-results/playwright.json');
const counts = mergeTallies(
  vitest ? vitestTally(vitest) : { passed: 0, failed: 0, skipped: [] },
  playwright ? playwrightTally(playwright) : { passed: 0, failed: 0, skipped: [] },
);
if (failed && counts.failed === 0) counts.failed = 1; // a failed step (type-check, lint, build) counts as a failure

console.log(`\n${steps.join('\n')}`);
for (const s of counts.skipped) {
  const refused = ci && !isAllowedSkip(s);
  console.log(`${refused ? 'FAIL skipped under CI' : 'skipped'}: ${s.name} — ${s.reason}`);
  if (refused) {
    counts.failed++;
    failed = true;
  }
}
console.log(`Tests: ${counts.passed} passed, ${counts.failed} failed, ${counts.skipped.length} skipped`);
process.exit(failed ? 1 : 0);
