// Reads Vitest's and Playwright's JSON reports into one tally whose skip count is exactly the list of
// named skips (title and reason), so the closing line never hides a skip.

/** Skipped Vitest tests with their reason (the reason travels in the title: "… [skipped: why]"). */
export function vitestTally(report) {
  const tally = { passed: 0, failed: 0, skipped: [] };
  for (const file of report.testResults ?? []) {
    const results = file.assertionResults ?? [];
    // A file that failed to load (e.g. CI=true and a reference tool missing) has no test results.
    if (file.status === 'failed' && results.length === 0) tally.failed++;
    for (const t of results) {
      const name = [...(t.ancestorTitles ?? []), t.title].join(' › ');
      if (t.status === 'passed') tally.passed++;
      else if (t.status === 'failed') tally.failed++;
      else tally.skipped.push({ runner: 'vitest', name, reason: reasonFromTitle(name) ?? 'no reason given' });
    }
  }
  return tally;
}

function reasonFromTitle(name) {
  const m = /\[skipped: ([^\]]*)\]/.exec(name);
  return m ? m[1] : null;
}

function* playwrightTests(suite, titles = []) {
  const here = suite.title ? [...titles, suite.title] : titles;
  for (const spec of suite.specs ?? [])
    for (const test of spec.tests ?? [])
      yield { name: [...here, spec.title].join(' › '), file: spec.file, test };
  for (const child of suite.suites ?? []) yield* playwrightTests(child, here);
}

/** Playwright's tally; a skip's reason is its `skip` annotation. */
export function playwrightTally(report) {
  const tally = { passed: 0, failed: 0, skipped: [] };
  for (const suite of report.suites ?? [])
    for (const { name, file, test } of playwrightTests(suite)) {
      if (test.status === 'skipped') {
        const note = (test.annotations ?? []).find((a) => a.type === 'skip');
        tally.skipped.push({
          runner: 'playwright',
          name,
          file,
          reason: note?.description || 'no reason given',
        });
      } else if (test.status === 'expected' || test.status === 'flaky') tally.passed++;
      else tally.failed++;
    }
  return tally;
}

/** The only skip allowed under CI: the Electron smoke test, whose binary cannot run on every machine. */
export const isAllowedSkip = (skip) =>
  skip.runner === 'playwright' && /electron\.spec\.ts$/.test(skip.file ?? '');

export function mergeTallies(...tallies) {
  return tallies.reduce(
    (all, t) => ({
      passed: all.passed + t.passed,
      failed: all.failed + t.failed,
      skipped: [...all.skipped, ...t.skipped],
    }),
    { passed: 0, failed: 0, skipped: [] },
  );
}
