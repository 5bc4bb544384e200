/**
 * E-mail that arrives: a notification sender over SMTP (nodemailer). Each message is written in
 * the recipient's language (Dutch and English; other languages get English until their texts are
 * added here), with a plain-text and an HTML part, and holds no special-category data: who it is
 * for, what happened to whose dossier, and a link. A row of the outbox is marked sent only when
 * the SMTP server accepted the message; anything else throws, and the outbox retries with back-off.
 */
import { createTransport } from 'nodemailer';
import type { NotificationKind, NotificationSender, OutboxMessage } from './notifications.js';
import { PermanentDeliveryError } from './notifications.js';
import { ConfigurationError } from './server.js';

export interface SmtpOptions {
  /** smtp://user:password@host:587 (STARTTLS) or smtps://user:password@host:465. */
  url: string;
  /** The sender, e.g. "Doorstroomdossier Regio Utrecht <noreply@doorstroom.regio.nl>". */
  from: string;
  /** Where students and staff sign in (the school portal), linked from their messages. */
  portalUrl?: string;
  /** Refuse to send without TLS. Default: true, except to a server on this machine. */
  requireTls?: boolean;
}

export type MailLanguage = 'nl' | 'en';

interface MailText {
  subject: string;
  greeting: string;
  lines: string[];
  action?: string;
  footer: string;
}

type Texts = (vars: { naam: string; student: string; from: string }) => MailText;

const footer = { je: 'Dit is een automatisch bericht van het doorstroomdossier. Je kunt niet op deze e-mail reageren.', u: 'Dit is een automatisch bericht van het doorstroomdossier. U kunt niet op deze e-mail reageren.' };
const footerEn = 'This is an automatic message from the transfer dossier. Replies to this e-mail are not read.';

/** What each notification says: short sentences, B1 Dutch ("je" for students and staff, "u" for parents). */
export const mailTexts: Record<MailLanguage, Record<NotificationKind, Texts>> = {
  nl: {
    submittedToMentor: ({ naam, student }) => ({
      subject: `Doorstroomdossier van ${student}: deel B invullen`,
      greeting: `Hallo ${naam},`,
      lines: [`${student} heeft deel A van het doorstroomdossier ingevuld en naar jou gestuurd.`, 'Open het dossier bij "Te behandelen" en vul deel B in.'],
      action: 'Open het doorstroomdossier',
      footer: footer.je,
    }),
    returnedToStudent: ({ naam }) => ({
      subject: 'Je doorstroomdossier is teruggezet',
      greeting: `Hallo ${naam},`,
      lines: ['Je doorstroomdossier is teruggezet naar deel A.', 'Je kunt je antwoorden weer aanpassen. Stuur het daarna opnieuw naar je mentor.'],
      action: 'Open je doorstroomdossier',
      footer: footer.je,
    }),
    sentToStudent: ({ naam }) => ({
      subject: 'Je mentor heeft deel B ingevuld',
      greeting: `Hallo ${naam},`,
      lines: ['Je mentor heeft deel B van je doorstroomdossier ingevuld.', 'Lees je dossier goed. Geef daarna je akkoord.'],
      action: 'Open je doorstroomdossier',
      footer: footer.je,
    }),
    guardianConsentAsked: ({ naam, student }) => ({
      subject: `Uw toestemming voor het doorstroomdossier van ${student}`,
      greeting: `Beste ${naam},`,
      lines: [
        `${student} gaat naar het mbo. De school stuurt het doorstroomdossier naar het mbo als u toestemming geeft.`,
        'Open de link hieronder. U leest eerst het dossier. Daarna geeft u wel of geen toestemming.',
        'De link werkt één keer. Hebt u vragen? Neem dan contact op met de school.',
      ],
      action: 'Dossier lezen en toestemming geven',
      footer: footer.u,
    }),
    reminder: ({ naam, from }) => ({
      subject: 'Herinnering: je doorstroomdossier',
      greeting: `Hallo ${naam},`,
      lines: [`${from || 'Je decaan'} herinnert je aan je doorstroomdossier.`, 'Kijk wat je nu moet doen.'],
      action: 'Open je doorstroomdossier',
      footer: footer.je,
    }),
    mentorChanged: ({ naam, student }) => ({
      subject: `Doorstroomdossier van ${student}: andere mentor`,
      greeting: `Hallo ${naam},`,
      lines: [`Het doorstroomdossier van ${student} heeft een andere mentor gekregen.`, 'Kijk bij "Te behandelen" wat er voor jou klaarstaat.'],
      action: 'Open het doorstroomdossier',
      footer: footer.je,
    }),
  },
  en: {
    submittedToMentor: ({ naam, student }) => ({
      subject: `Transfer dossier of ${student}: fill in part B`,
      greeting: `Hello ${naam},`,
      lines: [`${student} has filled in part A of the transfer dossier and sent it to you.`, 'Open the dossier under "To handle" and fill in part B.'],
      action: 'Open the transfer dossier',
      footer: footerEn,
    }),
    returnedToStudent: ({ naam }) => ({
      subject: 'Your transfer dossier was sent back',
      greeting: `Hello ${naam},`,
      lines: ['Your transfer dossier was sent back to part A.', 'You can change your answers again. Then send it to your mentor again.'],
      action: 'Open your transfer dossier',
      footer: footerEn,
    }),
    sentToStudent: ({ naam }) => ({
      subject: 'Your mentor has filled in part B',
      greeting: `Hello ${naam},`,
      lines: ['Your mentor has filled in part B of your transfer dossier.', 'Read your dossier carefully. Then give your agreement.'],
      action: 'Open your transfer dossier',
      footer: footerEn,
    }),
    guardianConsentAsked: ({ naam, student }) => ({
      subject: `Your consent for the transfer dossier of ${student}`,
      greeting: `Dear ${naam},`,
      lines: [
        `${student} is going to an MBO school. The school sends the transfer dossier to the MBO school if you give your consent.`,
        'Open the link below. First you read the dossier. Then you give your consent, or not.',
        'The link works once. Questions? Please contact the school.',
      ],
      action: 'Read the dossier and give consent',
      footer: footerEn,
    }),
    reminder: ({ naam, from }) => ({
      subject: 'Reminder: your transfer dossier',
      greeting: `Hello ${naam},`,
      lines: [`${from || 'Your school counsellor'} reminds you of your transfer dossier.`, 'See what you need to do now.'],
      action: 'Open your transfer dossier',
      footer: footerEn,
    }),
    mentorChanged: ({ naam, student }) => ({
      subject: `Transfer dossier of ${student}: another mentor`,
      greeting: `Hello ${naam},`,
      lines: [`The transfer dossier of ${student} has been given to another mentor.`, 'See under "To handle" what is waiting for you.'],
      action: 'Open the transfer dossier',
      footer: footerEn,
    }),
  },
};

export function mailLanguage(message: Pick<OutboxMessage, 'lang'>): MailLanguage {
  if (message.lang === 'nl' || message.lang === undefined) return 'nl';
  return 'en';
}

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
/** Names go into a subject and a greeting as plain text: no line breaks or control characters. */
const oneLine = (text: string) => text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, ' ').replace(/\s+/g, ' ').trim().slice(0, 200);

export interface ComposedMail {
  to: string;
  subject: string;
  text: string;
  html: string;
  language: MailLanguage;
}

/** The e-mail for one outbox message: the recipient's language, text and HTML, only names and a link. */
export function composeMail(message: OutboxMessage, options: { portalUrl?: string } = {}): ComposedMail {
  const to = message.recipient.email;
  if (!to) throw new PermanentDeliveryError('The recipient has no e-mail address.');
  const language = mailLanguage(message);
  const naam = oneLine(message.recipient.naam ?? '') || (language === 'nl' ? (message.recipient.role === 'guardian' ? 'ouder of verzorger' : 'leerling') : 'there');
  const student = oneLine(message.student?.naam ?? '');
  const from = oneLine(typeof message.details?.['from'] === 'string' ? message.details['from'] : '');
  const texts = mailTexts[language][message.kind]({ naam, student, from });
  const link = message.kind === 'guardianConsentAsked' ? message.link : options.portalUrl;
  const text = [texts.greeting, '', ...texts.lines.flatMap((line) => [line, '']), ...(link && texts.action ? [`${texts.action}:`, link, ''] : []), '--', texts.footer, ''].join('\n');
  const html = [
    '<!doctype html>',
    `<html lang="${language}"><head><meta charset="utf-8"><title>${escapeHtml(texts.subject)}</title></head>`,
    '<body style="font-family: Arial, sans-serif; font-size: 16px; line-height: 1.5; color: #1b1b1b;">',
    `<p>${escapeHtml(texts.greeting)}</p>`,
    ...texts.lines.map((line) => `<p>${escapeHtml(line)}</p>`),
    ...(link && texts.action ? [`<p><a href="${escapeHtml(link)}">${escapeHtml(texts.action)}</a></p>`] : []),
    `<p style="font-size: 14px; color: #4a4a4a;">${escapeHtml(texts.footer)}</p>`,
    '</body></html>',
  ].join('\n');
  return { to, subject: texts.subject, text, html, language };
}

const isLoopback = (host: string) => host === 'localhost' || host === '127.0.0.1' || host === '[::1]' || host === '::1';

export interface SmtpSender extends NotificationSender {
  close(): void;
}

/** A NotificationSender that e-mails through SMTP; it resolves only once the server accepted the message. */
export function smtpSender(options: SmtpOptions): SmtpSender {
  let url: URL;
  try {
    url = new URL(options.url);
  } catch {
    throw new ConfigurationError('DOORSTROOM_SMTP_URL must be a URL such as smtp://user:password@mail.regio.nl:587.');
  }
  if (url.protocol !== 'smtp:' && url.protocol !== 'smtps:') throw new ConfigurationError('DOORSTROOM_SMTP_URL must start with smtp:// (STARTTLS) or smtps:// (TLS).');
  if (!options.from) throw new ConfigurationError('DOORSTROOM_SMTP_FROM is needed with DOORSTROOM_SMTP_URL, e.g. "Doorstroomdossier <noreply@doorstroom.regio.nl>".');
  const secure = url.protocol === 'smtps:';
  const requireTls = options.requireTls ?? !isLoopback(url.hostname);
  const transport = createTransport({
    host: url.hostname.replace(/^\[|\]$/g, ''),
    port: Number(url.port) || (secure ? 465 : 587),
    secure,
    requireTLS: requireTls && !secure,
    ignoreTLS: !requireTls && !secure && isLoopback(url.hostname),
    ...(url.username ? { auth: { user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password) } } : {}),
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 30_000,
  });
  const sender = async (message: OutboxMessage) => {
    const mail = composeMail(message, options.portalUrl ? { portalUrl: options.portalUrl } : {});
    try {
      await transport.sendMail({
        from: options.from,
        to: mail.to,
        subject: mail.subject,
        text: mail.text,
        html: mail.html,
        headers: { 'Content-Language': mail.language, 'Auto-Submitted': 'auto-generated', 'X-Auto-Response-Suppress': 'All' },
      });
    } catch (error) {
      // 5xx for this recipient (no such mailbox): trying again will not help.
      const code = (error as { responseCode?: unknown }).responseCode;
      if (typeof code === 'number' && code >= 500 && code < 600 && (error as { command?: unknown }).command === 'RCPT TO') {
        const permanent = new PermanentDeliveryError('The mail server refused the recipient.');
        Object.assign(permanent, { responseCode: code });
        throw permanent;
      }
      throw error;
    }
  };
  return Object.assign(sender, { close: () => transport.close() });
}

export function smtpOptionsFromEnv(env: NodeJS.ProcessEnv): SmtpOptions | undefined {
  const url = env['DOORSTROOM_SMTP_URL'];
  if (!url) {
    if (env['DOORSTROOM_SMTP_FROM']) throw new ConfigurationError('DOORSTROOM_SMTP_FROM is set without DOORSTROOM_SMTP_URL.');
    return undefined;
  }
  const tls = env['DOORSTROOM_SMTP_REQUIRE_TLS'];
  if (tls !== undefined && tls !== '' && tls !== 'true' && tls !== 'false') throw new ConfigurationError('DOORSTROOM_SMTP_REQUIRE_TLS must be true or false.');
  return {
    url,
    from: env['DOORSTROOM_SMTP_FROM'] ?? '',
    ...(env['DOORSTROOM_PORTAL_URL'] ? { portalUrl: env['DOORSTROOM_PORTAL_URL'] } : {}),
    ...(tls ? { requireTls: tls === 'true' } : {}),
  };
}
