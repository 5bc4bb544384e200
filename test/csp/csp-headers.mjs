// Serves the pages under /test/csp/ with a strict Content-Security-Policy, as a school portal
// that embeds the elements might: no inline script, no eval, Trusted Types for Lit only.
// `?style=strict` also forbids inline styles (style attributes and <style> elements).

export const strictPolicy = ["script-src 'self'", "object-src 'none'", "base-uri 'none'", "require-trusted-types-for 'script'", 'trusted-types lit-html'].join('; ');

export const strictStylePolicy = `${strictPolicy}; style-src 'self'`;

/** Koa middleware for @web/test-runner and @web/dev-server. */
export async function cspHeaders(context, next) {
  await next();
  if (!context.path.startsWith('/test/csp/') || !context.path.endsWith('.html')) return;
  context.set('Content-Security-Policy', context.query.style === 'strict' ? strictStylePolicy : strictPolicy);
}
