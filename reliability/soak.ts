import { randomInt } from 'node:crypto';
import { FORUM_TOPIC_SORTS, USE_CASE_CATEGORIES, USE_CASE_SORTS } from '@p2p/contracts';
import { ConnectionFailure, type HttpAnswer } from './http-client.js';
import type { Fixtures, Person } from './fixtures.js';
import type { ServerProcess } from './server-process.js';
import { randomWrite, type WriteLog } from './writes.js';

/** The soak holds this many event streams open; the API has none yet. */
export const EVENT_STREAMS = 500;
/** How to tell that the API has event streams now (OpenAPI paths). */
export const EVENT_STREAM_PATH = /\/events?\b|\/stream\b|\/sse\b/;
const WRITE_SHARE = 0.25;
const RSS_INTERVAL_MS = 10_000;

const pick = <T>(items: readonly T[]): T => items[randomInt(items.length)]!;

type Read = (person: Person, f: Fixtures) => Promise<HttpAnswer>;

/** The reads of the mix, by name: forum lists, threads and search; use-case browse, search and case pages. */
const READS: [string, Read][] = [
  ['forum categories', (p) => p.client.get('/api/v1/forum/categories')],
  ['forum topics', (p) => p.client.get(`/api/v1/forum/topics?sort=${pick(FORUM_TOPIC_SORTS)}`)],
  ['forum topics of a category', (p, f) => p.client.get(`/api/v1/forum/topics?categoryId=${pick(f.categories)}`)],
  ['forum topic', (p, f) => p.client.get(`/api/v1/forum/topics/${pick(f.topics).id}`)],
  ['forum thread', (p, f) => p.client.get(`/api/v1/forum/topics/${pick(f.topics).id}/posts?page=${1 + randomInt(5)}`)],
  ['replies beneath a post', (p, f) => p.client.get(`/api/v1/forum/posts/${pick(f.postsByTopic.get(pick(f.topics).id) ?? [])}/replies`)],
  ['forum search', (p, f) => p.client.get(`/api/v1/forum/search?q=${pick(f.searchWords)}`)],
  ['forum suggestions', (p, f) => p.client.get(`/api/v1/forum/search/suggestions?q=${pick(f.searchWords).slice(0, 4)}`)],
  ['forum stats', (p) => p.client.get('/api/v1/forum/stats')],
  ['use-case browse', (p) => p.client.get(`/api/v1/use-cases?sort=${pick(USE_CASE_SORTS)}`)],
  ['use-case browse by category', (p) => p.client.get(`/api/v1/use-cases?category=${pick(USE_CASE_CATEGORIES)}`)],
  ['use-case search', (p, f) => p.client.post('/api/v1/use-cases/search/advanced', { json: { q: pick(f.searchWords) } })],
  ['use-case suggestions', (p, f) => p.client.get(`/api/v1/use-cases/search/suggestions?q=${pick(f.searchWords).slice(0, 4)}`)],
  ['use-case page', (p, f) => p.client.get(`/api/v1/use-cases/${pick(f.publishedCases)}`)],
  ['related use cases', (p, f) => p.client.get(`/api/v1/use-cases/${pick(f.publishedCases)}/related`)],
  ['use-case category stats', (p) => p.client.get('/api/v1/use-cases/categories/stats')],
];

export interface RssSample {
  atMs: number;
  bytes: number;
}

export interface SoakResult {
  seconds: number;
  requests: number;
  reads: number;
  writes: number;
  status2xx: number;
  /** Refusals of the deliberately invalid writes. */
  expectedRefusals: number;
  /** Any other 4xx: reads and valid writes are expected to succeed. */
  status4xx: number;
  status5xx: number;
  connectionFailures: number;
  /** A few of the unexpected answers, for the report. */
  examples: string[];
  rss: RssSample[];
}

/**
 * `people` clients, each sending one request every people/rate seconds (reads, and a quarter writes
 * of the write test's mix, recorded in `log`), for `minutes`; the server's RSS read every 10 s.
 */
export async function soak(server: ServerProcess, log: WriteLog, minutes: number, rate: number): Promise<SoakResult> {
  const fixtures = log.fixtures;
  const started = Date.now();
  const deadline = started + minutes * 60_000;
  const result: SoakResult = {
    seconds: 0,
    requests: 0,
    reads: 0,
    writes: 0,
    status2xx: 0,
    expectedRefusals: 0,
    status4xx: 0,
    status5xx: 0,
    connectionFailures: 0,
    examples: [],
    rss: [],
  };
  const note = (text: string) => {
    if (result.examples.length < 10) result.examples.push(text);
  };
  const sampleRss = () => {
    const bytes = server.rssBytes();
    if (bytes !== undefined) result.rss.push({ atMs: Date.now() - started, bytes });
  };
  sampleRss();
  const sampler = setInterval(sampleRss, RSS_INTERVAL_MS);

  const intervalMs = (fixtures.people.length / rate) * 1000;
  try {
    await Promise.all(
      fixtures.people.map(async (person) => {
        // Spread the clients over one interval, then keep each to its pace (no bursts to catch up).
        let next = Date.now() + Math.random() * intervalMs;
        for (;;) {
          const wait = next - Date.now();
          if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
          if (Date.now() >= deadline) return;
          next = Math.max(next + intervalMs, Date.now());
          result.requests += 1;
          if (Math.random() < WRITE_SHARE) {
            result.writes += 1;
            const record = await randomWrite(log, person, 'soak');
            if (record.outcome === 'acknowledged') result.status2xx += 1;
            else if (record.outcome === 'server error') {
              result.status5xx += 1;
              note(`${record.kind} answered ${record.status}`);
            } else if (record.outcome === 'refused' && !record.valid) result.expectedRefusals += 1;
            else if (record.outcome === 'refused') {
              result.status4xx += 1;
              note(`a valid ${record.kind} answered ${record.status}`);
            } else {
              result.connectionFailures += 1;
              note(`a ${record.kind} failed: ${record.outcome}`);
            }
            continue;
          }
          result.reads += 1;
          const [name, read] = pick(READS);
          try {
            const answer = await read(person, fixtures);
            if (answer.status < 300) result.status2xx += 1;
            else if (answer.status < 500) {
              result.status4xx += 1;
              note(`${name} answered ${answer.status}: ${answer.body.toString('utf8').slice(0, 200)}`);
            } else {
              result.status5xx += 1;
              note(`${name} answered ${answer.status}: ${answer.body.toString('utf8').slice(0, 200)}`);
            }
          } catch (error) {
            if (!(error instanceof ConnectionFailure)) throw error;
            result.connectionFailures += 1;
            note(`${name} failed: ${error.code}`);
          }
        }
      }),
    );
  } finally {
    clearInterval(sampler);
  }
  sampleRss();
  result.seconds = (Date.now() - started) / 1000;
  return result;
}

export interface RssGrowth {
  firstMedian: number;
  lastMedian: number;
  growth: number;
  /** The windows used: a minute each after a minute's warm-up, shorter in short runs. */
  windowSeconds: number;
  samplesFirst: number;
  samplesLast: number;
}

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};

/**
 * (median of the last minute − median of the first minute after a one-minute warm-up) / first. Runs
 * shorter than three minutes use thirds of the run instead of minutes.
 */
export function rssGrowth(samples: RssSample[], totalSeconds: number): RssGrowth | undefined {
  const windowMs = Math.min(60_000, (totalSeconds * 1000) / 3);
  const endMs = samples.at(-1)?.atMs ?? 0;
  const first = samples.filter((s) => s.atMs >= windowMs && s.atMs < 2 * windowMs).map((s) => s.bytes);
  const last = samples.filter((s) => s.atMs >= endMs - windowMs).map((s) => s.bytes);
  if (first.length === 0 || last.length === 0) return undefined;
  const firstMedian = median(first);
  const lastMedian = median(last);
  return {
    firstMedian,
    lastMedian,
    growth: (lastMedian - firstMedian) / firstMedian,
    windowSeconds: windowMs / 1000,
    samplesFirst: first.length,
    samplesLast: last.length,
  };
}
