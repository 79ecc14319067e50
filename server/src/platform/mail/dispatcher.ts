import nodemailer, { type Transporter } from 'nodemailer';
import type { FastifyBaseLogger } from 'fastify';
import type { Db } from '../db.js';
import { claimDueMail, clearExpiredMailBodies, markMailFailed, markMailSent, type OutboxRow } from './outbox.js';

export interface MailDispatcherOptions {
  db: Db;
  logger: FastifyBaseLogger;
  smtpUrl: string | undefined;
  from: string;
  /**
   * Outside production, mail that cannot be sent (no SMTP_URL) has its links logged for developers.
   * Left out (the command-line tools), it counts as production: nothing secret is logged.
   */
  nodeEnv?: 'development' | 'production' | 'test';
  /** How often bodies past their retention are cleared (default hourly; also once at start). */
  purgeIntervalMs?: number;
  /** How often due messages are looked for besides the after-commit kick. */
  pollIntervalMs?: number;
  batchSize?: number;
}

/** Back-off after the n-th failed attempt: 30 s, 1 min, 2 min … capped at one hour; never gives up. */
export function retryDelaySeconds(attempts: number): number {
  return Math.min(3600, 30 * 2 ** Math.max(0, attempts - 1));
}

const LEASE_SECONDS = 120;

/**
 * Sends what the outbox holds, and clears message bodies once delivered (markMailSent) or past their
 * retention (a periodic purge, with or without SMTP). Without SMTP_URL nothing is sent: outside
 * production the links are logged when the message is written and /dev/mail shows it.
 */
export class MailDispatcher {
  private readonly transport: Transporter | undefined;
  private timer: NodeJS.Timeout | undefined;
  private purgeTimer: NodeJS.Timeout | undefined;
  private purging: Promise<void> | undefined;
  private running: Promise<void> | undefined;
  private rerun = false;
  private stopped = false;

  constructor(private readonly options: MailDispatcherOptions) {
    this.transport = options.smtpUrl ? nodemailer.createTransport(options.smtpUrl) : undefined;
  }

  get isSending(): boolean {
    return this.transport !== undefined;
  }

  /** Whether links of unsent mail may be written to the log: only outside production. */
  get logsLinks(): boolean {
    return this.options.nodeEnv !== undefined && this.options.nodeEnv !== 'production';
  }

  start(): void {
    if (this.timer || this.purgeTimer) return;
    this.stopped = false;
    this.purgeTimer = setInterval(() => void this.purge(), this.options.purgeIntervalMs ?? 3_600_000);
    this.purgeTimer.unref();
    void this.purge();
    if (!this.transport) {
      if (this.options.nodeEnv === 'production') {
        this.options.logger.warn('SMTP_URL is not configured: email is kept in the outbox and not sent');
      }
      return;
    }
    this.timer = setInterval(() => this.kick(), this.options.pollIntervalMs ?? 5000);
    this.timer.unref();
    this.kick();
  }

  /** Clears the bodies of messages past their retention; one pass at a time, failures logged. */
  purge(): Promise<void> {
    this.purging ??= clearExpiredMailBodies(this.options.db)
      .then((cleared) => {
        if (cleared > 0) this.options.logger.info({ cleared }, 'cleared the bodies of expired outbox messages');
      })
      .catch((error: unknown) => this.options.logger.error({ err: error }, 'clearing expired outbox messages failed'))
      .finally(() => {
        this.purging = undefined;
      });
    return this.purging;
  }

  /** Asks for a pass soon; passes never overlap. */
  kick(): void {
    if (!this.transport || this.stopped) return;
    if (this.running) {
      this.rerun = true;
      return;
    }
    this.running = this.drain()
      .then(() => undefined)
      .catch((error: unknown) => this.options.logger.error({ err: error }, 'mail dispatch pass failed'))
      .finally(() => {
        this.running = undefined;
        if (this.rerun && !this.stopped) {
          this.rerun = false;
          this.kick();
        }
      });
  }

  /** Sends every message that is due now; resolves when none is left. */
  async drain(): Promise<number> {
    if (!this.transport) return 0;
    let sent = 0;
    for (;;) {
      const batch = await claimDueMail(this.options.db, this.options.batchSize ?? 10, LEASE_SECONDS);
      if (batch.length === 0) return sent;
      for (const message of batch) {
        if (await this.send(message)) sent += 1;
      }
    }
  }

  private async send(message: OutboxRow): Promise<boolean> {
    try {
      await this.transport!.sendMail({
        from: this.options.from,
        to: message.recipient,
        subject: message.subject,
        text: message.text,
        html: message.html,
        headers: { 'X-P2P-Mail-Id': message.id },
      });
      await markMailSent(this.options.db, message.id);
      return true;
    } catch (error) {
      const delay = retryDelaySeconds(message.attempts);
      this.options.logger.warn({ err: error, mailId: message.id, attempts: message.attempts, retryInSeconds: delay }, 'mail send failed');
      await markMailFailed(this.options.db, message.id, error instanceof Error ? error.message : String(error), delay);
      return false;
    }
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    if (this.purgeTimer) clearInterval(this.purgeTimer);
    this.timer = undefined;
    this.purgeTimer = undefined;
    await Promise.all([this.running, this.purging]);
    this.transport?.close();
  }
}
