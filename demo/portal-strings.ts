// The demo portal's own few strings (its header, cards and footer) in the six languages of the
// elements. The elements bring their own texts; these are only the portal around them. Status
// names follow the elements' catalogues (dossierStatus.*), so the card and the element agree.

export type PortalLang = 'nl' | 'en' | 'ar' | 'tr' | 'uk' | 'pl';

const strings = {
  'status.concept': {
    nl: 'Deel A invullen',
    en: 'Filling in part A',
    ar: 'تعبئة deel A',
    tr: 'deel A dolduruluyor',
    uk: 'Заповнення deel A',
    pl: 'Wypełnianie deel A',
  },
  'status.bijMentor': { nl: 'Bij de mentor', en: 'With the mentor', ar: 'عند المرشد', tr: 'Mentorda', uk: 'У ментора', pl: 'U mentora' },
  'status.deelB': {
    nl: 'Mentor vult deel B in',
    en: 'Mentor is filling in part B',
    ar: 'المرشد يعبّئ deel B',
    tr: 'Mentor deel B’yi dolduruyor',
    uk: 'Ментор заповнює deel B',
    pl: 'Mentor wypełnia deel B',
  },
  'status.akkoord': {
    nl: 'In akkoordverklaring',
    en: 'Awaiting agreement',
    ar: 'في إقرار الموافقة',
    tr: 'Onay beyanında',
    uk: 'На етапі заяви про згоду',
    pl: 'Na etapie oświadczenia o zgodzie',
  },
  'status.afgerond': { nl: 'Afgerond', en: 'Completed', ar: 'مكتمل', tr: 'Tamamlandı', uk: 'Завершено', pl: 'Zakończone' },
  'role.student': { nl: 'Leerlingen', en: 'Students', ar: 'الطلاب', tr: 'Öğrenciler', uk: 'Учні', pl: 'Uczniowie' },
  'role.mentor': { nl: 'Mentoren', en: 'Mentors', ar: 'المرشدون', tr: 'Mentorlar', uk: 'Ментори', pl: 'Mentorzy' },
  'role.guardian': {
    nl: 'Ouders en verzorgers',
    en: 'Parents and guardians',
    ar: 'الآباء وأولياء الأمور',
    tr: 'Ebeveynler ve veliler',
    uk: 'Батьки та опікуни',
    pl: 'Rodzice i opiekunowie',
  },
  'role.mbo': { nl: 'Mbo-intake', en: 'MBO intake', ar: 'قبول mbo', tr: 'mbo kabul birimi', uk: 'Прийом до mbo', pl: 'Rekrutacja mbo' },
  'role.decaan': {
    nl: 'Decanen (overzicht van de school)',
    en: 'Careers counsellors (school overview)',
    ar: 'الـ decaan (نظرة عامة على المدرسة)',
    tr: 'Decaan (okulun genel görünümü)',
    uk: 'Decaan (огляд школи)',
    pl: 'Decaan (przegląd szkoły)',
  },
  loading: { nl: 'Laden…', en: 'Loading…', ar: 'جارٍ التحميل…', tr: 'Yükleniyor…', uk: 'Завантаження…', pl: 'Wczytywanie…' },
  // Why a card is empty, so a newcomer playing the demo knows which role to play next.
  'empty.agreement': {
    nl: 'Je dossier komt hier zodra je mentor deel B heeft ingevuld en het naar je terugstuurt.',
    en: 'Your dossier appears here once your mentor has filled in part B and sends it back to you.',
    ar: 'سيظهر ملفك هنا بعد أن يعبّئ مرشدك deel B ويعيده إليك.',
    tr: 'Mentorun deel B’yi doldurup dosyayı sana geri gönderdiğinde dosyan burada görünür.',
    uk: 'Твоє досьє з’явиться тут, коли ментор заповнить deel B і надішле його тобі.',
    pl: 'Twoja teczka pojawi się tutaj, gdy mentor wypełni deel B i odeśle ją do ciebie.',
  },
  'empty.child': {
    nl: 'Het dossier van uw kind komt hier zodra uw kind en de mentor het klaar hebben voor uw toestemming.',
    en: 'Your child’s dossier appears here once your child and the mentor have it ready for your consent.',
    ar: 'سيظهر ملف طفلك هنا عندما يجهّزه طفلك والمرشد لموافقتك.',
    tr: 'Çocuğunuzun dosyası, çocuğunuz ve mentor onu onayınız için hazırladığında burada görünür.',
    uk: 'Досьє вашої дитини з’явиться тут, коли дитина й ментор підготують його для вашої згоди.',
    pl: 'Teczka dziecka pojawi się tutaj, gdy dziecko i mentor przygotują ją do pani/pana zgody.',
  },
  loadFailed: {
    nl: 'De dossiers konden niet worden geladen.',
    en: 'Could not load the dossiers.',
    ar: 'تعذّر تحميل الملفات.',
    tr: 'Dosyalar yüklenemedi.',
    uk: 'Не вдалося завантажити досьє.',
    pl: 'Nie udało się wczytać teczek.',
  },
  // The arrow points back, which is to the right in Arabic.
  back: { nl: '← Terug', en: '← Back', ar: '→ رجوع', tr: '← Geri', uk: '← Назад', pl: '← Wróć' },
  agreement: { nl: 'Akkoordverklaring', en: 'Agreement', ar: 'إقرار الموافقة', tr: 'Onay beyanı', uk: 'Заява про згоду', pl: 'Oświadczenie o zgodzie' },
  open: { nl: 'Openen', en: 'Open', ar: 'فتح', tr: 'Aç', uk: 'Відкрити', pl: 'Otwórz' },
  childDossiers: {
    nl: 'Dossiers van uw kind',
    en: 'Dossiers of your child',
    ar: 'ملفات طفلك',
    tr: 'Çocuğunuzun dosyaları',
    uk: 'Досьє вашої дитини',
    pl: 'Teczki Twojego dziecka',
  },
  readAndConsent: {
    nl: 'Bekijken en toestemming geven',
    en: 'Read and consent',
    ar: 'الاطّلاع وإعطاء الموافقة',
    tr: 'İncele ve onay ver',
    uk: 'Переглянути й дати згоду',
    pl: 'Przejrzyj i wyraź zgodę',
  },
  notifications: { nl: 'Meldingen', en: 'Notifications', ar: 'الإشعارات', tr: 'Bildirimler', uk: 'Сповіщення', pl: 'Powiadomienia' },
  noNotifications: {
    nl: 'Nog geen meldingen.',
    en: 'No notifications yet.',
    ar: 'لا توجد إشعارات بعد.',
    tr: 'Henüz bildirim yok.',
    uk: 'Сповіщень поки немає.',
    pl: 'Na razie brak powiadomień.',
  },
  title: {
    nl: 'Demo-schoolportaal — doorstroomdossier',
    en: 'Demo school portal — transfer dossier',
    ar: 'بوابة مدرسة تجريبية — ملف الانتقال',
    tr: 'Deneme okul portalı — geçiş dosyası',
    uk: 'Демо-портал школи — досьє переходу',
    pl: 'Demonstracyjny portal szkoły — teczka przejścia',
  },
  tag: {
    nl: 'demo · fictieve gegevens',
    en: 'demo · made-up data',
    ar: 'تجريبي · بيانات وهمية',
    tr: 'deneme · uydurma bilgiler',
    uk: 'демо · вигадані дані',
    pl: 'demo · zmyślone dane',
  },
  who: { nl: 'Ik ben', en: 'I am', ar: 'أنا', tr: 'Ben', uk: 'Я', pl: 'Jestem' },
  language: { nl: 'Taal', en: 'Language', ar: 'اللغة', tr: 'Dil', uk: 'Мова', pl: 'Język' },
  reset: {
    nl: 'Demo opnieuw beginnen',
    en: 'Start the demo over',
    ar: 'بدء العرض التجريبي من جديد',
    tr: 'Demoyu yeniden başlat',
    uk: 'Почати демо спочатку',
    pl: 'Zacznij demo od nowa',
  },
  // `{npmStart}` becomes <code>npm start</code>.
  footer: {
    nl: 'Alle gegevens in deze demo zijn verzonnen. Met {npmStart} bewaart de referentieserver ze in een PostgreSQL-database (PGlite) op deze computer. De mbo-instellingen, locaties en crebo-codes zijn echt; welke school welke opleiding aanbiedt is verzonnen.',
    en: 'All data in this demo is made up. With {npmStart} the reference server keeps it in a PostgreSQL database (PGlite) on this computer. The MBO institutions, locations and crebo codes are real; which school offers which programme is made up.',
    ar: 'كل البيانات في هذا العرض التجريبي وهمية. مع {npmStart} يحفظها الخادم المرجعي في قاعدة بيانات PostgreSQL (PGlite) على هذا الحاسوب. مؤسسات mbo ومواقعها ورموز crebo حقيقية؛ أمّا أيّ مدرسة تقدّم أيّ تخصص فهو وهمي.',
    tr: 'Bu demodaki bütün bilgiler uydurmadır. {npmStart} ile referans sunucu bunları bu bilgisayardaki bir PostgreSQL veritabanında (PGlite) saklar. mbo kurumları, yerleşkeler ve crebo kodları gerçektir; hangi okulun hangi bölümü sunduğu uydurmadır.',
    uk: 'Усі дані в цьому демо вигадані. З {npmStart} еталонний сервер зберігає їх у базі даних PostgreSQL (PGlite) на цьому комп’ютері. Заклади mbo, їхні адреси та коди crebo справжні; яка школа пропонує яку програму — вигадано.',
    pl: 'Wszystkie dane w tym demo są zmyślone. Z {npmStart} serwer referencyjny przechowuje je w bazie danych PostgreSQL (PGlite) na tym komputerze. Placówki mbo, lokalizacje i kody crebo są prawdziwe; to, która szkoła oferuje który kierunek, jest zmyślone.',
  },
} satisfies Record<string, Record<PortalLang, string>>;

export type PortalKey = keyof typeof strings;

const isPortalLang = (lang: string): lang is PortalLang => lang in strings.open;

/** A portal string in `lang`; Dutch for a language the portal does not have. */
export function say(key: PortalKey, lang: string): string {
  return strings[key][isPortalLang(lang) ? lang : 'nl'];
}
