// A classic script, so it runs before any module: every CSP violation of the page is kept in
// window.cspViolations for the test to read (the events are also what a portal would report).
window.cspViolations = [];
document.addEventListener(
  'securitypolicyviolation',
  (event) => {
    window.cspViolations.push({
      directive: event.effectiveDirective,
      blocked: event.blockedURI,
      sample: event.sample,
      source: `${event.sourceFile}:${event.lineNumber}:${event.columnNumber}`,
    });
  },
  true,
);
