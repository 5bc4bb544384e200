/**
 * The glossary per language: each term of the doorstroomdossier with its one translation and a
 * one-line explanation in that language. Translators write against it; `glossary.test.ts` checks
 * that every text uses the translation wherever the Dutch uses the term (`uses`), and that words
 * the glossary rules out (a calque, a second word for the same thing) appear nowhere (`avoid`).
 *
 * Dutch school terms a student meets in Dutch (mbo, deel A, crebo, BOL/BBL) stay in Dutch in
 * every language, explained where they first appear.
 */

export type GlossaryLanguage = 'nl' | 'en' | 'ar' | 'tr' | 'uk' | 'pl';

export interface GlossaryEntry {
  /** The term as the Dutch texts use it. */
  term: string;
  /** The one translation to use (for nl: the plain word the texts use). */
  translation: string;
  /** What it means, in one line, in this language. */
  explanation: string;
  /** Where the Dutch texts use the term. */
  dutch?: RegExp;
  /** Every text of this language whose Dutch uses the term has this (the word and its forms). */
  uses?: RegExp;
  /** Never in this language's texts. */
  avoid?: RegExp;
}

/** The terms, by key, so every language lists the same ones. */
export type GlossaryTerm =
  | 'dossier'
  | 'akkoordverklaring'
  | 'akkoord'
  | 'toestemming'
  | 'ouderOfVerzorger'
  | 'bsn'
  | 'opleiding'
  | 'profiel'
  | 'mbo'
  | 'deel'
  | 'mentor'
  | 'crebo'
  | 'bolBbl'
  | 'leerweg'
  | 'warmeOverdracht'
  | 'opp'
  | 'passendOnderwijs'
  | 'decaan';

type Glossary = Record<GlossaryTerm, GlossaryEntry>;

/** Where the Dutch texts use each term (shared by every language). */
const dutch: Partial<Record<GlossaryTerm, RegExp>> = {
  dossier: /\bdossier\b/i,
  toestemming: /\btoestemming\b/i,
  ouderOfVerzorger: /\bouder of verzorger\b/i,
  bsn: /\bBSN\b/,
  opleiding: /\bopleiding\b/i,
  mbo: /\bmbo\b/i,
  crebo: /\bcrebo/i,
  bolBbl: /\b(BOL|BBL)\b/,
  warmeOverdracht: /\bwarme overdracht\b/i,
  opp: /\bOPP\b/,
};

const nl: Glossary = {
  dossier: { term: 'dossier', translation: 'dossier', explanation: 'Alles wat over jou naar het mbo kan gaan: deel A, deel B en je keuzes.' },
  akkoordverklaring: { term: 'akkoordverklaring', translation: 'akkoordverklaring', explanation: 'De laatste stap: je zegt of je het eens bent, kiest wat het mbo mag zien en geeft toestemming.' },
  akkoord: { term: 'akkoord', translation: 'akkoord (het eens zijn met wat er staat)', explanation: 'Je bent het eens met wat er in je dossier staat. Dat is iets anders dan toestemming.' },
  toestemming: { term: 'toestemming', translation: 'toestemming', explanation: 'Je zegt dat je dossier naar het mbo mag.' },
  ouderOfVerzorger: { term: 'ouder of verzorger', translation: 'ouder of verzorger', explanation: 'Je vader, moeder, verzorger of voogd. Onder de 18 geeft die ook toestemming.' },
  bsn: { term: 'BSN', translation: 'burgerservicenummer (BSN)', explanation: 'Je persoonlijke nummer van de overheid. Het staat op je paspoort, ID-kaart of verblijfsdocument.' },
  opleiding: { term: 'opleiding', translation: 'opleiding', explanation: 'Wat je op het mbo gaat leren, bijvoorbeeld Kapper niveau 2.' },
  profiel: { term: 'profiel', translation: 'profiel', explanation: 'De richting die je op het vmbo, havo of vwo volgt.' },
  mbo: { term: 'mbo', translation: 'mbo', explanation: 'Middelbaar beroepsonderwijs: de school waar je een vak leert.' },
  deel: { term: 'deel A / deel B', translation: 'deel A / deel B', explanation: 'Deel A vul jij in, deel B je mentor.' },
  mentor: { term: 'mentor', translation: 'mentor', explanation: 'Je leraar die je begeleidt en deel B invult.' },
  crebo: { term: 'crebo', translation: 'crebonummer', explanation: 'Het nummer van een mbo-opleiding.' },
  bolBbl: { term: 'BOL / BBL', translation: 'BOL / BBL', explanation: 'BOL: je gaat vooral naar school en loopt stage. BBL: je werkt en leert, bij een leerbedrijf.' },
  leerweg: { term: 'leerweg', translation: 'leerweg', explanation: 'Het soort vmbo dat je doet (basis, kader, gemengd of theoretisch).' },
  warmeOverdracht: { term: 'warme overdracht', translation: 'warme overdracht', explanation: 'Een gesprek tussen je school en het mbo over jou, met jou erbij.' },
  opp: { term: 'OPP', translation: 'ontwikkelingsperspectief (OPP)', explanation: 'Een plan voor een leerling die veel extra ondersteuning nodig heeft.' },
  passendOnderwijs: {
    term: 'passend onderwijs',
    translation: 'passend onderwijs',
    explanation: 'Extra ondersteuning die een school geeft; de oude woorden LGF, rugzak en REC bestaan niet meer.',
    avoid: /\b(LGF|REC)\b|rugzakje/,
  },
  decaan: { term: 'decaan', translation: 'decaan', explanation: 'De persoon op school die je helpt een opleiding te kiezen.' },
};

const en: Glossary = {
  dossier: { term: 'dossier', translation: 'dossier', explanation: 'Everything about you that can go to the MBO: part A, part B and your choices.' },
  akkoordverklaring: { term: 'akkoordverklaring', translation: 'declaration of agreement', explanation: 'The last step: you say whether you agree, choose what the MBO may see and give consent.' },
  akkoord: { term: 'akkoord', translation: 'agreement (agreeing with the content)', explanation: 'You agree with what is in your dossier. That is not the same as consent.' },
  toestemming: { term: 'toestemming', translation: 'consent / permission to send', explanation: 'You say your dossier may go to the MBO.', uses: /consent|permission/i },
  ouderOfVerzorger: {
    term: 'ouder of verzorger',
    translation: 'parent or guardian',
    explanation: 'Your father, mother, carer or guardian; under 18 they give consent too.',
    uses: /parent|guardian|carer/i,
  },
  bsn: { term: 'BSN', translation: 'citizen service number (BSN)', explanation: 'Your personal number from the Dutch government, on your passport, ID card or residence document.', uses: /BSN/ },
  opleiding: { term: 'opleiding', translation: 'programme', explanation: 'What you will learn at the MBO, for example Hairdresser level 2.' },
  profiel: { term: 'profiel', translation: 'profile', explanation: 'The direction you follow in vmbo, havo or vwo.' },
  mbo: { term: 'mbo', translation: 'MBO', explanation: 'Secondary vocational education: the school where you learn a trade.', uses: /MBO|mbo/ },
  deel: { term: 'deel A / deel B', translation: 'part A / part B', explanation: 'You fill in part A, your mentor part B.' },
  mentor: { term: 'mentor', translation: 'mentor', explanation: 'The teacher who guides you and fills in part B.' },
  crebo: { term: 'crebo', translation: 'crebo number', explanation: 'The number of an MBO programme.', uses: /crebo/i },
  bolBbl: { term: 'BOL / BBL', translation: 'BOL / BBL', explanation: 'BOL: mostly at school with internships. BBL: you work and learn at a training company.', uses: /BOL|BBL/ },
  leerweg: { term: 'leerweg', translation: 'track (leerweg)', explanation: 'The kind of vmbo you do (basis, kader, gemengd or theoretisch).' },
  warmeOverdracht: { term: 'warme overdracht', translation: 'personal handover', explanation: 'A talk between your school and the MBO about you, with you there.', uses: /handover/i },
  opp: { term: 'OPP', translation: 'development plan (OPP)', explanation: 'A plan for a student who needs a lot of extra support.', uses: /OPP/ },
  passendOnderwijs: {
    term: 'passend onderwijs',
    translation: 'inclusive education (passend onderwijs)',
    explanation: 'Extra support a school gives; the old terms LGF and REC no longer exist.',
    avoid: /\b(LGF|REC)\b/,
  },
  decaan: { term: 'decaan', translation: 'careers counsellor (decaan)', explanation: 'The person at school who helps you choose a programme.' },
};

const ar: Glossary = {
  dossier: { term: 'dossier', translation: 'الملف', explanation: 'كل ما يمكن أن يُرسَل عنك إلى الـ mbo: deel A وdeel B واختياراتك.', uses: /ملف/ },
  akkoordverklaring: { term: 'akkoordverklaring', translation: 'إقرار الموافقة', explanation: 'الخطوة الأخيرة: تقول هل توافق على المحتوى، وتختار ما يُرسَل، وتعطي الإذن.' },
  akkoord: { term: 'akkoord', translation: 'الموافقة على المحتوى', explanation: 'أنت توافق على ما هو مكتوب في ملفك. هذا غير الإذن بالإرسال.' },
  toestemming: {
    term: 'toestemming',
    translation: 'الإذن (بالإرسال)',
    explanation: 'تقول إن ملفك يمكن أن يُرسَل إلى الـ mbo. كلمة «الموافقة» هي للموافقة على المحتوى فقط.',
    uses: /إذن|أسمح|يسمح|تسمح|السماح/,
    avoid: /(أوافق|توافق|يوافق|موافقت\S*)\s+على\s+(إرسال|الإرسال)/,
  },
  ouderOfVerzorger: { term: 'ouder of verzorger', translation: 'الوالد أو وليّ الأمر', explanation: 'أبوك أو أمك أو من يرعاك أو الوصي عليك. تحت 18 يعطي الإذن أيضًا.', uses: /وليّ|ولي|والد|أب|أم/ },
  bsn: { term: 'BSN', translation: 'الرقم الشخصي (BSN)', explanation: 'رقمك الشخصي من الحكومة الهولندية، في جوازك أو بطاقة هويتك أو وثيقة إقامتك.', uses: /BSN/, avoid: /رقم المواطن/ },
  opleiding: { term: 'opleiding', translation: 'البرنامج الدراسي', explanation: 'ما ستتعلّمه في الـ mbo، مثلًا حلاقة المستوى 2.', uses: /برنامج|برامج/ },
  profiel: { term: 'profiel', translation: 'الشعبة (profiel)', explanation: 'الاتجاه الذي تدرسه في الـ vmbo أو havo أو vwo. ليست البرنامج الدراسي في الـ mbo.' },
  mbo: { term: 'mbo', translation: 'mbo', explanation: 'التعليم المهني المتوسط: المدرسة التي تتعلّم فيها مهنة.', uses: /mbo|MBO/ },
  deel: { term: 'deel A / deel B', translation: 'deel A / deel B', explanation: 'deel A تعبّئه أنت، وdeel B يعبّئه مرشدك.' },
  mentor: { term: 'mentor', translation: 'المرشد', explanation: 'المعلّم الذي يرافقك ويعبّئ deel B.' },
  crebo: { term: 'crebo', translation: 'رقم crebo', explanation: 'رقم البرنامج الدراسي في الـ mbo.', uses: /crebo/i },
  bolBbl: { term: 'BOL / BBL', translation: 'BOL / BBL', explanation: 'BOL: في الغالب في المدرسة مع تدريب عملي. BBL: تعمل وتتعلّم في شركة تدريب.', uses: /BOL|BBL/ },
  leerweg: { term: 'leerweg', translation: 'المسار (leerweg)', explanation: 'نوع الـ vmbo الذي تدرسه.' },
  warmeOverdracht: { term: 'warme overdracht', translation: 'التسليم الشخصي (warme overdracht)', explanation: 'محادثة بين مدرستك والـ mbo عنك، وأنت حاضر.', uses: /warme overdracht/ },
  opp: { term: 'OPP', translation: 'خطة التطوير (OPP)', explanation: 'خطة لطالب يحتاج إلى دعم إضافي كبير.', uses: /OPP/ },
  passendOnderwijs: {
    term: 'passend onderwijs',
    translation: 'التعليم الملائم (passend onderwijs)',
    explanation: 'دعم إضافي تقدّمه المدرسة؛ المصطلحات القديمة LGF وREC لم تعد موجودة.',
    avoid: /\b(LGF|REC)\b/,
  },
  decaan: { term: 'decaan', translation: 'الـ decaan', explanation: 'الشخص في المدرسة الذي يساعدك على اختيار برنامج دراسي.' },
};

const tr: Glossary = {
  dossier: { term: 'dossier', translation: 'dosya', explanation: 'Senin hakkında mbo okuluna gidebilecek her şey: deel A, deel B ve seçimlerin.', uses: /dosya/i },
  akkoordverklaring: { term: 'akkoordverklaring', translation: 'onay beyanı', explanation: 'Son adım: dosyana katılıp katılmadığını söylersin, neyin gideceğini seçersin ve izin verirsin.' },
  akkoord: { term: 'akkoord', translation: 'onay (içeriğe katılmak)', explanation: 'Dosyandaki bilgilere katılıyorsun. Bu, izin vermekten farklıdır.' },
  toestemming: { term: 'toestemming', translation: 'izin', explanation: 'Dosyanın mbo okuluna gönderilebileceğini söylersin.', uses: /izin|izn|İzin|İzn/i },
  ouderOfVerzorger: {
    term: 'ouder of verzorger',
    translation: 'ebeveyn veya veli',
    explanation: 'Annen, baban, bakıcın veya vasin; 18 yaşından küçüksen o da izin verir.',
    uses: /veli|ebeveyn/i,
    avoid: /bakımını üstlen/i,
  },
  bsn: {
    term: 'BSN',
    translation: 'kişisel numara (BSN)',
    explanation: 'Hollanda devletinin sana verdiği kişisel numara; pasaportunda, kimlik kartında veya oturma izni belgende yazar.',
    uses: /BSN/,
    avoid: /vatandaşlık (hizmet )?numara/i,
  },
  opleiding: { term: 'opleiding', translation: 'bölüm', explanation: 'Mbo okulunda öğreneceğin şey, örneğin Kuaför seviye 2.' },
  profiel: { term: 'profiel', translation: 'profil', explanation: 'Vmbo, havo veya vwo’da izlediğin yön.' },
  mbo: { term: 'mbo', translation: 'mbo (cümle başında Mbo)', explanation: 'Orta düzey meslek eğitimi: bir meslek öğrendiğin okul.', uses: /mbo/i },
  deel: { term: 'deel A / deel B', translation: 'deel A / deel B (cümle başında Deel)', explanation: 'Deel A’yı sen, deel B’yi mentorun doldurur.' },
  mentor: { term: 'mentor', translation: 'mentor', explanation: 'Sana rehberlik eden ve deel B’yi dolduran öğretmen.' },
  crebo: { term: 'crebo', translation: 'crebo numarası', explanation: 'Bir mbo bölümünün numarası.', uses: /crebo/i },
  bolBbl: { term: 'BOL / BBL', translation: 'BOL / BBL', explanation: 'BOL: çoğunlukla okulda, stajla. BBL: bir eğitim şirketinde çalışırken öğrenirsin.', uses: /BOL|BBL/ },
  leerweg: { term: 'leerweg', translation: 'eğitim yolu (leerweg)', explanation: 'Okuduğun vmbo türü.' },
  warmeOverdracht: {
    term: 'warme overdracht',
    translation: 'yüz yüze devir görüşmesi (warme overdracht)',
    explanation: 'Okulunla mbo arasında, senin de katıldığın bir görüşme.',
    uses: /warme overdracht/,
    avoid: /sıcak devir/i,
  },
  opp: { term: 'OPP', translation: 'gelişim planı (OPP)', explanation: 'Çok fazla ek desteğe ihtiyacı olan öğrenci için bir plan.', uses: /OPP/ },
  passendOnderwijs: {
    term: 'passend onderwijs',
    translation: 'uygun eğitim (passend onderwijs)',
    explanation: 'Okulun verdiği ek destek; eski LGF ve REC terimleri artık yok.',
    avoid: /\b(LGF|REC)\b/,
  },
  decaan: { term: 'decaan', translation: 'decaan', explanation: 'Okulda bölüm seçmene yardım eden kişi.' },
};

const uk: Glossary = {
  dossier: { term: 'dossier', translation: 'досьє', explanation: 'Усе про тебе, що може надійти до mbo: deel A, deel B і твій вибір.', uses: /досьє/i },
  akkoordverklaring: {
    term: 'akkoordverklaring',
    translation: 'погодження досьє',
    explanation: 'Останній крок: ти кажеш, чи погоджуєшся зі змістом, вибираєш, що передати, і даєш згоду.',
    avoid: /заяв[аиуі] про згоду/i,
  },
  akkoord: { term: 'akkoord', translation: 'погодження (зі змістом)', explanation: 'Ти погоджуєшся з тим, що написано у твоєму досьє. Це не те саме, що згода на надсилання.' },
  toestemming: { term: 'toestemming', translation: 'згода', explanation: 'Ти кажеш, що твоє досьє можна надіслати до mbo. Лише це слово, не «дозвіл».', uses: /згод/i, avoid: /дозвіл/i },
  ouderOfVerzorger: { term: 'ouder of verzorger', translation: 'батьки або опікун', explanation: 'Твій батько, мати, опікун; до 18 років вони теж дають згоду.', uses: /батьк|мат[иі]|опікун/i },
  bsn: {
    term: 'BSN',
    translation: 'особистий номер (BSN)',
    explanation: 'Твій особистий номер від нідерландської держави: у паспорті, ID-картці або документі на проживання.',
    uses: /BSN/,
    avoid: /номер громадянина|громадянськ\S* номер/i,
  },
  opleiding: { term: 'opleiding', translation: 'програма навчання', explanation: 'Те, чого ти навчатимешся в mbo, наприклад перукар рівня 2.' },
  profiel: { term: 'profiel', translation: 'профіль', explanation: 'Напрям, який ти вивчаєш у vmbo, havo або vwo.' },
  mbo: { term: 'mbo', translation: 'mbo', explanation: 'Середня професійна освіта: школа, де ти вчишся професії.', uses: /mbo/i },
  deel: { term: 'deel A / deel B', translation: 'deel A / deel B', explanation: 'Deel A заповнюєш ти, deel B — твій ментор.' },
  mentor: { term: 'mentor', translation: 'ментор', explanation: 'Учитель, який тебе супроводжує і заповнює deel B.' },
  crebo: { term: 'crebo', translation: 'номер crebo', explanation: 'Номер програми mbo.', uses: /crebo/i },
  bolBbl: { term: 'BOL / BBL', translation: 'BOL / BBL', explanation: 'BOL: переважно навчання в школі з практикою. BBL: ти працюєш і навчаєшся в компанії.', uses: /BOL|BBL/ },
  leerweg: { term: 'leerweg', translation: 'leerweg (тип vmbo)', explanation: 'Тип vmbo, на якому ти навчаєшся.' },
  warmeOverdracht: {
    term: 'warme overdracht',
    translation: 'особиста передача (warme overdracht)',
    explanation: 'Розмова між твоєю школою і mbo про тебе, за твоєї участі.',
    uses: /warme overdracht/,
  },
  opp: { term: 'OPP', translation: 'план розвитку (OPP)', explanation: 'План для учня, якому потрібно багато додаткової підтримки.', uses: /OPP/ },
  passendOnderwijs: {
    term: 'passend onderwijs',
    translation: 'інклюзивне навчання (passend onderwijs)',
    explanation: 'Додаткова підтримка від школи; старих термінів LGF і REC уже немає.',
    avoid: /\b(LGF|REC)\b/,
  },
  decaan: { term: 'decaan', translation: 'decaan', explanation: 'Людина в школі, яка допомагає вибрати програму.' },
};

const pl: Glossary = {
  dossier: { term: 'dossier', translation: 'dossier', explanation: 'Wszystko o tobie, co może trafić do szkoły mbo: deel A, deel B i twoje wybory.', uses: /dossier/i, avoid: /teczk/i },
  akkoordverklaring: {
    term: 'akkoordverklaring',
    translation: 'oświadczenie o zgodzie',
    explanation: 'Ostatni krok: mówisz, czy akceptujesz treść, wybierasz, co jest przekazywane, i wyrażasz zgodę.',
  },
  akkoord: { term: 'akkoord', translation: 'akceptacja treści (zgadzam się z treścią)', explanation: 'Zgadzasz się z tym, co jest w twoim dossier. To nie to samo co zgoda na wysłanie.' },
  toestemming: {
    term: 'toestemming',
    translation: 'zgoda',
    explanation: 'Mówisz, że twoje dossier może trafić do szkoły mbo. Tylko to słowo, nie „pozwolenie”.',
    uses: /zgod|zgadzam się na/i,
    avoid: /pozwoleni/i,
  },
  ouderOfVerzorger: { term: 'ouder of verzorger', translation: 'rodzic lub opiekun', explanation: 'Twój tata, mama, opiekun; przed 18. rokiem życia też wyraża zgodę.', uses: /rodzic|opiekun/i },
  bsn: {
    term: 'BSN',
    translation: 'numer osobisty (BSN)',
    explanation: 'Twój numer osobisty od holenderskiego państwa: w paszporcie, dowodzie lub dokumencie pobytowym.',
    uses: /BSN/,
    avoid: /numer obywatel/i,
  },
  opleiding: { term: 'opleiding', translation: 'kierunek', explanation: 'Czego będziesz się uczyć w szkole mbo, na przykład fryzjer poziom 2.' },
  profiel: { term: 'profiel', translation: 'profil', explanation: 'Kierunek, który realizujesz w vmbo, havo lub vwo.' },
  mbo: { term: 'mbo', translation: 'mbo', explanation: 'Średnie szkolnictwo zawodowe: szkoła, w której uczysz się zawodu.', uses: /mbo/i },
  deel: { term: 'deel A / deel B', translation: 'deel A / deel B', explanation: 'Deel A wypełniasz ty, deel B twój mentor.' },
  mentor: { term: 'mentor', translation: 'mentor', explanation: 'Nauczyciel, który cię wspiera i wypełnia deel B.' },
  crebo: { term: 'crebo', translation: 'numer crebo', explanation: 'Numer kierunku w mbo.', uses: /crebo/i },
  bolBbl: { term: 'BOL / BBL', translation: 'BOL / BBL', explanation: 'BOL: głównie nauka w szkole z praktykami. BBL: pracujesz i uczysz się w firmie.', uses: /BOL|BBL/ },
  leerweg: { term: 'leerweg', translation: 'leerweg (rodzaj vmbo)', explanation: 'Rodzaj vmbo, w którym się uczysz.' },
  warmeOverdracht: {
    term: 'warme overdracht',
    translation: 'osobiste przekazanie ucznia (warme overdracht)',
    explanation: 'Rozmowa twojej szkoły ze szkołą mbo o tobie, z tobą.',
    uses: /warme overdracht/,
  },
  opp: { term: 'OPP', translation: 'plan rozwoju (OPP)', explanation: 'Plan dla ucznia, który potrzebuje dużo dodatkowego wsparcia.', uses: /OPP/ },
  passendOnderwijs: {
    term: 'passend onderwijs',
    translation: 'edukacja dopasowana (passend onderwijs)',
    explanation: 'Dodatkowe wsparcie ze szkoły; dawnych terminów LGF i REC już nie ma.',
    avoid: /\b(LGF|REC)\b/,
  },
  decaan: { term: 'decaan', translation: 'decaan', explanation: 'Osoba w szkole, która pomaga wybrać kierunek.' },
};

/**
 * How a text addresses a parent: never informally (je, sen, ти, ty, the Arabic singular), and
 * formally (u, siz, ви, Pan/Pani, the Arabic plural) wherever the Dutch says "u". Checked over the
 * elements' texts for parents (glossary.test.ts) and the server's e-mail to them.
 */
export const parentAddress: Readonly<Record<GlossaryLanguage, { informal: RegExp; formal: RegExp }>> = {
  nl: { informal: /\b(je|jij|jouw|jou)\b/i, formal: /\b(u|uw)\b/i },
  en: { informal: /$^/, formal: /\byou|your\b/i },
  // Arabic letters are no \w: the end of a word is "no Arabic letter follows".
  ar: { informal: /(?:^|\s)(أنتَ|أنتِ|لكَ|لكِ)(?:\s|$)/, formal: /كم|تموه|(تم|ون|وا)(?![\u0600-\u06FF])/ },
  tr: { informal: /(?:^|\s)(sen|senin|sana|seni)(?:\s|$)/i, formal: /siz|iniz|ınız|unuz|ünüz|sınız|siniz|sunuz|sünüz|iniz|yin|yın|yun|yün/i },
  uk: {
    informal: /(?:^|[\s(])(ти|твій|твоя|твоє|твої|тебе|тобі)(?:[\s,.?!)]|$)/i,
    formal: /(?:^|[\s(])(ви|ваш|ваша|ваше|вашій|вам|вас)(?:[\s,.?!)]|$)|те\b/i,
  },
  pl: { informal: /(?:^|\s)(ty|twój|twoja|twoje|twoich|ciebie|cię)(?:[\s,.?!]|$)/i, formal: /Pan|Pani|Państw/ },
};

function withDutch(glossary: Glossary): Glossary {
  return Object.fromEntries(Object.entries(glossary).map(([term, entry]) => [term, { ...entry, ...(dutch[term as GlossaryTerm] ? { dutch: dutch[term as GlossaryTerm] } : {}) }])) as Glossary;
}

/** The glossary of every language the elements speak. */
export const glossaries: Readonly<Record<GlossaryLanguage, Glossary>> = {
  nl: withDutch(nl),
  en: withDutch(en),
  ar: withDutch(ar),
  tr: withDutch(tr),
  uk: withDutch(uk),
  pl: withDutch(pl),
};
