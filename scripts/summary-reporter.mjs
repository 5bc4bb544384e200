// Prints the closing line CI reads: "N passed, N failed" alone on a line.
function countTests(suite, counts) {
  for (const test of suite.tests ?? []) {
    if (test.skipped) counts.skipped += 1;
    else if (test.passed) counts.passed += 1;
    else counts.failed += 1;
  }
  for (const child of suite.suites ?? []) countTests(child, counts);
}

export function summaryReporter() {
  return {
    onTestRunFinished({ sessions }) {
      const counts = { passed: 0, failed: 0, skipped: 0 };
      for (const session of sessions) {
        if (session.testResults) countTests(session.testResults, counts);
        // A file that failed to load has no test results: count it as one failure.
        if (!session.passed && (!session.testResults || session.errors?.length)) counts.failed += session.errors?.length ? 1 : 0;
      }
      process.stdout.write(`\nbrowser tests: ${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped\n`);
      globalThis.__dddCounts = counts;
    },
  };
}
