// E-mail that arrives (issue 14, part 4): the SMTP sender against a real SMTP server started here
// (smtp-server). The message reaches the right recipient in their language, with a plain-text and
// an HTML part and the consent link, and nothing special; a row is marked sent only once the
// server accepted it; a temporary refusal is retried with back-off, a permanent one is given up,
// and both are visible.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { glossaries, parentAddress } from '../../elements/src/lang/glossary.js';
import { composeMail, mailLanguages, mailTexts, smtpSender, type MailLanguage, type MailText, type SmtpSender } from '../src/mail.js';
import type { NotificationKind, OutboxMessage, Recipient } from '../src/notifications.js';
import { guardianIdFor } from '../src/provisioning/sis.js';
import { adminSummary, runImport } from '../src/provisioning/index.js';
import { startServer, type RunningServer } from '../src/server.js';
import { freshDataDir, removeDir } from './helpers.js';
import { mimeHeader as header, mimePart as part, startTestSmtp, type TestSmtp } from './smtp-helpers.js';

const example = (name: string) => readFileSync(fileURLToPath(new URL(`../examples/${name}`, import.meta.url)), 'utf8');
const school = 'vmbo-het-plein';

describe('e-mail through SMTP', () => {
  let smtp: TestSmtp;
  let server: RunningServer;
  let sender: SmtpSender;
  let dataDir: string;

  const queue = async (kind: string, recipient: Record<string, string>, extra: Record<string, unknown> = {}) => {
    const { rows } = await server.db.query<{ id: string }>(`INSERT INTO outbox (kind, dossier_id, recipient, payload) VALUES ($1, NULL, $2::jsonb, $3::jsonb) RETURNING id::text`, [
      kind,
      JSON.stringify(recipient),
      JSON.stringify({ subject: { nl: 'x', en: 'x' }, student: { id: `${school}-100231`, naam: 'Sanne Bakker' }, ...extra }),
    ]);
    return rows[0]!.id;
  };
  const row = async (id: string) =>
    (
      await server.db.query<{ sent: boolean; attempts: number; last_error: string | null; retry: string }>(
        `SELECT sent_at IS NOT NULL AS sent, attempts, last_error, CASE WHEN next_attempt_at = 'infinity' THEN 'never' WHEN next_attempt_at > now() THEN 'later' ELSE 'now' END AS retry FROM outbox WHERE id = $1::bigint`,
        [id],
      )
    ).rows[0]!;

  before(async () => {
    smtp = await startTestSmtp();
    sender = smtpSender({ url: smtp.url, from: 'Doorstroomdossier Regio Voorbeeld <noreply@doorstroom.regio-voorbeeld.example>', portalUrl: 'https://portaal.hetplein.example/doorstroom' });
    dataDir = await freshDataDir();
    server = await startServer({
      port: 0,
      nodeEnv: 'production',
      dataDir,
      verifier: async () => null,
      publicUrl: 'https://doorstroom.regio-voorbeeld.example',
      logger: false,
      rateLimit: false,
      outboxIntervalMs: 60_000,
      notificationSender: sender,
    });
    await runImport(server.db, { format: 'json', text: example('regio.json') });
    await runImport(server.db, { format: 'csv', text: example('leerlingen.csv'), csv: { school } });
    await runImport(server.db, {
      format: 'document',
      document: { students: [{ id: `${school}-100299`, naam: 'Oleksandr Melnyk', email: 'oleksandr@leerling.hetplein.example', schoolId: school, klas: '4B', leerjaar: 4, taal: 'en' }] },
    });
  });
  after(async () => {
    sender?.close();
    await server?.close();
    await smtp?.close();
    removeDir(dataDir);
  });

  it('delivers to the right recipient, in their language, as text and HTML, with the link and nothing special', async () => {
    // As pg-store queues them: the mentor on submitToMentor, the guardian when the dossier reaches akkoord.
    const mentorRow = await queue('submittedToMentor', { role: 'mentor', id: 'hp-0417', naam: 'Mevrouw R. Jansen', email: 'r.jansen@hetplein.example' });
    const englishRow = await queue('sentToStudent', { role: 'student', id: `${school}-100299`, naam: 'Oleksandr Melnyk', email: 'oleksandr@leerling.hetplein.example' });
    assert.equal(await server.outbox.drain(), 2);
    assert.deepEqual([(await row(mentorRow)).sent, (await row(englishRow)).sent], [true, true]);

    const mentorMail = smtp.received.find((m) => m.to.includes('r.jansen@hetplein.example'))!;
    assert.equal(mentorMail.from, 'noreply@doorstroom.regio-voorbeeld.example');
    assert.equal(header(mentorMail.raw, 'Subject'), 'Doorstroomdossier van Sanne Bakker: deel B invullen');
    assert.equal(header(mentorMail.raw, 'Content-Language'), 'nl');
    assert.match(header(mentorMail.raw, 'Content-Type'), /^multipart\/alternative/);
    assert.match(part(mentorMail.raw, 'text/plain'), /Sanne Bakker heeft deel A van het doorstroomdossier ingevuld en naar jou gestuurd\.[\s\S]*https:\/\/portaal\.hetplein\.example\/doorstroom/);
    assert.match(part(mentorMail.raw, 'text/html'), /<a href="https:\/\/portaal\.hetplein\.example\/doorstroom">Open het doorstroomdossier<\/a>/);
    const englishMail = smtp.received.find((m) => m.to.includes('oleksandr@leerling.hetplein.example'))!;
    assert.equal(header(englishMail.raw, 'Content-Language'), 'en');
    assert.equal(header(englishMail.raw, 'Subject'), 'Your mentor has filled in part B');

    // The guardian's: their consent link, which works.
    const guardianRow = await queue('guardianConsentAsked', { role: 'guardian', id: 'ouder-x', naam: 'Marieke Bakker', email: 'm.bakker@mail.example' });
    await server.db.query(`UPDATE outbox SET dossier_id = NULL WHERE id = $1::bigint`, [guardianRow]);
    assert.equal(await server.outbox.drain(), 1);
    const guardianMail = smtp.received.find((m) => m.to.includes('m.bakker@mail.example'))!;
    assert.equal(header(guardianMail.raw, 'Subject'), 'Uw toestemming voor het doorstroomdossier van Sanne Bakker');
    assert.match(part(guardianMail.raw, 'text/plain'), /U leest eerst het dossier\. Daarna geeft u wel of geen toestemming\./);

    for (const mail of smtp.received) {
      const text = `${part(mail.raw, 'text/plain')}\n${part(mail.raw, 'text/html')}`;
      // No persoonsgebonden nummer, no birth date, no answers: only names and a link.
      assert.doesNotMatch(text, /298344415|2011-03-14|14-03-2011|dyslexie|ondersteuning|begeleiding/i);
      assert.match(header(mail.raw, 'Auto-Submitted'), /auto-generated/);
    }
  });

  it('puts the consent link of a dossier that needs it in the guardian’s e-mail (text and HTML)', () => {
    const message: OutboxMessage = {
      id: '1',
      kind: 'guardianConsentAsked',
      dossierId: 'd-1',
      recipient: { role: 'guardian', naam: 'Marieke Bakker', email: 'm.bakker@mail.example' },
      subject: { nl: '', en: '' },
      student: { id: 's', naam: 'Sanne <b>Bakker</b>\r\nBcc: evil@example.org' },
      createdAt: new Date().toISOString(),
      attempts: 1,
      sentAt: null,
      link: 'https://doorstroom.regio-voorbeeld.example/toestemming/#dgl_abc',
    };
    const mail = composeMail(message);
    assert.equal(mail.subject, 'Uw toestemming voor het doorstroomdossier van Sanne <b>Bakker</b> Bcc: evil@example.org', 'one line: no header injection');
    assert.match(mail.text, /Dossier lezen en toestemming geven:\nhttps:\/\/doorstroom\.regio-voorbeeld\.example\/toestemming\/#dgl_abc/);
    assert.match(mail.html, /Sanne &lt;b&gt;Bakker&lt;\/b&gt;/);
    assert.match(mail.html, /<a href="https:\/\/doorstroom\.regio-voorbeeld\.example\/toestemming\/#dgl_abc">/);
    assert.doesNotMatch(mail.html, /<b>Bakker/);
    assert.equal(composeMail({ ...message, lang: 'en' }).subject.startsWith('Your consent'), true);
    assert.equal(composeMail({ ...message, lang: 'tr' }).language, 'tr');
    assert.equal(composeMail({ ...message, lang: 'en-GB' }).language, 'en', 'a regional variant counts as its language');
    assert.equal(composeMail({ ...message, lang: 'de' }).language, 'nl', 'a language without texts gets Dutch, as a recipient without one');
    assert.throws(() => composeMail({ ...message, recipient: { role: 'guardian' } }), /no e-mail address/);
  });

  it('writes to a guardian in the language the school registered (Arabic: right to left), and to one without in Dutch', async () => {
    // leerlingen.csv registers Aya's mother with taal ar; Sanne's mother has none.
    const fatima = await queue(
      'guardianConsentAsked',
      { role: 'guardian', id: guardianIdFor('f.haddou@mail.example'), naam: 'Fatima Haddou', email: 'f.haddou@mail.example' },
      { student: { id: `${school}-100235`, naam: 'Aya Haddou' } },
    );
    const marieke = await queue('guardianConsentAsked', { role: 'guardian', id: guardianIdFor('m.bakker@mail.example'), naam: 'Marieke Bakker', email: 'm.bakker.2@mail.example' });
    assert.equal(await server.outbox.drain(), 2);
    assert.deepEqual([(await row(fatima)).sent, (await row(marieke)).sent], [true, true]);
    const arabic = smtp.received.find((m) => m.to.includes('f.haddou@mail.example'))!;
    assert.equal(header(arabic.raw, 'Content-Language'), 'ar');
    assert.equal(header(arabic.raw, 'Subject'), 'نطلب إذنكم: ملف الانتقال الخاص بـ Aya Haddou');
    assert.match(part(arabic.raw, 'text/html'), /^<!doctype html>\n<html lang="ar" dir="rtl">[\s\S]*<body dir="rtl"/);
    assert.match(part(arabic.raw, 'text/plain'), /^السيد\/السيدة Fatima Haddou،\n\nملف الانتقال الخاص بـ Aya Haddou جاهز للإرسال إلى الـ mbo\./);
    const dutch = smtp.received.find((m) => m.to.includes('m.bakker.2@mail.example'))!;
    assert.equal(header(dutch.raw, 'Content-Language'), 'nl');
    assert.match(part(dutch.raw, 'text/html'), /<html lang="nl">/);
  });

  it('marks a row sent only when the server accepted it: a temporary refusal is retried with back-off, a permanent one given up, both visible', async () => {
    smtp.refuse.set('k.later@hetplein.example', 451);
    smtp.refuse.set('bestaat.niet@hetplein.example', 550);
    const later = await queue('submittedToMentor', { role: 'mentor', id: 'x', naam: 'K. Later', email: 'k.later@hetplein.example' });
    const gone = await queue('submittedToMentor', { role: 'mentor', id: 'y', naam: 'B. Niet', email: 'bestaat.niet@hetplein.example' });
    const nowhere = await queue('submittedToMentor', { role: 'mentor', id: 'z', naam: 'Zonder Adres' });
    assert.equal(await server.outbox.drain(), 0);
    assert.deepEqual(await row(later), { sent: false, attempts: 1, last_error: 'Error 451', retry: 'later' });
    assert.deepEqual(await row(gone), { sent: false, attempts: 1, last_error: 'PermanentDeliveryError 550', retry: 'never' });
    assert.deepEqual(await row(nowhere), { sent: false, attempts: 1, last_error: 'PermanentDeliveryError', retry: 'never' });
    assert.deepEqual((await adminSummary(server.db)).outbox, { pending: 0, failing: 1, givenUp: 2, sent: 5 });

    // The mailbox works again; the retry is due (its back-off skipped here).
    smtp.refuse.delete('k.later@hetplein.example');
    await server.db.query('UPDATE outbox SET next_attempt_at = now() WHERE id = $1::bigint', [later]);
    assert.equal(await server.outbox.drain(), 1);
    assert.deepEqual(await row(later), { sent: true, attempts: 2, last_error: null, retry: 'later' });
    assert.ok(smtp.received.some((m) => m.to.includes('k.later@hetplein.example')));
    // Nothing is sent while the SMTP server is away either.
    await smtp.close();
    const unreachable = await queue('sentToStudent', { role: 'student', id: `${school}-100231`, naam: 'Sanne Bakker', email: 'sanne.bakker@leerling.hetplein.example' });
    assert.equal(await server.outbox.drain(), 0);
    const failed = await row(unreachable);
    assert.deepEqual([failed.sent, failed.retry], [false, 'later']);
  });
});

describe('e-mail texts in every language', () => {
  const kinds = Object.keys(mailTexts.nl) as NotificationKind[];
  const recipientOf: Record<NotificationKind, Recipient['role']> = {
    submittedToMentor: 'mentor',
    mentorChanged: 'mentor',
    returnedToStudent: 'student',
    sentToStudent: 'student',
    reminder: 'student',
    guardianConsentAsked: 'guardian',
  };
  const link = 'https://doorstroom.regio-voorbeeld.example/toestemming/#dgl_abc';
  const portalUrl = 'https://portaal.hetplein.example/doorstroom';
  const message = (kind: NotificationKind, lang: MailLanguage, naam?: string): OutboxMessage => ({
    id: '1',
    kind,
    dossierId: 'd-1',
    recipient: { role: recipientOf[kind], ...(naam ? { naam } : {}), email: 'ontvanger@mail.example' },
    subject: { nl: '', en: '' },
    student: { id: 's', naam: 'Sanne Bakker' },
    createdAt: new Date().toISOString(),
    attempts: 1,
    sentAt: null,
    lang,
    ...(kind === 'guardianConsentAsked' ? { link } : {}),
    ...(kind === 'reminder' ? { details: { next: 'deelA', from: 'C. de Wit' } } : {}),
  });
  /** Every text of one message, with its place, to set beside the Dutch. */
  const fieldsOf = (text: MailText): [string, string][] => [
    ['subject', text.subject],
    ['greeting', text.greeting],
    ...text.lines.map((line, i): [string, string] => [`line ${i + 1}`, line]),
    ['action', text.action ?? ''],
    ['footer', text.footer],
  ];
  /** Each kind in each language, with a name and without, beside its Dutch. */
  const every = (languages: readonly MailLanguage[] = mailLanguages) =>
    languages.flatMap((lang) =>
      kinds.flatMap((kind) =>
        ['Marieke Bakker', ''].map((naam) => {
          const vars = { naam, student: 'Sanne Bakker', from: 'C. de Wit' };
          const nl = fieldsOf(mailTexts.nl[kind](vars));
          const own = fieldsOf(mailTexts[lang][kind](vars));
          assert.equal(own.length, nl.length, `${lang} ${kind}: as many sentences as the Dutch`);
          return { lang, kind, naam, fields: own.map(([place, text], i) => ({ place, text, nl: nl[i]![1] })) };
        }),
      ),
    );

  it('writes each kind in each of the six languages, as text and HTML (Arabic right to left), with its link', () => {
    assert.deepEqual([...mailLanguages], ['nl', 'en', 'ar', 'tr', 'uk', 'pl']);
    const script: Partial<Record<MailLanguage, RegExp>> = { ar: /[\u0600-\u06FF]/, uk: /[\u0400-\u04FF]/ };
    for (const lang of mailLanguages) {
      for (const kind of kinds) {
        for (const naam of ['Marieke Bakker', undefined]) {
          const mail = composeMail(message(kind, lang, naam), { portalUrl });
          const where = `${lang} ${kind}${naam ? '' : ' (no name)'}`;
          assert.equal(mail.language, lang, where);
          assert.match(mail.subject, /^\S[^\n]*\S$/, `${where}: a subject on one line`);
          assert.doesNotMatch(`${mail.subject}\n${mail.text}\n${mail.html}`, /undefined|null|\$\{|\{\w+\}/, `${where}: every variable filled in`);
          if (naam) assert.ok(mail.text.startsWith(mailTexts[lang][kind]({ naam, student: 'Sanne Bakker', from: 'C. de Wit' }).greeting) && mail.text.includes(naam), `${where}: greets by name`);
          const target = kind === 'guardianConsentAsked' ? link : portalUrl;
          assert.ok(mail.text.includes(`\n${target}\n`), `${where}: the link in the text`);
          assert.ok(mail.html.includes(`<a href="${target}">`), `${where}: the link in the HTML`);
          assert.match(mail.html, new RegExp(`<html lang="${lang}"${lang === 'ar' ? ' dir="rtl"' : ''}>`), where);
          assert.equal(mail.html.includes('dir="rtl"'), lang === 'ar', `${where}: only Arabic is right to left`);
          if (lang !== 'nl') assert.notEqual(mail.subject, composeMail(message(kind, 'nl', naam), { portalUrl }).subject, `${where}: not the Dutch`);
          if (lang !== 'en' && lang !== 'nl') assert.notEqual(mail.subject, composeMail(message(kind, 'en', naam), { portalUrl }).subject, `${where}: not the English`);
          const pattern = script[lang];
          if (pattern) for (const line of [mail.subject, ...mailTexts[lang][kind]({ naam: '', student: '', from: '' }).lines]) assert.match(line, pattern, `${where}: written in its script: ${line}`);
          // Names and a link: no persoonsgebonden nummer, birth date, answer or next step.
          assert.doesNotMatch(mail.text, /\d{6,}|\d{2}-\d{2}-\d{4}|deelA\b/, where);
        }
      }
    }
  });

  it('addresses the parent formally in every language (u, siz, ви, Pan/Pani, the Arabic plural): the glossary test’s own checks', () => {
    const wrong: string[] = [];
    for (const { lang, naam, fields } of every(['nl', 'ar', 'tr', 'uk', 'pl']).filter((m) => m.kind === 'guardianConsentAsked')) {
      for (const { place, text, nl } of fields) {
        if (parentAddress[lang].informal.test(text)) wrong.push(`${lang} ${place}${naam ? '' : ' (no name)'} is informal: ${text}`);
        if (parentAddress.nl.formal.test(nl) && !parentAddress[lang].formal.test(text)) wrong.push(`${lang} ${place} does not address formally: ${text}`);
      }
    }
    assert.deepEqual(wrong, []);
    // Students and staff as the elements address them: "je", never "u", in Dutch.
    for (const { kind, fields } of every(['nl']).filter((m) => m.kind !== 'guardianConsentAsked')) {
      for (const { place, text } of fields) assert.doesNotMatch(text, /\b(u|uw)\b/i, `nl ${kind} ${place}`);
    }
  });

  it('uses the glossary’s word wherever the Dutch uses the term, and never a word it rules out', () => {
    const wrong: string[] = [];
    for (const { lang, kind, naam, fields } of every(['en', 'ar', 'tr', 'uk', 'pl'])) {
      for (const entry of Object.values(glossaries[lang])) {
        for (const { place, text, nl } of fields) {
          const where = `${lang} ${kind} ${place}${naam ? '' : ' (no name)'}`;
          if (entry.uses && entry.dutch?.test(nl) && !entry.uses.test(text)) wrong.push(`${where} lacks "${entry.translation}" (${entry.term}): ${text}`);
          if (entry.avoid?.test(text)) wrong.push(`${where} uses what the glossary rules out for ${entry.term}: ${text}`);
        }
      }
    }
    assert.deepEqual(wrong, []);
    // As the glossary test: no Turkish sentence starts with a lowercase deel A or mbo.
    const turkish = every(['tr'])
      .flatMap(({ fields }) => fields.map((f) => f.text))
      .filter((text) => /(^|[.?!] )(deel [AB]|mbo)\b/.test(text));
    assert.deepEqual(turkish, []);
  });
});
