/**
 * Hostile text for tests: what a student, a mentor or a broken backend may put in any text
 * field. Every entry must be stored exactly (when within the length limits) and shown as inert
 * text: nothing runs, nothing turns into markup, the layout holds. The exception: a NUL or a lone
 * surrogate (see `isStorableText`), which no backend can store; requests carrying one get a 400,
 * and the elements' fields drop them as they are typed (`toStorableText`).
 *
 * Payloads that would run script write to `globalThis[hostileTrap]`; a test sets it to
 * undefined first and checks that it stays so. The list is generated from categories (markup
 * vectors are also placed after the strings that close an attribute, a textarea, a title or a
 * comment), so adding a vector to a category tests it in every context.
 */

/** The global a payload sets when it manages to run: `window.__pwned`. */
export const hostileTrap = '__pwned';

export type HostileCategory =
  'script' | 'eventHandler' | 'url' | 'svgMathml' | 'template' | 'entity' | 'bidi' | 'zeroWidth' | 'emoji' | 'combining' | 'control' | 'sql' | 'json' | 'long' | 'prototype';

export interface HostilePayload {
  /** Stable and readable, e.g. 'eventHandler-7': test titles and failures name it. */
  id: string;
  category: HostileCategory;
  value: string;
}

/** Lengths of the long payloads: the contract's text limit (stored) and ten times it (refused). */
export const longLengths = { atLimit: 10_000, overLimit: 100_000 } as const;

/** Object keys that could reach `Object.prototype` when merged carelessly. */
export const prototypeKeys = ['__proto__', 'constructor', 'prototype'] as const;

const run = `window.${hostileTrap}=1`;

const scripts = [
  `<script>${run}</script>`,
  `<ScRiPt>${run}</sCrIpT>`,
  `<script src="data:text/javascript,${run}"></script>`,
  `<script>/*</script><script>*/${run}</script>`,
  `<scr<script>ipt>${run}</scr</script>ipt>`,
  `<script\n>${run}</script\n>`,
  `<script type="module">${run}</script>`,
  `<noscript><p title="</noscript><img src=x onerror=${run}>">`,
];

const eventHandlers = [
  `<img src=x onerror=${run}>`,
  `<img src="x" onerror="${run}">`,
  `<IMG SRC=x OnErRoR=${run}>`,
  `<img src=x onerror=&#119;indow.${hostileTrap}=1>`,
  `<svg onload=${run}>`,
  `<body onload=${run}>`,
  `<iframe srcdoc="<script>parent.${hostileTrap}=1</script>"></iframe>`,
  `<details open ontoggle=${run}>`,
  `<input autofocus onfocus=${run}>`,
  `<video><source onerror=${run}></video>`,
  `<audio src=x onerror=${run}>`,
  `<object data=x onerror=${run}>`,
  `<style onload=${run}></style>`,
  `<link rel=stylesheet href=x onerror=${run}>`,
  `<marquee onstart=${run}>x</marquee>`,
  `<div onpointerover=${run} style="position:fixed;inset:0">x</div>`,
];

const markupContexts = ['', '">', "'>", '</textarea>', '</title>', '--!>', '</style>', '<!--'];

const urls = [
  `javascript:${run}`,
  `JaVaScRiPt:${run}`,
  `java\tscript:${run}`,
  ` javascript:${run}`,
  `&#106;avascript:${run}`,
  `javascript&colon;${run}`,
  `data:text/html,<script>${run}</script>`,
  `data:text/html;base64,PHNjcmlwdD53aW5kb3cuX19wd25lZD0xPC9zY3JpcHQ+`,
  `vbscript:msgbox(1)`,
  `<a href="javascript:${run}">klik hier</a>`,
  `<a href="data:text/html,<script>${run}</script>">klik</a>`,
  `<iframe src="javascript:${run}"></iframe>`,
  `<form action="javascript:${run}"><button>Verstuur</button></form>`,
  `<embed src="javascript:${run}">`,
  `<meta http-equiv="refresh" content="0;url=javascript:${run}">`,
  `<base href="javascript:/">`,
  `https://example.org/"><img src=x onerror=${run}>`,
  `//evil.example/%2e%2e/`,
];

const svgMathml = [
  `<svg><script>${run}</script></svg>`,
  `<svg><animate onbegin=${run} attributeName=x dur=1s>`,
  `<svg><set onbegin=${run} attributeName=x to=1>`,
  `<svg><a xlink:href="javascript:${run}"><text y="20">x</text></a></svg>`,
  `<svg><foreignObject><img src=x onerror=${run}></foreignObject></svg>`,
  `<svg><use href="data:image/svg+xml,<svg id='x' xmlns='http://www.w3.org/2000/svg'><image href='x' onerror='${run}'/></svg>#x"/></svg>`,
  `<svg><style><img src=x onerror=${run}></style></svg>`,
  `<math><mtext><table><mglyph><style><img src=x onerror=${run}>`,
  `<math href="javascript:${run}">x</math>`,
  `<math><maction actiontype="statusline#" xlink:href="javascript:${run}">x</maction></math>`,
  `<svg><desc><![CDATA[</desc><script>${run}</script>]]></svg>`,
  `<svg xmlns="http://www.w3.org/2000/svg" onload="${run}"/>`,
];

const templates = [
  '${' + run + '}',
  '`${' + run + '}`',
  `{{constructor.constructor('${run}')()}}`,
  '{{7*7}}',
  '${{7*7}}',
  '#{7*7}',
  '<%= 7*7 %>',
  '{{{html}}}',
  '[[${7*7}]]',
  '<!--?lit$123456789$-->',
  'lit$123456789$',
  '<?lit$123456789$>',
  '<template><img src=x onerror=' + run + '></template>',
  '<slot name="x"></slot><div slot="x">x</div>',
  '{{__proto__}}',
];

const entities = [
  '&lt;script&gt;' + run + '&lt;/script&gt;',
  '&amp;lt;img src=x onerror=' + run + '&amp;gt;',
  `&#x3C;img src=x onerror=${run}&#x3E;`,
  `&#60;img src=x onerror=${run}&#62;`,
  '&quot;&apos;&lt;&gt;&amp;',
  'Tom &amp; Jerry',
  '&nbsp;&shy;&zwj;&NewLine;',
  '&#0;&#x0;',
  '&#x202E;txt.exe',
  '&unknown; &amp &lt',
];

const bidi = [
  'Jan\u202Egnp.exe',
  'invoice\u202Efdp.js',
  '\u202E',
  '\u202Dlinks naar rechts\u202C',
  'abc\u202Bdef\u202Cghi',
  '\u2066isolated\u2069',
  '\u2067rtl isolate zonder einde',
  '\u2068first strong',
  '\u200Eltr mark\u200Frtl mark',
  '\u061Carabic letter mark',
  'مدرسة De Brug',
  'שלום <b>',
  '\u202E\u2066\u202D\u2067\u202A\u202B',
];

const zeroWidth = [
  'Sa\u200Bm',
  '\u200B',
  '\u200B\u200C\u200D\u2060\uFEFF',
  '\uFEFFbom aan het begin',
  'e-mail\u200B@voorbeeld.nl',
  '1234\u200B AB',
  'zero\u200Cwidth\u200Dnon\u2060joiner',
  '\u180Emongolian vowel separator',
  '\u00ADzacht\u00ADafbreek\u00ADstreepje',
];

const emoji = ['👩‍👩‍👧‍👦', '🏳️‍🌈', '👨🏽‍💻 programmeur', '🇳🇱🇹🇷🇲🇦🇺🇦', '🧑🏿‍🤝‍🧑🏻', '❤️‍🔥'.repeat(50), 'Noor 😀😃😄😁😆😅😂🤣', '\uD83D', '\uDE00 losse helft', '🏴󠁧󠁢󠁳󠁣󠁴󠁿'];

const combining = ['Z̴̧̢̛̗̲̜̥͚̝̠͉̈́̊̿̓̈́͝a̷̡̛̺̳̣͍̦̠̣͂̿̏́̍̃l̸̨̛̥̝̰̜̞̗̣̊̈́̏̿̌̚g̵̨̛̰̝͖̠̬̋͐̌̈́o̴̧̢̝̗̥̍̏̂͆́̕', 'e\u0301', '\u00E9', 'a' + '\u0301'.repeat(200), '\u0301 begint met een accent', 'Ångström Å Å', 'ﬁ ligatuur ＦＵＬＬ ｗｉｄｔｈ', 'Ꙭ ꙮ 𒐫 𒈙'];

const controls = [
  'a\u0000b',
  '\u0000',
  Array.from({ length: 32 }, (_, code) => String.fromCharCode(code)).join(''),
  'regel 1\nregel 2\r\nregel 3\rregel 4',
  'tab\there',
  '\u007F\u0080\u0085\u009F',
  'line\u2028separator\u2029paragraph',
  '\b\f\v',
  '\u001B[31mrood\u001B[0m',
  '\uFFFE\uFFFF',
  '\uFFFD',
];

const sql = [
  "' OR '1'='1",
  "'; DROP TABLE dossiers; --",
  "Robert'); DROP TABLE students;--",
  '" OR ""="',
  "admin'--",
  "1' UNION SELECT null, version()--",
  "%' AND 1=0 UNION SELECT * FROM pg_user --",
  "\\'; --",
  '1; SELECT pg_sleep(10)',
  '{"$gt": ""}',
  "$where: '1 == 1'",
  "O'Brien",
];

const json = [
  '"',
  '\\"',
  '"}',
  '"},{"__proto__":{"polluted":true}}',
  '\\',
  '\\u0000',
  '\\u0022',
  "'",
  '`',
  ']}',
  '{"a":',
  '</script><script>' + run + '</script>',
  '\n"',
  'null',
  'undefined',
  'NaN',
  '[object Object]',
];

const prototypeValues = [
  '__proto__',
  'constructor',
  'prototype',
  '__defineGetter__',
  'hasOwnProperty',
  'toString',
  'valueOf',
  '__proto__[polluted]=1',
  'constructor.prototype.polluted',
  '{"__proto__":{"polluted":true}}',
];

/** `length` characters built from `unit`, cut to exactly `length` UTF-16 code units. */
function exactly(unit: string, length: number): string {
  return unit.repeat(Math.ceil(length / unit.length)).slice(0, length);
}

const long = [
  exactly('a', longLengths.atLimit),
  exactly('x', longLengths.atLimit - 1),
  exactly('ongebrokenwoordzonderspaties', longLengths.atLimit),
  exactly(`<img src=x onerror=${run}>`, longLengths.atLimit),
  exactly('😀', longLengths.atLimit),
  exactly('\u202E\u200B', longLengths.atLimit),
  exactly('b', longLengths.atLimit + 1),
  exactly('a', longLengths.overLimit),
  exactly('woord ', longLengths.overLimit),
  exactly(`<script>${run}</script>`, longLengths.overLimit),
  exactly('👩‍👩‍👧‍👦', longLengths.overLimit),
];

function category(name: HostileCategory, values: ReadonlyArray<string>): HostilePayload[] {
  return values.map((value, index) => ({ id: `${name}-${index + 1}`, category: name, value }));
}

/** Markup vectors, each also after the strings that end an attribute, a textarea, a title… */
function inContexts(name: HostileCategory, vectors: ReadonlyArray<string>): HostilePayload[] {
  return category(
    name,
    vectors.flatMap((vector, index) => (index % 2 === 0 ? markupContexts.map((prefix) => prefix + vector) : [vector])),
  );
}

/** Every payload, in a fixed order. */
export const hostilePayloads: ReadonlyArray<HostilePayload> = Object.freeze([
  ...inContexts('script', scripts),
  ...inContexts('eventHandler', eventHandlers),
  ...category('url', urls),
  ...category('svgMathml', svgMathml),
  ...category('template', templates),
  ...category('entity', entities),
  ...category('bidi', bidi),
  ...category('zeroWidth', zeroWidth),
  ...category('emoji', emoji),
  ...category('combining', combining),
  ...category('control', controls),
  ...category('sql', sql),
  ...category('json', json),
  ...category('long', long),
  ...category('prototype', prototypeValues),
]);

/** The payloads a text answer of at most `maxLength` characters accepts. */
export function payloadsWithin(maxLength: number): HostilePayload[] {
  return hostilePayloads.filter((p) => p.value.length <= maxLength);
}

/** A short, printable name for a payload in a test failure (never the raw control characters). */
export function describePayload(payload: HostilePayload): string {
  const shown = JSON.stringify(payload.value.length > 60 ? `${payload.value.slice(0, 60)}…` : payload.value);
  return `${payload.id} (${payload.value.length} chars) ${shown}`;
}
