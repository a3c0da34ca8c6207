// The Mailer over SMTP (nodemailer). One pooled transport per process; the job runner is its only user.
import nodemailer from 'nodemailer';
import type { Mailer } from './mail-port.ts';

/**
 * `url` is smtp://user:password@host:587 (STARTTLS when the server offers it) or smtps://…:465 (TLS
 * from the start); user and password are percent-encoded in it.
 */
export function smtpMailer(url: string, from: string): Mailer {
  const transport = nodemailer.createTransport(url, { from });
  return {
    async send(mail) {
      await transport.sendMail({ to: mail.to, subject: mail.subject, text: mail.text, html: mail.html });
    },
    close() {
      transport.close();
    },
  };
}
