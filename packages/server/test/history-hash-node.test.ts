// The history chain's SHA-256 on Node is node:crypto's (synchronous), in browsers Web Crypto's: the
// same bytes for every text, or a chain sealed on the server would not verify in a browser.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { sha256Hex } from '@doorstroom/sdk';

const webCrypto = async (text: string) => Array.from(new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text))), (b) => b.toString(16).padStart(2, '0')).join('');

describe('sha256Hex on Node', () => {
  it('is the FIPS 180-2 test vector for "abc"', async () => {
    assert.equal(await sha256Hex('abc'), 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });

  it('gives what Web Crypto gives, for any text (UTF-8: accents, Arabic, Ukrainian, emoji, empty, lone surrogates as U+FFFD)', async () => {
    const texts = [
      '',
      'Zoë wil naar het mbo: één keuze, geen “twijfel”.',
      'أريد أن أدرس في المعهد',
      'Хочу вчитися',
      '👩🏽‍🎓 Akkoord ✓',
      '{"dossier":"d1","entry":{"version":3},"previous":null}',
      'x'.repeat(100_000),
      'lone \uD800 surrogate \uDFFF',
    ];
    for (const text of texts) assert.equal(await sha256Hex(text), await webCrypto(text), JSON.stringify(text.slice(0, 40)));
  });
});
