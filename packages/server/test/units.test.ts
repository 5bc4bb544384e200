// Small parts of the server: rate limiting, CORS, log route patterns, notification planning.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createCorsPolicy, parseOrigins } from '../src/http/cors.js';
import type { IncomingMessage } from 'node:http';
import { clientAddress } from '../src/http/node-adapter.js';
import { createRateLimiter, createRequestLimiter } from '../src/http/rate-limit.js';
import { routePattern } from '../src/http/routes.js';
import { plannedNotifications } from '../src/notifications.js';
import { exampleData, type Dossier, type HistoryEntry } from '../src/sdk.js';

describe('token bucket', () => {
  it('allows the burst, refuses the next with Retry-After, refills over time, per key', () => {
    const limiter = createRateLimiter({ burst: 3, perSecond: 2 });
    const at = 1_000_000;
    assert.deepEqual(
      [1, 2, 3].map(() => limiter.take('a', at).allowed),
      [true, true, true],
    );
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

describe('request limiter', () => {
  const at = 1_000_000;

  it('counts every request against its address as well as its token', () => {
    const limiter = createRequestLimiter({ burst: 5, perSecond: 1, perAddress: { burst: 3, perSecond: 1 } });
    assert.deepEqual(
      ['a', 'b', 'c', 'd'].map((token) => limiter.admit('10.0.0.1', token, at).allowed),
      [true, true, true, false],
    );
    assert.equal(limiter.admit('10.0.0.2', 'd', at).allowed, true, 'another address has its own bucket');
  });

  it('after the failed sign-ins of an address, only tokens that signed in before pass until it refills', () => {
    const limiter = createRequestLimiter({ burst: 100, perSecond: 1, failedSignIns: { burst: 2, perSecond: 0.5 } });
    limiter.signedIn('good');
    for (const junk of ['x', 'y']) {
      assert.equal(limiter.admit('10.0.0.1', junk, at).allowed, true);
      limiter.failed('10.0.0.1', junk, at);
    }
    assert.deepEqual(limiter.admit('10.0.0.1', 'z', at), { allowed: false, retryAfter: 2 });
    assert.equal(limiter.admit('10.0.0.1', undefined, at).allowed, false, 'no token at all waits too');
    assert.equal(limiter.admit('10.0.0.1', 'good', at).allowed, true, 'a token that signed in before still passes');
    assert.equal(limiter.admit('10.0.0.2', 'z', at).allowed, true, 'another address is not affected');
    assert.equal(limiter.admit('10.0.0.1', 'z', at + 2000).allowed, true, 'one failed sign-in back after 2 s at 0.5/s');
    limiter.failed('10.0.0.1', 'good', at + 2000);
    assert.equal(limiter.admit('10.0.0.1', 'good', at + 2000).allowed, false, 'a token refused later no longer counts as signed in');
  });

  it('peek does not take', () => {
    const limiter = createRateLimiter({ burst: 1, perSecond: 0.001 });
    assert.equal(limiter.peek('a', at).allowed, true);
    assert.equal(limiter.take('a', at).allowed, true);
    assert.equal(limiter.peek('a', at).allowed, false);
  });
});

describe('client address', () => {
  const req = (forwarded?: string | string[]) => ({ headers: forwarded === undefined ? {} : { 'x-forwarded-for': forwarded }, socket: { remoteAddress: '10.0.0.9' } }) as unknown as IncomingMessage;

  it('behind a trusted proxy is the last X-Forwarded-For entry (the one the proxy appended), else the socket', () => {
    assert.equal(clientAddress(req('203.0.113.5, 198.51.100.7'), true), '198.51.100.7');
    assert.equal(clientAddress(req('198.51.100.7'), true), '198.51.100.7');
    assert.equal(clientAddress(req(['203.0.113.5', '198.51.100.8']), true), '198.51.100.8');
    assert.equal(clientAddress(req('203.0.113.5, '), true), '10.0.0.9', 'an empty last entry: the socket');
    assert.equal(clientAddress(req(), true), '10.0.0.9');
    assert.equal(clientAddress(req('203.0.113.5, 198.51.100.7'), false), '10.0.0.9', 'without trustProxy the header is ignored');
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
    // The registered birth date decides (spec v2); A1 says the same.
    return { ...base, student: { ...base.student, geboortedatum: born }, answers: { ...base.answers, persoonlijk: { ...base.answers['persoonlijk'], geboortedatum: born } } };
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
