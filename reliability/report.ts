import type { BlobCensus, CounterResult } from './integrity.js';
import type { RssGrowth, SoakResult } from './soak.js';
import type { WriteTally } from './verify-writes.js';

const out = process.stdout;

/** A plain text table: the first column left-aligned, the others right-aligned. */
export function printTable(header: string[], rows: (string | number)[][]): void {
  const cells = [header, ...rows.map((row) => row.map(String))];
  const widths = header.map((_, i) => Math.max(...cells.map((row) => (row[i] ?? '').length)));
  const line = (row: string[]) => row.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join('  ');
  out.write(`${line(header)}\n${widths.map((w) => '-'.repeat(w)).join('  ')}\n`);
  for (const row of cells.slice(1)) out.write(`${line(row)}\n`);
}

export function printWrites(title: string, tallies: WriteTally[], notes: string[]): void {
  out.write(`\n${title}\n`);
  printTable(
    ['write', 'sent', 'acknowledged', 'refused', 'unknown', 'unsent', '5xx', 'found', 'unknown applied', 'left behind'],
    tallies.map((t) => {
      const o = t.outcomes;
      const sent = o.acknowledged + o.refused + o.unknown + o.unsent + o['server error'];
      const confirmed = t.valid ? `${t.confirmed}/${t.toConfirm}` : '-';
      return [
        `${t.kind}${t.valid ? '' : ' (invalid)'}`,
        sent,
        o.acknowledged,
        o.refused,
        o.unknown,
        o.unsent,
        o['server error'],
        confirmed,
        `${t.unknownApplied}/${o.unknown}`,
        t.leftovers,
      ];
    }),
  );
  out.write(
    '  found: acknowledged writes found as acknowledged (likes: the (person, thing) pairs whose final state is known, found in that state)\n' +
      '  unknown applied: writes without an answer (the kill) found whole in the database; left behind: refused or invalid writes found there\n',
  );
  for (const note of notes) out.write(`  ${note}\n`);
}

export function printCounters(title: string, counters: CounterResult[]): void {
  out.write(`\n${title}\n`);
  printTable(
    ['counter', 'rows', 'equal to recount', 'mismatched'],
    counters.map((c) => [c.name, c.rows, c.rows - c.mismatched, c.mismatched]),
  );
  for (const c of counters) for (const example of c.examples) out.write(`  ! ${c.name} ${example}\n`);
}

export function printCensus(rows: [string, BlobCensus][]): void {
  out.write('\nStored files (DATA_DIR/uploads) against file rows\n');
  printTable(
    ['when', 'blobs', 'live rows', 'orphan blobs', 'of them staged', 'staged, row live', 'temp files', 'rows without blob'],
    rows.map(([when, c]) => [when, c.blobs, c.liveRows, c.orphans, c.stagedOrphans, c.stagedLive, c.temporary, c.missing]),
  );
  for (const [when, c] of rows) for (const example of c.examples) out.write(`  ${when}: ${example}\n`);
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

export function printSoak(result: SoakResult, growth: RssGrowth | undefined, streamsNote: string): void {
  out.write(`\nSoak: ${(result.seconds / 60).toFixed(1)} min of mixed traffic\n`);
  printTable(
    ['requests', 'reads', 'writes', '2xx', 'invalid refused', 'other 4xx', '5xx', 'no answer', 'req/s'],
    [
      [
        result.requests,
        result.reads,
        result.writes,
        result.status2xx,
        result.expectedRefusals,
        result.status4xx,
        result.status5xx,
        result.connectionFailures,
        (result.requests / result.seconds).toFixed(1),
      ],
    ],
  );
  for (const example of result.examples) out.write(`  ! ${example}\n`);
  if (growth) {
    const window = Math.round(growth.windowSeconds);
    out.write(
      `Server RSS (VmRSS, every 10 s): ${mb(growth.firstMedian)} (median of ${growth.samplesFirst} samples, ${window} s after a ${window} s warm-up) → ${mb(growth.lastMedian)} (median of the last ${window} s, ${growth.samplesLast} samples): growth ${(growth.growth * 100).toFixed(1)} %\n`,
    );
    const peak = Math.max(...result.rss.map((s) => s.bytes));
    out.write(`  samples: ${result.rss.map((s) => (s.bytes / 1024 / 1024).toFixed(0)).join(' ')} MB; peak ${mb(peak)}\n`);
  } else {
    out.write('Server RSS: too few samples for a growth figure\n');
  }
  out.write(`${streamsNote}\n`);
}
