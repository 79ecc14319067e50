import { useState } from 'react';

/**
 * The time (ms) the component first rendered. A render must give the same result every time it runs
 * (react-hooks/purity), so what depends on the clock — a deadline passed, days left — is compared with
 * this rather than with Date.now() in the render.
 */
export function useNow(): number {
  const [now] = useState(() => Date.now());
  return now;
}
