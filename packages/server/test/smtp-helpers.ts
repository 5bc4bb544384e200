/** A real SMTP server for the tests (smtp-server on localhost), and the bits of MIME they read. */
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

export interface Received {
  from: string;
  to: string[];
  raw: string;
}

export interface TestSmtp {
  port: number;
  url: string;
  received: Received[];
  /** RCPT TO answers: an address → the SMTP reply code that refuses it (451 later, 550 never). */
  refuse: Map<string, number>;
  close(): Promise<void>;
}

export async function startTestSmtp(): Promise<TestSmtp> {
  const received: Received[] = [];
  const refuse = new Map<string, number>();
  const smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onRcptTo(address, _session, callback) {
      const code = refuse.get(address.address);
      if (!code) return callback();
      callback(Object.assign(new Error(code >= 500 ? 'No such mailbox' : 'Try again later'), { responseCode: code }));
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        received.push({ from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '', to: session.envelope.rcptTo.map((r) => r.address), raw: Buffer.concat(chunks).toString('utf8') });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
  const port = (smtp.server.address() as AddressInfo).port;
  let closed = false;
  return {
    port,
    url: `smtp://127.0.0.1:${port}`,
    received,
    refuse,
    close: () => (closed ? Promise.resolve() : new Promise<void>((resolve) => ((closed = true), smtp.close(() => resolve())))),
  };
}

/** The decoded body of one MIME part (quoted-printable or base64), by its content type. */
export function mimePart(raw: string, type: 'text/plain' | 'text/html'): string {
  const match = new RegExp(`Content-Type: ${type.replace('/', '\\/')}[^\\r\\n]*\\r\\nContent-Transfer-Encoding: ([a-z0-9-]+)\\r\\n\\r\\n([\\s\\S]*?)\\r\\n--`, 'i').exec(raw);
  if (!match) throw new Error(`no ${type} part in:\n${raw}`);
  const [, encoding, body] = match;
  if (encoding!.toLowerCase() === 'base64') return Buffer.from(body!.replace(/\s+/g, ''), 'base64').toString('utf8');
  if (encoding!.toLowerCase() === 'quoted-printable') {
    const bytes = body!.replace(/=\r\n/g, '').replace(/=([0-9A-F]{2})/gi, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
    return Buffer.from(bytes, 'latin1').toString('utf8');
  }
  return body!;
}

/** A header, unfolded and with RFC 2047 encoded words decoded. */
export function mimeHeader(raw: string, name: string): string {
  const head = raw.split('\r\n\r\n')[0]!.replace(/\r\n[ \t]+/g, ' ');
  const line = new RegExp(`^${name}: (.*)$`, 'mi').exec(head)?.[1] ?? '';
  return line.replace(/=\?utf-8\?([QB])\?([^?]*)\?=\s*/gi, (_, kind: string, text: string) =>
    kind.toUpperCase() === 'B'
      ? Buffer.from(text, 'base64').toString('utf8')
      : Buffer.from(
          text.replace(/_/g, ' ').replace(/=([0-9A-F]{2})/gi, (__, hex: string) => String.fromCharCode(parseInt(hex, 16))),
          'latin1',
        ).toString('utf8'),
  );
}
