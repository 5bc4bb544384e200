// @doorstroom/server: the reference backend (the SDK's handler over PostgreSQL) and the conformance kit.
export { startServer, defaultDataDir, defaultRateLimit, ConfigurationError, type StartServerOptions, type RunningServer, type RequestLogLine } from './server.js';
export { optionsFromEnv } from './config.js';
export { demoVerifier, loadVerifier, type TokenVerifier } from './auth.js';
export { openDb, openPglite, openPostgres, type Db, type Queryable, type QueryResult } from './db.js';
export { migrate, migrations, type Migration } from './migrations.js';
export { createPgStore, type PgStore, type PgStoreOptions } from './pg-store.js';
export { seedIfEmpty, reseed } from './seed.js';
export { listOutbox, logSender, plannedNotifications, startOutboxWorker, type NotificationSender, type OutboxMessage, type OutboxWorker } from './notifications.js';
export { createRateLimiter, type RateLimitOptions } from './http/rate-limit.js';
export { exampleTokens, formatReport, runConformance, type ConformanceOptions, type ConformanceReport, type ConformanceTokens, type CheckResult } from './conformance/index.js';
