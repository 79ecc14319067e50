import { INVITATION_DAYS, type Language } from '@p2p/contracts';
import { and, asc, desc, eq, inArray, lt, lte, or, sql } from 'drizzle-orm';
import { VERIFICATION_GRACE_DAYS } from '../actor.js';
import type { DbOrTx } from '../db.js';
import { mailOutbox } from './mail.tables.js';
import { type MailTemplate, type MailTemplates, renderMail } from './templates.js';

export type OutboxRow = typeof mailOutbox.$inferSelect;

export interface MailRequest<T extends MailTemplate> {
  to: string;
  language: Language;
  template: T;
  data: MailTemplates[T];
}

/** Writes the rendered email in the caller's transaction. The dispatcher sends it after commit. */
export async function insertOutboxMail<T extends MailTemplate>(db: DbOrTx, mail: MailRequest<T>): Promise<OutboxRow> {
  const rendered = renderMail(mail.template, mail.language, mail.data);
  const [row] = await db
    .insert(mailOutbox)
    .values({ recipient: mail.to, language: mail.language, template: mail.template, ...rendered })
    .returning();
  if (!row) throw new Error('outbox insert returned nothing');
  return row;
}

/**
 * Claims up to `limit` due messages by pushing their next attempt past a lease, atomically, so that
 * two dispatchers (two processes) never send the same message at once.
 */
export async function claimDueMail(db: DbOrTx, limit: number, leaseSeconds: number): Promise<OutboxRow[]> {
  const due = db
    .select({ id: mailOutbox.id })
    .from(mailOutbox)
    .where(and(eq(mailOutbox.status, 'pending'), lte(mailOutbox.nextAttemptAt, sql`now()`)))
    .orderBy(asc(mailOutbox.nextAttemptAt))
    .limit(limit)
    .for('update', { skipLocked: true });
  return db
    .update(mailOutbox)
    .set({
      attempts: sql`${mailOutbox.attempts} + 1`,
      nextAttemptAt: sql`now() + make_interval(secs => ${leaseSeconds})`,
    })
    .where(inArray(mailOutbox.id, due))
    .returning();
}

/**
 * The links in a message carry tokens (password reset, email verification, invitation) that are
 * stored elsewhere only as hashes. Once the message is delivered, or once every token it could hold
 * has expired, its body has no use left and is cleared: recipient, template, subject, status and
 * timestamps stay as the record of what was sent.
 */
const clearedBody = { text: '', html: '', links: [] as string[] };

/** The longest a token sent by email stays valid: email verification and invitations, 7 days each (reset: 1 hour). */
export const MAIL_BODY_RETENTION_DAYS = Math.max(VERIFICATION_GRACE_DAYS, INVITATION_DAYS);

/** Marks a message delivered and clears its body in the same update. */
export async function markMailSent(db: DbOrTx, id: string): Promise<void> {
  await db
    .update(mailOutbox)
    .set({ status: 'sent', sentAt: sql`now()`, lastError: null, ...clearedBody })
    .where(eq(mailOutbox.id, id));
}

/**
 * Clears the bodies of messages older than `olderThanDays`, whatever their status. One still pending
 * (no SMTP, or failing for that long) would only carry expired links: it is marked failed, never sent
 * empty. Answers how many messages were cleared.
 */
export async function clearExpiredMailBodies(db: DbOrTx, olderThanDays = MAIL_BODY_RETENTION_DAYS): Promise<number> {
  const cleared = await db
    .update(mailOutbox)
    .set({
      ...clearedBody,
      status: sql`case when ${mailOutbox.status} = 'pending' then 'failed' else ${mailOutbox.status} end`,
      lastError: sql`case when ${mailOutbox.status} = 'pending' then ${`not sent within ${olderThanDays} days: its links have expired`} else ${mailOutbox.lastError} end`,
    })
    .where(
      and(
        lt(mailOutbox.createdAt, sql`now() - make_interval(days => ${olderThanDays})`),
        or(sql`${mailOutbox.text} <> ''`, sql`${mailOutbox.html} <> ''`, sql`${mailOutbox.links} <> '[]'::jsonb`),
      ),
    )
    .returning({ id: mailOutbox.id });
  return cleared.length;
}

export async function markMailFailed(db: DbOrTx, id: string, error: string, retryInSeconds: number): Promise<void> {
  await db
    .update(mailOutbox)
    .set({ lastError: error.slice(0, 2000), nextAttemptAt: sql`now() + make_interval(secs => ${retryInSeconds})` })
    .where(eq(mailOutbox.id, id));
}

export async function listOutbox(db: DbOrTx, limit = 100): Promise<OutboxRow[]> {
  return db.select().from(mailOutbox).orderBy(desc(mailOutbox.createdAt)).limit(limit);
}
