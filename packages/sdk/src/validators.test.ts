import { expect } from '@open-wc/testing';
import { declinedAnswer, type DateQuestion, type Question, type TextQuestion } from './sections/types.js';
import { birthDateForAge, today } from './testing/fixtures.js';
import { isValidBsn, isValidOnderwijsnummer, normalizePhone, normalizePostcode, validateAnswer, type Issue } from './validators.js';

const label = { nl: 'Veld', en: 'Field' };
const textWith = (extra: Partial<TextQuestion>): TextQuestion => ({ kind: 'text', id: 'veld', label, required: true, ...extra });
const birthDate: DateQuestion = { kind: 'date', id: 'geboortedatum', label, required: true, birthDate: true };
const plainDate: DateQuestion = { kind: 'date', id: 'datum', label, required: false };
const options = [
  { value: 'man', label },
  { value: 'vrouw', label },
];
const choice: Question = { kind: 'choice', id: 'geslacht', label, required: true, options };
const score: Question = {
  kind: 'score',
  id: 'samenwerken',
  label,
  required: true,
  options: [1, 2, 3, 4, '?'].map((value) => ({ value, label })),
};
const multi: Question = {
  kind: 'multiChoice',
  id: 'vakken',
  label,
  required: true,
  options: [
    { value: 'Nederlands', label },
    { value: 'Engels', label },
  ],
};
const reference: Question = { kind: 'reference', id: 'instelling', source: 'institution', label, required: true };

const check = (question: Question, value: unknown) => validateAnswer(question, value as never, { today });
const checkText = (format: TextQuestion['format'], value: string) => check(textWith({ format }), value);

/** Every issue must speak both languages, and say something different from a bare code. */
function expectIssue(result: Issue | undefined, code: string, dutchFragment?: string): void {
  expect(result, `expected a '${code}' issue`).to.not.equal(undefined);
  expect(result!.code).to.equal(code);
  expect(result!.message.nl).to.not.equal('');
  expect(result!.message.en).to.not.equal('');
  expect(result!.message.nl).to.not.equal(result!.message.en);
  if (dutchFragment) expect(result!.message.nl).to.contain(dutchFragment);
}

describe('isValidBsn (elfproef)', () => {
  it('accepts numbers that pass the elfproef', () => {
    expect(isValidBsn('111222333')).to.equal(true);
    expect(isValidBsn('123456782')).to.equal(true);
    expect(isValidBsn('123 456 782')).to.equal(true);
  });
  it('refuses numbers that fail it, have the wrong length, letters or all zeros', () => {
    expect(isValidBsn('123456789')).to.equal(false);
    expect(isValidBsn('12345678')).to.equal(false);
    expect(isValidBsn('1234567820')).to.equal(false);
    expect(isValidBsn('12345678a')).to.equal(false);
    expect(isValidBsn('abcdefghi')).to.equal(false);
    expect(isValidBsn('000000000')).to.equal(false);
  });
});

describe('validateAnswer: text formats', () => {
  it('explains what is wrong with a BSN', () => {
    expect(checkText('bsn', '111222333')).to.equal(undefined);
    expect(checkText('bsn', '123456782')).to.equal(undefined);
    expectIssue(checkText('bsn', '12345678'), 'bsn', 'Een BSN heeft 9 cijfers.');
    expectIssue(checkText('bsn', '12345678A'), 'bsn', 'alleen cijfers');
    expectIssue(checkText('bsn', '123456789'), 'bsn', 'Dit BSN klopt niet. Controleer de cijfers.');
  });

  it('checks an onderwijsnummer (starts with 10, elfproef leaves 5) and explains what is wrong', () => {
    // 101222331: 9·1+8·0+7·1+6·2+5·2+4·2+3·3+2·3 − 1 = 60, and 60 mod 11 = 5.
    expect(checkText('onderwijsnummer', '101222331')).to.equal(undefined);
    expect(checkText('onderwijsnummer', '1012.22.331'), 'written with dots as on DUO letters').to.equal(undefined);
    expect(isValidOnderwijsnummer('101222331')).to.equal(true);
    expectIssue(checkText('onderwijsnummer', '10122233'), 'onderwijsnummer', 'Een onderwijsnummer heeft 9 cijfers.');
    expectIssue(checkText('onderwijsnummer', '10122233X'), 'onderwijsnummer', 'alleen cijfers');
    // A valid BSN is not an onderwijsnummer.
    expectIssue(checkText('onderwijsnummer', '111222333'), 'onderwijsnummer', 'begint met 10');
    expectIssue(checkText('onderwijsnummer', '101222332'), 'onderwijsnummer', 'Dit onderwijsnummer klopt niet.');
    expect(isValidBsn('101222331'), 'an onderwijsnummer is no BSN').to.equal(false);
  });

  it('normalises a postcode to 1234 AB', () => {
    expect(normalizePostcode('1234ab')).to.equal('1234 AB');
    expect(normalizePostcode(' 3512 ab ')).to.equal('3512 AB');
    expect(normalizePostcode('hallo')).to.equal('hallo');
  });

  it('checks a postcode', () => {
    for (const ok of ['1234 AB', '1234AB', '1234ab', '9999 zz']) expect(checkText('postcode', ok), ok).to.equal(undefined);
    expectIssue(checkText('postcode', '0123 AB'), 'postcode', 'niet met een 0');
    for (const refused of ['1234 SA', '1234 sd', '1234SS']) expectIssue(checkText('postcode', refused), 'postcode', 'SA, SD of SS');
    for (const shape of ['1234 A', '12345 AB', '1234 A1', 'AB 1234']) expectIssue(checkText('postcode', shape), 'postcode', '1234 AB');
  });

  it('accepts every way a Dutch person writes a phone number, and numbers from abroad with their country code', () => {
    const ok = [
      '0612345678',
      '06 12345678',
      '06-12345678',
      '06 12 34 56 78',
      '010-1234567',
      '010 123 45 67',
      '0318-123456',
      '+31612345678',
      '+31 6 12345678',
      '+31 (0)6 12345678',
      '+31 06 12345678',
      '0031 6 12345678',
      '0031612345678',
      '+31 30 123 4567',
      '+31-6-1234-5678',
      '+44 20 7946 0958',
      '0044 20 7946 0958',
      '+1 202 555 0143',
    ];
    for (const value of ok) expect(checkText('phone', value), value).to.equal(undefined);
    expectIssue(checkText('phone', '612345678'), 'phone', 'Begin met een 0');
    expectIssue(checkText('phone', '06 1234567'), 'phone', 'Een Nederlands nummer heeft 10 cijfers');
    expectIssue(checkText('phone', '+31 6 1234567'), 'phone', 'Je hebt er nu 9');
    expectIssue(checkText('phone', '+44 1234'), 'phone', '8 tot 15 cijfers');
    expectIssue(checkText('phone', '+44 1234 5678 9012 3456'), 'phone', '8 tot 15 cijfers');
    expectIssue(checkText('phone', '+31 6 1234 abcd'), 'phone', 'alleen cijfers');
    expectIssue(checkText('phone', 'O6 12345678'), 'phone', 'alleen cijfers');
    expectIssue(checkText('phone', '+0 12345678'), 'phone', 'landnummer');
  });

  it('writes a valid phone number one way, as the postcode is', () => {
    expect(normalizePhone('0612345678')).to.equal('+31 6 12345678');
    expect(normalizePhone('06-12 34 56 78')).to.equal('+31 6 12345678');
    expect(normalizePhone('+31 (0)6 12345678')).to.equal('+31 6 12345678');
    expect(normalizePhone('0031612345678')).to.equal('+31 6 12345678');
    expect(normalizePhone('010-1234567')).to.equal('+31 10 123 4567');
    expect(normalizePhone('030 262 1180')).to.equal('+31 30 262 1180');
    expect(normalizePhone('0318-123456')).to.equal('+31 318 123456');
    expect(normalizePhone('0044 20 7946 0958')).to.equal('+442079460958');
    expect(normalizePhone(' 06 1234 ')).to.equal('06 1234');
    // What it writes is valid and comes back the same.
    for (const value of ['0612345678', '010-1234567', '0318-123456', '+1 202 555 0143']) {
      expect(checkText('phone', normalizePhone(value)), value).to.equal(undefined);
      expect(normalizePhone(normalizePhone(value)), value).to.equal(normalizePhone(value));
    }
  });

  it('takes "Dat zeg ik liever niet" for a sensitive ja/nee question only', () => {
    const sensitive: Question = { kind: 'yesNo', id: 'dyslexie', label, required: false, declinable: true };
    const plain: Question = { kind: 'yesNo', id: 'bijbaan', label, required: true };
    expect(check(sensitive, declinedAnswer)).to.equal(undefined);
    expect(check(sensitive, true)).to.equal(undefined);
    expectIssue(check(plain, declinedAnswer), 'type');
    expectIssue(check(sensitive, 'ja'), 'type');
  });

  it('checks an email address', () => {
    for (const ok of ['naam@voorbeeld.nl', 'a.b+c@mail.school.example.org']) expect(checkText('email', ok), ok).to.equal(undefined);
    expectIssue(checkText('email', 'naam.voorbeeld.nl'), 'email', '@');
    expectIssue(checkText('email', 'na am@voorbeeld.nl'), 'email', 'spaties');
    expectIssue(checkText('email', 'naam@voorbeeld'), 'email', 'klopt niet');
    expectIssue(checkText('email', 'naam@@voorbeeld.nl'), 'email', 'klopt niet');
  });

  it('wants initials as letters with dots', () => {
    for (const ok of ['S.J.', 's.j.', 'S. J.', 'Th.', 'IJ.', 'É.']) expect(checkText('initials', ok), ok).to.equal(undefined);
    for (const bad of ['SJ', 'S.J', 'S1.', 'Samira']) expectIssue(checkText('initials', bad), 'initials', 'S.J.');
  });

  it('wants a house number as digits with an optional addition', () => {
    for (const ok of ['1', '12', '12a', '12 A', '12-1', '221 bis', '7 hs', '10000']) expect(checkText('houseNumber', ok), ok).to.equal(undefined);
    for (const bad of ['a12', '0', '012', 'twaalf', '12!!', '123456']) expectIssue(checkText('houseNumber', bad), 'houseNumber', '12a');
  });

  it('counts characters for minLength (ignoring surrounding spaces) and maxLength', () => {
    const motivation = textWith({ minLength: 20, maxLength: 40 });
    expect(check(motivation, 'Ik wil graag monteur worden.')).to.equal(undefined);
    expectIssue(check(motivation, 'Leuk!'), 'minLength', 'minstens 20 tekens');
    expectIssue(check(motivation, '   Leuk!                 '), 'minLength', 'Nu zijn het er 5');
    expectIssue(check(motivation, 'x'.repeat(41)), 'maxLength', 'maximaal 40 tekens');
  });

  it('leaves empty answers alone: required is for completion to judge', () => {
    expect(checkText('bsn', '')).to.equal(undefined);
    expect(checkText('postcode', '   ')).to.equal(undefined);
    expect(check(choice, null)).to.equal(undefined);
    expect(check(choice, undefined)).to.equal(undefined);
    expect(check(multi, [])).to.equal(undefined);
  });
});

describe('validateAnswer: dates', () => {
  it('wants a real YYYY-MM-DD calendar date', () => {
    expect(check(plainDate, '2024-02-29')).to.equal(undefined);
    expect(check(plainDate, '2030-01-01'), 'an ordinary date may lie in the future').to.equal(undefined);
    for (const bad of ['2023-02-29', '2010-13-01', '2010-2-3', '14-05-2009', 'gisteren']) expectIssue(check(plainDate, bad), 'date', 'jaar-maand-dag');
  });

  it('refuses a birth date in the future', () => {
    expectIssue(check(birthDate, birthDateForAge(0, 1)), 'dateFuture', 'toekomst');
    expectIssue(check(birthDate, '2099-01-01'), 'dateFuture');
  });

  it('wants a plausible age between 10 and 100 on today', () => {
    expect(check(birthDate, birthDateForAge(10))).to.equal(undefined);
    expect(check(birthDate, birthDateForAge(16))).to.equal(undefined);
    expect(check(birthDate, birthDateForAge(100))).to.equal(undefined);
    expectIssue(check(birthDate, birthDateForAge(10, 1)), 'agePlausible', '9 jaar');
    expectIssue(check(birthDate, birthDateForAge(101)), 'agePlausible', '101 jaar');
  });

  it('measures age on the given day, not the clock', () => {
    const born = '2016-11-24';
    expectIssue(validateAnswer(birthDate, born, { today }), 'agePlausible');
    expect(validateAnswer(birthDate, born, { today: new Date(2026, 10, 24) })).to.equal(undefined);
  });
});

describe('validateAnswer: options, references and types', () => {
  it('wants a choice among the options', () => {
    expect(check(choice, 'vrouw')).to.equal(undefined);
    expectIssue(check(choice, 'onbekend'), 'option', 'Kies een van de antwoorden');
    expectIssue(check(choice, 1), 'option');
  });

  it('takes a score 1–4 or ?, compared strictly', () => {
    for (const ok of [1, 2, 3, 4, '?']) expect(check(score, ok), String(ok)).to.equal(undefined);
    expectIssue(check(score, 5), 'option');
    expectIssue(check(score, '3'), 'option');
  });

  it('wants every multi-choice item among the options', () => {
    expect(check(multi, ['Nederlands', 'Engels'])).to.equal(undefined);
    expectIssue(check(multi, ['Nederlands', 'Latijn']), 'option');
  });

  it('wants a reference with id and label', () => {
    expect(check(reference, { id: '00GT', label: 'Albeda' })).to.equal(undefined);
    expect(check(reference, { id: '00GT', label: 'Albeda', detail: { plaats: 'Rotterdam' } })).to.equal(undefined);
    expectIssue(check(reference, { id: '00GT' }), 'reference', 'uit de lijst');
    expectIssue(check(reference, { id: '', label: 'Albeda' }), 'reference');
    expectIssue(check(reference, 'Albeda'), 'reference');
  });

  it('flags answers of the wrong type', () => {
    expectIssue(check({ kind: 'yesNo', id: 'bijbaan', label, required: true }, 'ja'), 'type');
    expectIssue(check(textWith({}), 42), 'type');
    expectIssue(check(plainDate, 20240101), 'type');
    expectIssue(check(choice, true), 'type');
  });

  it('checks a repeat list’s shape and size, not its entries', () => {
    const ouders: Question = { kind: 'repeat', id: 'ouders', label, itemLabel: label, required: true, minItems: 1, maxItems: 2, questions: [textWith({ format: 'phone' })] };
    expect(check(ouders, [{ veld: 'geen nummer' }])).to.equal(undefined);
    expectIssue(check(ouders, [{}, {}, {}]), 'maxItems', 'maximaal 2');
    expectIssue(check(ouders, ['Fatima']), 'type');
  });
});
