# The reference server (@doorstroom/server) as a container image; see docs/operations.md.
#   docker build -t doorstroom-server .
#   docker run -p 3000:3000 -e DATABASE_URL=postgres://… -e DOORSTROOM_OIDC_ISSUER=… doorstroom-server
# packages/server/test/dockerfile.test.ts runs these same steps, read from this file, without a
# docker daemon: keep every step a plain shell command with paths relative to its WORKDIR.

# 1. Build: the SDK's and the server's dist (tsc, no tsx at run time) and the consent page's script (<ddd-consent>'s own file, beside the bundle) with its language files, packed as npm would publish them.
FROM node:24-bookworm-slim AS build
WORKDIR /build
COPY . .
RUN npm ci --no-audit --no-fund
RUN node scripts/build-server.mjs
RUN mkdir -p pack && npm pack --workspace @doorstroom/sdk --workspace @doorstroom/server --pack-destination pack
RUN cp dist/doorstroom.min.js dist/ddd-consent.min.js pack/ && cp -r dist/lang pack/lang

# 2. Install: the two tarballs and their production dependencies only, as an npm user would.
FROM node:24-bookworm-slim AS install
WORKDIR /app
COPY --from=build /build/pack/ ./pack/
RUN npm install --omit=dev --no-audit --no-fund --no-package-lock ./pack/doorstroom-sdk-*.tgz ./pack/doorstroom-server-*.tgz
RUN mv pack/doorstroom.min.js pack/ddd-consent.min.js ./ && mv pack/lang lang && rm -rf pack

# 3. Run: plain node, as the unprivileged user, configured through the environment.
FROM node:24-bookworm-slim
ENV NODE_ENV=production
ENV PORT=3000
ENV DOORSTROOM_BUNDLE=/app/doorstroom.min.js
WORKDIR /app
COPY --from=install /app/ ./
USER node
EXPOSE 3000
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3000) + '/healthz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
CMD ["node", "node_modules/@doorstroom/server/bin/doorstroom-server.mjs"]
