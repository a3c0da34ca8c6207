// A real SMTP server on loopback for tests (smtp-server), keeping every message it accepts parsed
// (mailparser), and the Mailer the app uses pointed at it (nodemailer over a real socket).
import { SMTPServer } from 'smtp-server';
import { simpleParser, type ParsedMail } from 'mailparser';
import type { AddressInfo } from 'node:net';
import { smtpMailer } from '../../src/app/smtp-mailer.ts';
import type { MailDeps } from '../../src/app/mail-port.ts';

export interface ReceivedMail {
  readonly to: string;
  readonly subject: string;
  readonly text: string;
  readonly html: string;
  readonly parsed: ParsedMail;
}

export interface TestSmtp {
  readonly url: string;
  readonly received: ReceivedMail[];
  /** Messages refused with a temporary failure before the next one is accepted. */
  refuseNext(count: number): void;
  mailDeps(publicUrl: string): MailDeps;
  close(): Promise<void>;
}

export async function startTestSmtp(): Promise<TestSmtp> {
  const received: ReceivedMail[] = [];
  let refusals = 0;
  const server = new SMTPServer({
    // Plain SMTP on loopback: no certificate to trust, nothing to sign in with.
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onRcptTo(_address, _session, callback) {
      if (refusals > 0) {
        refusals -= 1;
        const error = Object.assign(new Error('Try again later'), { responseCode: 451 });
        return callback(error);
      }
      callback();
    },
    onData(stream, _session, callback) {
      simpleParser(stream).then(
        (parsed) => {
          const to = Array.isArray(parsed.to) ? parsed.to[0] : parsed.to;
          received.push({
            to: to?.value[0]?.address ?? '',
            subject: parsed.subject ?? '',
            text: parsed.text ?? '',
            html: typeof parsed.html === 'string' ? parsed.html : '',
            parsed,
          });
          callback();
        },
        (error: Error) => callback(error),
      );
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  const url = `smtp://127.0.0.1:${port}`;
  const mailers: MailDeps['mailer'][] = [];
  return {
    url,
    received,
    refuseNext(count) {
      refusals = count;
    },
    mailDeps(publicUrl) {
      const from = 'Painwise <no-reply@painwise.test>';
      const mailer = smtpMailer(url, from);
      mailers.push(mailer);
      return { mailer, from, publicUrl };
    },
    async close() {
      for (const m of mailers) m.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
