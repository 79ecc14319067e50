import type { Highlight } from '@p2p/contracts';

/** Highlighted search text: matched parts in <mark>, everything as text (never as HTML). */
export function Highlighted({ parts }: { parts: Highlight }) {
  return <>{parts.map((part, index) => (part.mark ? <mark key={index}>{part.text}</mark> : <span key={index}>{part.text}</span>))}</>;
}
