import type { FastifyBaseLogger } from 'fastify';
import type { DbOrTx } from '../db.js';
import { afterCommit } from '../transaction.js';
import type { MailDispatcher } from './dispatcher.js';
import { insertOutboxMail, type MailRequest, type OutboxRow } from './outbox.js';
import type { MailTemplate } from './templates.js';

/** What modules use to send email: write to the outbox in their transaction, dispatch after commit. */
export class Mailer {
  constructor(
    private readonly dispatcher: MailDispatcher,
    private readonly logger: FastifyBaseLogger,
  ) {}

  async enqueue<T extends MailTemplate>(db: DbOrTx, mail: MailRequest<T>): Promise<OutboxRow> {
    const row = await insertOutboxMail(db, mail);
    afterCommit(() => {
      if (this.dispatcher.isSending) this.dispatcher.kick();
      else if (this.dispatcher.logsLinks)
        this.logger.info(
          { mailId: row.id, to: row.recipient, template: row.template, links: row.links },
          `mail kept in outbox (no SMTP_URL): ${row.links.join(' ')}`,
        );
      // In production the links are sign-in secrets and the address is personal data: neither is logged.
      else
        this.logger.warn(
          { mailId: row.id, template: row.template, recipientDomain: row.recipient.split('@').pop() },
          'mail kept in outbox and not sent: SMTP_URL is not configured',
        );
    });
    return row;
  }
}
