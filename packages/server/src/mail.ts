/**
 * E-mail that arrives: a notification sender over SMTP (nodemailer). Each message is written in
 * the recipient's language (nl, en, ar, tr, uk, pl: a student's or guardian's `taal` from the
 * registration; Dutch without one), with a plain-text and an HTML part (Arabic right to left), and
 * holds no special-category data: who it is for, what happened to whose dossier, and a link. A row
 * of the outbox is marked sent only when the SMTP server accepted the message; anything else
 * throws, and the outbox retries with back-off.
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

/** The languages e-mail is written in: those the elements speak. */
export const mailLanguages = ['nl', 'en', 'ar', 'tr', 'uk', 'pl'] as const;
export type MailLanguage = (typeof mailLanguages)[number];
/** Written right to left. */
export const rightToLeft: ReadonlySet<MailLanguage> = new Set(['ar']);

export interface MailText {
  subject: string;
  greeting: string;
  lines: string[];
  action?: string;
  footer: string;
}

/** `naam` may be empty (no name registered): the greeting then does without. */
export type MailTexts = (vars: { naam: string; student: string; from: string }) => MailText;

/**
 * The footer, for students and staff (informal, as the elements address them) and for parents
 * (formal in every language: u, siz, ви, Pan/Pani, the Arabic plural).
 */
const footers: Record<MailLanguage, { student: string; parent: string }> = {
  nl: {
    student: 'Dit is een automatisch bericht van het doorstroomdossier. Je kunt niet op deze e-mail reageren.',
    parent: 'Dit is een automatisch bericht van het doorstroomdossier. U kunt niet op deze e-mail reageren.',
  },
  en: {
    student: 'This is an automatic message from the transfer dossier. Replies to this e-mail are not read.',
    parent: 'This is an automatic message from the transfer dossier. Replies to this e-mail are not read.',
  },
  ar: {
    student: 'هذه رسالة تلقائية من ملف الانتقال. لا يمكنك الرد على هذه الرسالة.',
    parent: 'هذه رسالة تلقائية من ملف الانتقال. لا يمكنكم الرد على هذه الرسالة.',
  },
  tr: {
    student: 'Bu, geçiş dosyası sisteminden otomatik bir mesajdır. Bu e-postayı yanıtlayamazsın.',
    parent: 'Bu, geçiş dosyası sisteminden otomatik bir mesajdır. Bu e-postayı yanıtlayamazsınız.',
  },
  uk: {
    student: 'Це автоматичне повідомлення системи досьє. Відповісти на цей лист неможливо.',
    parent: 'Це автоматичне повідомлення системи досьє. Ви не можете відповісти на цей лист.',
  },
  pl: {
    student: 'To jest automatyczna wiadomość z systemu dossier. Nie można na nią odpowiedzieć.',
    parent: 'To jest automatyczna wiadomość z systemu dossier. Nie może Pan/Pani na nią odpowiedzieć.',
  },
};

/**
 * What each notification says, per language: short sentences (B1), the glossary's words
 * (packages/elements/src/lang/glossary.ts: "toestemming" is consent to send, "akkoord" agreeing
 * with the content; mbo, deel A and deel B stay Dutch), students and staff addressed as the
 * elements address them, parents formally. Names are never declined: Ukrainian and Polish say
 * "учня ({student})" / "ucznia ({student})", Turkish "{student} adlı öğrenci", Arabic puts the
 * name after the noun it belongs to.
 */
export const mailTexts: Record<MailLanguage, Record<NotificationKind, MailTexts>> = {
  nl: {
    submittedToMentor: ({ naam, student }) => ({
      subject: `Doorstroomdossier van ${student}: deel B invullen`,
      greeting: naam ? `Hallo ${naam},` : 'Hallo,',
      lines: [`${student} heeft deel A van het doorstroomdossier ingevuld en naar jou gestuurd.`, 'Open het dossier bij "Te behandelen" en vul deel B in.'],
      action: 'Open het doorstroomdossier',
      footer: footers.nl.student,
    }),
    returnedToStudent: ({ naam }) => ({
      subject: 'Je doorstroomdossier is teruggezet',
      greeting: naam ? `Hallo ${naam},` : 'Hallo,',
      lines: ['Je doorstroomdossier is teruggezet naar deel A.', 'Je kunt je antwoorden weer aanpassen. Stuur het daarna opnieuw naar je mentor.'],
      action: 'Open je doorstroomdossier',
      footer: footers.nl.student,
    }),
    sentToStudent: ({ naam }) => ({
      subject: 'Je mentor heeft deel B ingevuld',
      greeting: naam ? `Hallo ${naam},` : 'Hallo,',
      lines: ['Je mentor heeft deel B van je doorstroomdossier ingevuld.', 'Lees je dossier goed. Geef daarna je akkoord.'],
      action: 'Open je doorstroomdossier',
      footer: footers.nl.student,
    }),
    guardianConsentAsked: ({ naam, student }) => ({
      subject: `Uw toestemming voor het doorstroomdossier van ${student}`,
      greeting: `Beste ${naam || 'ouder of verzorger'},`,
      lines: [
        `${student} gaat naar het mbo. De school stuurt het doorstroomdossier naar het mbo als u toestemming geeft.`,
        'Open de link hieronder. U leest eerst het dossier. Daarna geeft u wel of geen toestemming.',
        'De link werkt één keer. Hebt u vragen? Neem dan contact op met de school.',
      ],
      action: 'Dossier lezen en toestemming geven',
      footer: footers.nl.parent,
    }),
    reminder: ({ naam, from }) => ({
      subject: 'Herinnering: je doorstroomdossier',
      greeting: naam ? `Hallo ${naam},` : 'Hallo,',
      lines: [`${from || 'Je decaan'} herinnert je aan je doorstroomdossier.`, 'Kijk wat je nu moet doen.'],
      action: 'Open je doorstroomdossier',
      footer: footers.nl.student,
    }),
    mentorChanged: ({ naam, student }) => ({
      subject: `Doorstroomdossier van ${student}: andere mentor`,
      greeting: naam ? `Hallo ${naam},` : 'Hallo,',
      lines: [`Het doorstroomdossier van ${student} heeft een andere mentor gekregen.`, 'Kijk bij "Te behandelen" wat er voor jou klaarstaat.'],
      action: 'Open het doorstroomdossier',
      footer: footers.nl.student,
    }),
  },
  en: {
    submittedToMentor: ({ naam, student }) => ({
      subject: `Transfer dossier of ${student}: fill in part B`,
      greeting: naam ? `Hello ${naam},` : 'Hello,',
      lines: [`${student} has filled in part A of the transfer dossier and sent it to you.`, 'Open the dossier under "To handle" and fill in part B.'],
      action: 'Open the transfer dossier',
      footer: footers.en.student,
    }),
    returnedToStudent: ({ naam }) => ({
      subject: 'Your transfer dossier was sent back',
      greeting: naam ? `Hello ${naam},` : 'Hello,',
      lines: ['Your transfer dossier was sent back to part A.', 'You can change your answers again. Then send it to your mentor again.'],
      action: 'Open your transfer dossier',
      footer: footers.en.student,
    }),
    sentToStudent: ({ naam }) => ({
      subject: 'Your mentor has filled in part B',
      greeting: naam ? `Hello ${naam},` : 'Hello,',
      lines: ['Your mentor has filled in part B of your transfer dossier.', 'Read your dossier carefully. Then give your agreement.'],
      action: 'Open your transfer dossier',
      footer: footers.en.student,
    }),
    guardianConsentAsked: ({ naam, student }) => ({
      subject: `Your consent for the transfer dossier of ${student}`,
      greeting: `Dear ${naam || 'parent or guardian'},`,
      lines: [
        `${student} is going to an MBO school. The school sends the transfer dossier to the MBO school if you give your consent.`,
        'Open the link below. First you read the dossier. Then you give your consent, or not.',
        'The link works once. Questions? Please contact the school.',
      ],
      action: 'Read the dossier and give consent',
      footer: footers.en.parent,
    }),
    reminder: ({ naam, from }) => ({
      subject: 'Reminder: your transfer dossier',
      greeting: naam ? `Hello ${naam},` : 'Hello,',
      lines: [`${from || 'Your careers counsellor'} reminds you of your transfer dossier.`, 'See what you need to do now.'],
      action: 'Open your transfer dossier',
      footer: footers.en.student,
    }),
    mentorChanged: ({ naam, student }) => ({
      subject: `Transfer dossier of ${student}: another mentor`,
      greeting: naam ? `Hello ${naam},` : 'Hello,',
      lines: [`The transfer dossier of ${student} has been given to another mentor.`, 'See under "To handle" what is waiting for you.'],
      action: 'Open the transfer dossier',
      footer: footers.en.student,
    }),
  },
  ar: {
    submittedToMentor: ({ naam, student }) => ({
      subject: `ملف الانتقال الخاص بـ ${student}: عبّئ deel B`,
      greeting: naam ? `مرحبًا ${naam}،` : 'مرحبًا،',
      lines: [`تمّت تعبئة deel A في ملف الانتقال الخاص بـ ${student}، وأُرسل الملف إليك.`, 'افتح الملف في «للمعالجة» وعبّئ deel B.'],
      action: 'افتح ملف الانتقال',
      footer: footers.ar.student,
    }),
    returnedToStudent: ({ naam }) => ({
      subject: 'أُعيد ملف الانتقال الخاص بك',
      greeting: naam ? `مرحبًا ${naam}،` : 'مرحبًا،',
      lines: ['أُعيد ملف الانتقال الخاص بك إلى deel A.', 'يمكنك تغيير إجاباتك من جديد. بعد ذلك أرسل الملف مرة أخرى إلى مرشدك.'],
      action: 'افتح ملف الانتقال الخاص بك',
      footer: footers.ar.student,
    }),
    sentToStudent: ({ naam }) => ({
      subject: 'عبّأ مرشدك deel B',
      greeting: naam ? `مرحبًا ${naam}،` : 'مرحبًا،',
      lines: ['عبّأ مرشدك deel B في ملف الانتقال الخاص بك.', 'اقرأ ملفك جيدًا. بعد ذلك أعطِ موافقتك على المحتوى.'],
      action: 'افتح ملف الانتقال الخاص بك',
      footer: footers.ar.student,
    }),
    guardianConsentAsked: ({ naam, student }) => ({
      subject: `نطلب إذنكم: ملف الانتقال الخاص بـ ${student}`,
      greeting: naam ? `السيد/السيدة ${naam}،` : 'إلى الوالد أو وليّ الأمر،',
      lines: [
        `ملف الانتقال الخاص بـ ${student} جاهز للإرسال إلى الـ mbo. ترسل المدرسة الملف إلى الـ mbo فقط إذا أعطيتم الإذن.`,
        'افتحوا الرابط أدناه. اقرؤوا الملف أولًا. بعد ذلك قرّروا هل تعطون الإذن أم لا.',
        'الرابط يعمل مرة واحدة فقط. هل لديكم أسئلة؟ تواصلوا مع المدرسة.',
      ],
      action: 'اقرؤوا الملف وأعطوا الإذن',
      footer: footers.ar.parent,
    }),
    reminder: ({ naam, from }) => ({
      subject: 'تذكير: ملف الانتقال الخاص بك',
      greeting: naam ? `مرحبًا ${naam}،` : 'مرحبًا،',
      lines: [`تذكير من ${from || 'الـ decaan في مدرستك'}: ملف الانتقال الخاص بك ينتظرك.`, 'انظر ماذا عليك أن تفعل الآن.'],
      action: 'افتح ملف الانتقال الخاص بك',
      footer: footers.ar.student,
    }),
    mentorChanged: ({ naam, student }) => ({
      subject: `ملف الانتقال الخاص بـ ${student}: مرشد آخر`,
      greeting: naam ? `مرحبًا ${naam}،` : 'مرحبًا،',
      lines: [`انتقل ملف الانتقال الخاص بـ ${student} إلى مرشد آخر.`, 'انظر في «للمعالجة» ما الذي ينتظرك.'],
      action: 'افتح ملف الانتقال',
      footer: footers.ar.student,
    }),
  },
  tr: {
    submittedToMentor: ({ naam, student }) => ({
      subject: `${student} adlı öğrencinin geçiş dosyası: deel B’yi doldur`,
      greeting: naam ? `Merhaba ${naam},` : 'Merhaba,',
      lines: [`${student} adlı öğrenci geçiş dosyasının deel A bölümünü doldurdu ve sana gönderdi.`, 'Dosyayı "İşlenecekler" altında aç ve deel B’yi doldur.'],
      action: 'Geçiş dosyasını aç',
      footer: footers.tr.student,
    }),
    returnedToStudent: ({ naam }) => ({
      subject: 'Geçiş dosyan geri gönderildi',
      greeting: naam ? `Merhaba ${naam},` : 'Merhaba,',
      lines: ['Geçiş dosyan deel A’ya geri gönderildi.', 'Cevaplarını yeniden değiştirebilirsin. Sonra dosyayı tekrar mentoruna gönder.'],
      action: 'Geçiş dosyanı aç',
      footer: footers.tr.student,
    }),
    sentToStudent: ({ naam }) => ({
      subject: 'Mentorun deel B’yi doldurdu',
      greeting: naam ? `Merhaba ${naam},` : 'Merhaba,',
      lines: ['Mentorun geçiş dosyanın deel B bölümünü doldurdu.', 'Dosyanı dikkatlice oku. Sonra onayını ver.'],
      action: 'Geçiş dosyanı aç',
      footer: footers.tr.student,
    }),
    guardianConsentAsked: ({ naam, student }) => ({
      subject: `${student} adlı öğrencinin geçiş dosyası için izniniz`,
      greeting: `Sayın ${naam || 'veli'},`,
      lines: [
        `${student} mbo okuluna gidecek. Okul, geçiş dosyasını ancak siz izin verirseniz mbo okuluna gönderir.`,
        'Aşağıdaki bağlantıyı açın. Önce dosyayı okuyun. Sonra izin verip vermeyeceğinize karar verin.',
        'Bağlantı yalnızca bir kez çalışır. Sorunuz mu var? Lütfen okulla iletişime geçin.',
      ],
      action: 'Dosyayı okuyun ve izin verin',
      footer: footers.tr.parent,
    }),
    reminder: ({ naam, from }) => ({
      subject: 'Hatırlatma: geçiş dosyan',
      greeting: naam ? `Merhaba ${naam},` : 'Merhaba,',
      lines: [`${from || 'Okulundaki decaan'} sana geçiş dosyanı hatırlatıyor.`, 'Şimdi ne yapman gerektiğine bak.'],
      action: 'Geçiş dosyanı aç',
      footer: footers.tr.student,
    }),
    mentorChanged: ({ naam, student }) => ({
      subject: `${student} adlı öğrencinin geçiş dosyası: başka bir mentor`,
      greeting: naam ? `Merhaba ${naam},` : 'Merhaba,',
      lines: [`${student} adlı öğrencinin geçiş dosyası başka bir mentora verildi.`, '"İşlenecekler" altında seni neyin beklediğine bak.'],
      action: 'Geçiş dosyasını aç',
      footer: footers.tr.student,
    }),
  },
  uk: {
    submittedToMentor: ({ naam, student }) => ({
      subject: `Досьє учня (${student}): заповни deel B`,
      greeting: naam ? `Привіт, ${naam}!` : 'Привіт!',
      lines: [`Deel A досьє учня (${student}) заповнено й надіслано тобі.`, 'Відкрий досьє в розділі «До опрацювання» і заповни deel B.'],
      action: 'Відкрити досьє',
      footer: footers.uk.student,
    }),
    returnedToStudent: ({ naam }) => ({
      subject: 'Твоє досьє повернуто',
      greeting: naam ? `Привіт, ${naam}!` : 'Привіт!',
      lines: ['Твоє досьє повернуто до deel A.', 'Ти можеш знову змінити свої відповіді. Потім знову надішли досьє своєму ментору.'],
      action: 'Відкрити твоє досьє',
      footer: footers.uk.student,
    }),
    sentToStudent: ({ naam }) => ({
      subject: 'Твій ментор заповнив deel B',
      greeting: naam ? `Привіт, ${naam}!` : 'Привіт!',
      lines: ['Твій ментор заповнив deel B твого досьє.', 'Уважно прочитай своє досьє. Потім дай своє погодження.'],
      action: 'Відкрити твоє досьє',
      footer: footers.uk.student,
    }),
    guardianConsentAsked: ({ naam, student }) => ({
      subject: `Потрібна ваша згода: досьє учня (${student})`,
      greeting: naam ? `Доброго дня, ${naam}!` : 'Шановні батьки або опікуни!',
      lines: [
        `Учень (${student}) переходить до mbo. Школа надішле досьє до mbo, лише якщо ви дасте згоду.`,
        'Відкрийте посилання нижче. Спочатку прочитайте досьє. Потім вирішіть, чи даєте ви згоду.',
        'Посилання працює лише один раз. Якщо у вас є запитання, зверніться до школи.',
      ],
      action: 'Прочитати досьє і дати згоду',
      footer: footers.uk.parent,
    }),
    reminder: ({ naam, from }) => ({
      subject: 'Нагадування: твоє досьє',
      greeting: naam ? `Привіт, ${naam}!` : 'Привіт!',
      lines: [`${from || 'Decaan твоєї школи'} нагадує тобі про твоє досьє.`, 'Подивися, що тобі треба зробити зараз.'],
      action: 'Відкрити твоє досьє',
      footer: footers.uk.student,
    }),
    mentorChanged: ({ naam, student }) => ({
      subject: `Досьє учня (${student}): інший ментор`,
      greeting: naam ? `Привіт, ${naam}!` : 'Привіт!',
      lines: [`Досьє учня (${student}) передано іншому ментору.`, 'Подивися в розділі «До опрацювання», що на тебе чекає.'],
      action: 'Відкрити досьє',
      footer: footers.uk.student,
    }),
  },
  pl: {
    submittedToMentor: ({ naam, student }) => ({
      subject: `Dossier ucznia (${student}): wypełnij deel B`,
      greeting: naam ? `Dzień dobry ${naam},` : 'Dzień dobry,',
      lines: [`Deel A dossier ucznia (${student}) zostało wypełnione i wysłane do ciebie.`, 'Otwórz dossier w zakładce „Do rozpatrzenia” i wypełnij deel B.'],
      action: 'Otwórz dossier',
      footer: footers.pl.student,
    }),
    returnedToStudent: ({ naam }) => ({
      subject: 'Twoje dossier zostało cofnięte',
      greeting: naam ? `Cześć ${naam},` : 'Cześć,',
      lines: ['Twoje dossier zostało cofnięte do deel A.', 'Możesz znowu zmienić swoje odpowiedzi. Potem wyślij dossier ponownie do swojego mentora.'],
      action: 'Otwórz swoje dossier',
      footer: footers.pl.student,
    }),
    sentToStudent: ({ naam }) => ({
      subject: 'Twój mentor wypełnił deel B',
      greeting: naam ? `Cześć ${naam},` : 'Cześć,',
      lines: ['Twój mentor wypełnił deel B twojego dossier.', 'Przeczytaj uważnie swoje dossier. Potem zaakceptuj jego treść.'],
      action: 'Otwórz swoje dossier',
      footer: footers.pl.student,
    }),
    guardianConsentAsked: ({ naam, student }) => ({
      subject: `Prośba o zgodę Pana/Pani: dossier ucznia (${student})`,
      greeting: naam ? `Dzień dobry ${naam},` : 'Szanowny Rodzicu lub Opiekunie,',
      lines: [
        `Uczeń (${student}) idzie do szkoły mbo. Szkoła wyśle dossier do szkoły mbo tylko wtedy, gdy wyrazi Pan/Pani zgodę.`,
        'Proszę otworzyć link poniżej. Najpierw proszę przeczytać dossier. Potem zdecyduje Pan/Pani, czy wyraża zgodę.',
        'Link działa tylko raz. Ma Pan/Pani pytania? Proszę skontaktować się ze szkołą.',
      ],
      action: 'Przeczytać dossier i wyrazić zgodę',
      footer: footers.pl.parent,
    }),
    reminder: ({ naam, from }) => ({
      subject: 'Przypomnienie: twoje dossier',
      greeting: naam ? `Cześć ${naam},` : 'Cześć,',
      lines: [`${from || 'Decaan z twojej szkoły'} przypomina ci o twoim dossier.`, 'Sprawdź, co musisz teraz zrobić.'],
      action: 'Otwórz swoje dossier',
      footer: footers.pl.student,
    }),
    mentorChanged: ({ naam, student }) => ({
      subject: `Dossier ucznia (${student}): inny mentor`,
      greeting: naam ? `Dzień dobry ${naam},` : 'Dzień dobry,',
      lines: [`Dossier ucznia (${student}) ma teraz innego mentora.`, 'Sprawdź w zakładce „Do rozpatrzenia”, co na ciebie czeka.'],
      action: 'Otwórz dossier',
      footer: footers.pl.student,
    }),
  },
};

/** The recipient's language: one of the six (a regional variant counts as its language), else Dutch. */
export function mailLanguage(message: Pick<OutboxMessage, 'lang'>): MailLanguage {
  const primary = (message.lang ?? '').toLowerCase().split('-')[0] as MailLanguage;
  return mailLanguages.includes(primary) ? primary : 'nl';
}

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
/** Names go into a subject and a greeting as plain text: no line breaks or control characters. */
const oneLine = (text: string) =>
  text
    // eslint-disable-next-line no-control-regex -- control characters are what it strips
    .replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 200);

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
  const naam = oneLine(message.recipient.naam ?? '');
  const student = oneLine(message.student?.naam ?? '');
  const from = oneLine(typeof message.details?.['from'] === 'string' ? message.details['from'] : '');
  const texts = mailTexts[language][message.kind]({ naam, student, from });
  const link = message.kind === 'guardianConsentAsked' ? message.link : options.portalUrl;
  // Mail clients that drop the <html> element still see the direction on <body>.
  const dir = rightToLeft.has(language) ? ' dir="rtl"' : '';
  const text = [texts.greeting, '', ...texts.lines.flatMap((line) => [line, '']), ...(link && texts.action ? [`${texts.action}:`, link, ''] : []), '--', texts.footer, ''].join('\n');
  const html = [
    '<!doctype html>',
    `<html lang="${language}"${dir}><head><meta charset="utf-8"><title>${escapeHtml(texts.subject)}</title></head>`,
    `<body${dir} style="font-family: Arial, sans-serif; font-size: 16px; line-height: 1.5; color: #1b1b1b;">`,
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
