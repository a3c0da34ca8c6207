// Sending e-mail through the job table: a use case enqueues a job naming what to send, and the job's
// handler composes the message when it runs and hands it to the Mailer. So a request never waits on a
// mail server, a failure is retried with the job's backoff, and a job's claim makes one process send it.
// Messages are composed at send time, so a secret link is made then and never sits in the job table.
import type { AppDeps } from './context.ts';
import type { JobHandler } from './jobs.ts';
import type { MailDeps, OutgoingMail } from './mail-port.ts';
import type { Job } from './ports.ts';

export type MailComposer = (deps: AppDeps & { readonly mail: MailDeps }, job: Job) => Promise<OutgoingMail | null>;

/**
 * A job handler that sends what `compose` makes of the job (null: nothing to send any more). The
 * error it rethrows names no address: the runner logs it, and SMTP errors quote the recipient.
 */
export function mailJobHandler(compose: MailComposer): JobHandler {
  return async (deps, job) => {
    const { mail } = deps;
    if (!mail) throw new Error('e-mail is not configured on this server');
    const message = await compose({ ...deps, mail }, job);
    if (!message) return;
    try {
      await mail.mailer.send(message);
    } catch (error) {
      const code = (error as { code?: unknown; responseCode?: unknown }).responseCode ?? (error as { code?: unknown }).code;
      throw new Error(
        `the mail server did not accept the message (${typeof code === 'string' || typeof code === 'number' ? code : 'no code'})`,
      );
    }
  };
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);

export interface MailContent {
  readonly subject: string;
  /** Paragraphs before the action; the first is what a mail program shows as the preview. */
  readonly paragraphs: readonly string[];
  /** A link to follow, shown as a button in HTML and as the address itself in text. */
  readonly action?: { readonly label: string; readonly url: string };
  readonly after?: readonly string[];
}

/**
 * The text and HTML parts of one message from the same words. The HTML is deliberately plain (inline
 * styles only, one column), which every mail program shows and screen readers read in order.
 */
export function renderMail(to: string, content: MailContent): OutgoingMail {
  const after = content.after ?? [];
  const text = [...content.paragraphs, ...(content.action ? [`${content.action.label}:\n${content.action.url}`] : []), ...after].join(
    '\n\n',
  );
  const p = (s: string) => `<p style="margin:0 0 16px">${escapeHtml(s)}</p>`;
  const button = content.action
    ? `<p style="margin:0 0 16px"><a href="${escapeHtml(content.action.url)}" style="display:inline-block;padding:12px 20px;background:#1f4e79;color:#ffffff;text-decoration:none;border-radius:4px">${escapeHtml(content.action.label)}</a></p>` +
      p(`If the button does not work, copy this address into your browser: ${content.action.url}`)
    : '';
  const html =
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(content.subject)}</title></head>` +
    `<body style="font-family:sans-serif;font-size:16px;line-height:1.5;color:#1a1a1a;max-width:36em;margin:0 auto;padding:16px">` +
    content.paragraphs.map(p).join('') +
    button +
    after.map(p).join('') +
    '</body></html>';
  return { to, subject: content.subject, text, html };
}
