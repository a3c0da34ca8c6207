// What the app needs to send e-mail, kept apart from how it is sent (SMTP in smtp-mailer.ts).

/** One message: always a plain-text part and an HTML part saying the same. */
export interface OutgoingMail {
  readonly to: string;
  readonly subject: string;
  readonly text: string;
  readonly html: string;
}

export interface Mailer {
  /** Resolves once the mail server has accepted the message; rejects otherwise (the job retries). */
  send(mail: OutgoingMail): Promise<void>;
  close(): void;
}

export interface MailDeps {
  readonly mailer: Mailer;
  /** The From header, e.g. `Painwise <no-reply@clinic.example>`. */
  readonly from: string;
  /** The origin people reach the web app at, for links in messages. */
  readonly publicUrl: string;
}
