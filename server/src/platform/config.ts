import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

/** The only place that reads process.env. Every problem is collected and reported together. */
const booleanFlag = z
  .enum(['1', '0', 'true', 'false', 'yes', 'no', ''])
  .optional()
  .transform((v) => v === '1' || v === 'true' || v === 'yes');

const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  PUBLIC_URL: z.url({ protocol: /^https?$/ }).optional(),
  DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/, error: 'must be a postgres:// or postgresql:// URL' }).optional(),
  AUTH_SECRET: z.string().min(32, { error: 'must be at least 32 characters' }).optional(),
  SMTP_URL: z.url({ protocol: /^smtps?$/, error: 'must be an smtp:// or smtps:// URL' }).optional(),
  MAIL_FROM: z.string().min(3).default('P2P Sandbox <no-reply@p2p-sandbox.local>'),
  DEV_MAIL: booleanFlag,
  TRUSTED_PROXIES: z
    .string()
    .optional()
    .transform((v) =>
      v
        ? v
            .split(',')
            .map((s) => s.trim())
            .filter(Boolean)
        : [],
    ),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  DB_POOL_SIZE: z.coerce.number().int().min(1).max(100).default(10),
  S3_ENDPOINT: z.url({ protocol: /^https?$/, error: 'must be an http:// or https:// URL' }).optional(),
  S3_BUCKET: z.string().min(3).max(63).optional(),
  S3_REGION: z.string().min(1).optional(),
  S3_ACCESS_KEY_ID: z.string().min(1).optional(),
  S3_SECRET_ACCESS_KEY: z.string().min(1).optional(),
  S3_FORCE_PATH_STYLE: booleanFlag,
  BENCH_CEILING: booleanFlag,
  METRICS_TOKEN: z.string().min(16, { error: 'must be at least 16 characters' }).optional(),
  UPLOAD_SWEEP_GRACE_SECONDS: z.coerce.number().int().min(0).default(3600),
  // Receiving one request (headers and body) may take this long: the largest upload (25 MB) at
  // 2 Mbit/s takes about 105 s. A body that stalls is answered 408 and its connection closed.
  REQUEST_TIMEOUT_MS: z.coerce.number().int().min(1).default(120_000),
  HEADERS_TIMEOUT_MS: z.coerce.number().int().min(1).default(30_000),
  // Longer than a load balancer's idle timeout (commonly 60 s), so the proxy closes first.
  KEEP_ALIVE_TIMEOUT_MS: z.coerce.number().int().min(1).default(72_000),
});

/** Where uploaded bytes live when not on local disk under DATA_DIR/uploads. */
export interface S3StorageConfig {
  endpoint: string | undefined;
  bucket: string;
  region: string;
  accessKeyId: string;
  secretAccessKey: string;
  forcePathStyle: boolean;
}

export interface Config {
  nodeEnv: 'development' | 'production' | 'test';
  port: number;
  host: string;
  /** Absolute origin used in links sent by email, e.g. http://127.0.0.1:3000 */
  publicUrl: string;
  dataDir: string;
  databaseUrl: string | undefined;
  authSecret: string;
  smtpUrl: string | undefined;
  mailFrom: string;
  devMail: boolean;
  trustedProxies: string[];
  logLevel: z.infer<typeof envSchema>['LOG_LEVEL'];
  dbPoolSize: number;
  /** Set when S3_BUCKET is: uploads go to that S3-compatible bucket instead of DATA_DIR/uploads. */
  s3: S3StorageConfig | undefined;
  /** BENCH_CEILING=1 (benchmark runs only): registers GET /__bench/ceiling, one primary-key SELECT. */
  benchCeiling: boolean;
  /** When set, GET /metrics needs `Authorization: Bearer <token>`; unset, it answers loopback callers only. */
  metricsToken: string | undefined;
  /** Upload bytes without a file row (a crashed upload) are removed once they are older than this. */
  uploadSweepGraceSeconds: number;
  /** Most time to receive one request, headers and body (408 after); at most time for the headers alone; idle keep-alive. */
  timeouts: { requestMs: number; headersMs: number; keepAliveMs: number };
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Parses the environment once. Throws ConfigError listing every problem. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const emptyAsUnset = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== ''));
  const parsed = envSchema.safeParse(emptyAsUnset);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join('.') || 'environment'}: ${i.message}`));
  }
  const e = parsed.data;
  const problems: string[] = [];
  if (e.NODE_ENV === 'production' && !e.AUTH_SECRET) problems.push('AUTH_SECRET: required when NODE_ENV=production');
  if (e.NODE_ENV === 'production' && e.DEV_MAIL) problems.push('DEV_MAIL: must not be enabled when NODE_ENV=production');
  for (const proxy of e.TRUSTED_PROXIES) {
    if (!/^[0-9a-fA-F:.]+(\/\d{1,3})?$/.test(proxy) && !['loopback', 'linklocal', 'uniquelocal'].includes(proxy)) {
      problems.push(`TRUSTED_PROXIES: "${proxy}" is not an IP address, a CIDR range or loopback/linklocal/uniquelocal`);
    }
  }
  problems.push(...s3Problems(e));
  if (e.HEADERS_TIMEOUT_MS > e.REQUEST_TIMEOUT_MS) problems.push('HEADERS_TIMEOUT_MS: must not be longer than REQUEST_TIMEOUT_MS');
  if (problems.length > 0) throw new ConfigError(problems);

  const dataDir = path.resolve(e.DATA_DIR);
  const displayHost = e.HOST === '0.0.0.0' || e.HOST === '::' ? '127.0.0.1' : e.HOST;
  const publicUrl = (e.PUBLIC_URL ?? `http://${displayHost.includes(':') ? `[${displayHost}]` : displayHost}:${e.PORT}`).replace(
    /\/+$/,
    '',
  );
  return {
    nodeEnv: e.NODE_ENV,
    port: e.PORT,
    host: e.HOST,
    publicUrl,
    dataDir,
    databaseUrl: e.DATABASE_URL,
    authSecret: e.AUTH_SECRET ?? readOrCreateSecret(dataDir),
    smtpUrl: e.SMTP_URL,
    mailFrom: e.MAIL_FROM,
    devMail: e.DEV_MAIL,
    trustedProxies: e.TRUSTED_PROXIES,
    logLevel: e.LOG_LEVEL,
    dbPoolSize: e.DB_POOL_SIZE,
    s3:
      e.S3_BUCKET && e.S3_ACCESS_KEY_ID && e.S3_SECRET_ACCESS_KEY
        ? {
            endpoint: e.S3_ENDPOINT,
            bucket: e.S3_BUCKET,
            region: e.S3_REGION ?? 'us-east-1',
            accessKeyId: e.S3_ACCESS_KEY_ID,
            secretAccessKey: e.S3_SECRET_ACCESS_KEY,
            forcePathStyle: e.S3_FORCE_PATH_STYLE,
          }
        : undefined,
    benchCeiling: e.BENCH_CEILING,
    metricsToken: e.METRICS_TOKEN,
    uploadSweepGraceSeconds: e.UPLOAD_SWEEP_GRACE_SECONDS,
    timeouts: { requestMs: e.REQUEST_TIMEOUT_MS, headersMs: e.HEADERS_TIMEOUT_MS, keepAliveMs: e.KEEP_ALIVE_TIMEOUT_MS },
  };
}

export const DEFAULT_BENCH_DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/test';

/** What the benchmark tools (server/bench) read: the PostgreSQL server to create their databases on. */
export function loadBenchSettings(env: NodeJS.ProcessEnv = process.env): { databaseUrl: string } {
  const parsed = envSchema.shape.DATABASE_URL.safeParse(env.DATABASE_URL || undefined);
  if (!parsed.success) throw new ConfigError(parsed.error.issues.map((i) => `DATABASE_URL: ${i.message}`));
  return { databaseUrl: parsed.data ?? DEFAULT_BENCH_DATABASE_URL };
}

/** S3 is all or nothing: a half-configured bucket would silently fall back to local disk. */
function s3Problems(e: z.infer<typeof envSchema>): string[] {
  const required = { S3_BUCKET: e.S3_BUCKET, S3_ACCESS_KEY_ID: e.S3_ACCESS_KEY_ID, S3_SECRET_ACCESS_KEY: e.S3_SECRET_ACCESS_KEY };
  const anySet = Object.values(required).some(Boolean) || Boolean(e.S3_ENDPOINT || e.S3_REGION || e.S3_FORCE_PATH_STYLE);
  if (!anySet) return [];
  return Object.entries(required)
    .filter(([, value]) => !value)
    .map(
      ([name]) => `${name}: required when any S3_* variable is set (S3 storage needs S3_BUCKET, S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY)`,
    );
}

/** Outside production a secret is generated once and kept under DATA_DIR, so sessions survive restarts. */
function readOrCreateSecret(dataDir: string): string {
  const file = path.join(dataDir, 'auth-secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(32).toString('base64url');
  writeFileSync(file, `${secret}\n`, { mode: 0o600 });
  chmodSync(file, 0o600);
  return secret;
}
