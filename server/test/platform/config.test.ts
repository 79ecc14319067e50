import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/platform/config.js';

function problemsOf(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
}

describe('configuration', () => {
  it('lists every problem at once', () => {
    const problems = problemsOf({
      PORT: 'eighty',
      DATABASE_URL: 'mysql://nope',
      SMTP_URL: 'http://mail',
      LOG_LEVEL: 'loud',
      AUTH_SECRET: 'short',
      PUBLIC_URL: 'not a url',
      DATA_DIR: '/tmp/p2p-config-test',
    });
    const fields = problems.map((p) => p.split(':')[0]).sort();
    expect(fields).toEqual(['AUTH_SECRET', 'DATABASE_URL', 'LOG_LEVEL', 'PORT', 'PUBLIC_URL', 'SMTP_URL']);
  });

  it('requires AUTH_SECRET in production and refuses DEV_MAIL there', () => {
    const problems = problemsOf({ NODE_ENV: 'production', DEV_MAIL: '1', DATA_DIR: '/tmp/p2p-config-test' });
    expect(problems).toEqual(['AUTH_SECRET: required when NODE_ENV=production', 'DEV_MAIL: must not be enabled when NODE_ENV=production']);
  });

  it('refuses a trusted proxy that is not an address or range', () => {
    expect(problemsOf({ TRUSTED_PROXIES: '10.0.0.1, example.com', DATA_DIR: '/tmp/p2p-config-test' })).toEqual([
      'TRUSTED_PROXIES: "example.com" is not an IP address, a CIDR range or loopback/linklocal/uniquelocal',
    ]);
  });

  it('has defaults that run on a fresh machine, and keeps a generated secret under DATA_DIR', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'p2p-config-'));
    try {
      const config = loadConfig({ DATA_DIR: dir });
      expect(config).toMatchObject({
        host: '127.0.0.1',
        port: 3000,
        publicUrl: 'http://127.0.0.1:3000',
        nodeEnv: 'development',
        devMail: false,
        trustedProxies: [],
      });
      expect(config.databaseUrl).toBeUndefined();
      const secretFile = path.join(dir, 'auth-secret');
      expect(existsSync(secretFile)).toBe(true);
      expect(readFileSync(secretFile, 'utf8').trim()).toBe(config.authSecret);
      expect(loadConfig({ DATA_DIR: dir }).authSecret).toBe(config.authSecret);
      const other = mkdtempSync(path.join(tmpdir(), 'p2p-config-'));
      expect(loadConfig({ DATA_DIR: other }).authSecret).not.toBe(config.authSecret);
      rmSync(other, { recursive: true, force: true });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('derives PUBLIC_URL from HOST and PORT, and takes an explicit one without a trailing slash', () => {
    expect(loadConfig({ HOST: '0.0.0.0', PORT: '8080', DATA_DIR: '/tmp/p2p-config-test' }).publicUrl).toBe('http://127.0.0.1:8080');
    expect(
      loadConfig({ PUBLIC_URL: 'https://p2p.example.sa/', DATA_DIR: '/tmp/p2p-config-test', AUTH_SECRET: 'x'.repeat(40) }).publicUrl,
    ).toBe('https://p2p.example.sa');
    expect(loadConfig({ DEV_MAIL: 'true', TRUSTED_PROXIES: '10.0.0.0/8,loopback', DATA_DIR: '/tmp/p2p-config-test' })).toMatchObject({
      devMail: true,
      trustedProxies: ['10.0.0.0/8', 'loopback'],
    });
  });
});
