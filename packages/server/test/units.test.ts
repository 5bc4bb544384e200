// Small parts of the server: rate limiting, CORS, log route patterns, notification planning.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createCorsPolicy, parseOrigins } from '../src/http/cors.js';
import { createRateLimiter } from '../src/http/rate-limit.js';
import { routePattern } from '../src/http/routes.js';
import { plannedNotifications } from '../src/notifications.js';
import { exampleData, type Dossier, type HistoryEntry } from '../src/sdk.js';

describe('token bucket', () => {
  it('allows the burst, refuses the next with Retry-After, refills over time, per key', () => {
    const limiter = createRateLimiter({ burst: 3, perSecond: 2 });
    const at = 1_000_000;
    assert.deepEqual([1, 2, 3].map(() => limiter.take('a', at).allowed), [true, true, true]);
    assert.deepEqual(limiter.take('a', at), { allowed: false, retryAfter: 1 });
    assert.equal(limiter.take('b', at).allowed, true, 'another key has its own bucket');
    assert.equal(limiter.take('a', at + 500).allowed, true, 'half a second gives one request back at 2/s');
    assert.equal(limiter.take('a', at + 500).allowed, false);
  });

  it('forgets the longest idle keys beyond maxKeys', () => {
    const limiter = createRateLimiter({ burst: 1, perSecond: 0.001, maxKeys: 2 });
    limiter.take('a', 0);
    limiter.take('b', 0);
    limiter.take('c', 0);
    assert.equal(limiter.take('a', 0).allowed, true, 'a was forgotten, so it starts full again');
    assert.equal(limiter.take('c', 0).allowed, false);
  });
});

describe('CORS', () => {
  it('answers only configured origins; dev without configuration allows localhost pages', () => {
    const configured = createCorsPolicy({ origins: parseOrigins('https://portal.school.nl, https://demo.example/'), dev: false });
    assert.equal(configured.headersFor('https://portal.school.nl')['Access-Control-Allow-Origin'], 'https://portal.school.nl');
    assert.equal(configured.headersFor('https://demo.example')['Access-Control-Allow-Origin'], 'https://demo.example');
    assert.deepEqual(configured.headersFor('https://evil.example'), {});
    assert.deepEqual(configured.headersFor('http://localhost:8080'), {}, 'localhost is not special once origins are configured');
    const dev = createCorsPolicy({ origins: [], dev: true });
    assert.equal(dev.headersFor('http://localhost:6006')['Access-Control-Allow-Origin'], 'http://localhost:6006');
    assert.deepEqual(dev.headersFor('https://evil.example'), {});
    assert.deepEqual(createCorsPolicy({ origins: [], dev: false }).headersFor('http://localhost:6006'), {});
  });
});

describe('log route patterns', () => {
  it('replaces every identifier and typed value', () => {
    assert.equal(routePattern('/api/dossiers/dossier-noor/sections/persoonlijk', '/api'), '/api/dossiers/:id/sections/:sectionId');
    assert.equal(routePattern('/api/students/student-sam/begeleiding', '/api'), '/api/students/:id/begeleiding');
    assert.equal(routePattern('/api/catalog/institutions/25LH/programmes', '/api'), '/api/catalog/institutions/:brin/programmes');
    assert.equal(routePattern('/api/111222333/geheim', '/api'), '/api/(unknown)');
  });
});

describe('notification planning', () => {
  const data = exampleData({ today: new Date(2026, 10, 23, 12) });
  const dossier = (age: number): Dossier => {
    const base = data.dossiers.find((d) => d.id === 'dossier-noor')!;
    const born = `${2026 - age - 1}-05-01`;
    return { ...base, answers: { ...base.answers, persoonlijk: { ...base.answers['persoonlijk'], geboortedatum: born } } };
  };
  const entry = (action: HistoryEntry['action'], from: HistoryEntry['from'], to: HistoryEntry['to']): HistoryEntry => ({
    at: '2026-11-23T10:00:00.000Z',
    actor: { id: 'x', role: 'student', naam: 'x' },
    kind: 'action',
    action,
    from,
    to,
    version: 9,
  });

  it('tells the mentor, the student and (for a minor reaching akkoord) the guardians', () => {
    const kinds = (e: HistoryEntry, age = 15) => plannedNotifications(e, dossier(age), data.config).map((p) => `${p.kind}→${p.audience}`);
    assert.deepEqual(kinds(entry('submitToMentor', 'concept', 'bijMentor')), ['submittedToMentor→mentor']);
    assert.deepEqual(kinds(entry('returnToDeelA', 'bijMentor', 'concept')), ['returnedToStudent→student']);
    assert.deepEqual(kinds(entry('sendToStudent', 'deelB', 'akkoord')), ['sentToStudent→student', 'guardianConsentAsked→guardians']);
    assert.deepEqual(kinds(entry('sendToStudent', 'deelB', 'akkoord'), 19), ['sentToStudent→student']);
    assert.deepEqual(kinds(entry('submitForConsent', 'concept', 'akkoord')), ['guardianConsentAsked→guardians']);
    assert.deepEqual(kinds(entry('recordInzage', 'akkoord', 'akkoord')), []);
    assert.deepEqual(kinds({ ...entry('submitToMentor', 'concept', 'bijMentor'), kind: 'saved' }), []);
  });
});
