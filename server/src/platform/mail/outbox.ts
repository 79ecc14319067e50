import type { Language } from '@p2p/contracts';
import { and, asc, desc, eq, inArray, lte, sql } from 'drizzle-orm';
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

export async function markMailSent(db: DbOrTx, id: string): Promise<void> {
  await db
    .update(mailOutbox)
    .set({ status: 'sent', sentAt: sql`now()`, lastError: null })
    .where(eq(mailOutbox.id, id));
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
