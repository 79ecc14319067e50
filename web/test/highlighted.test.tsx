import { render } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { Highlighted } from '../src/components/content/highlighted.js';

describe('highlighted search text', () => {
  it('puts matched parts in <mark> and the rest as plain text, in order', () => {
    const { container } = render(
      <p>
        <Highlighted
          parts={[
            { text: 'Pump ', mark: false },
            { text: 'maintenance', mark: true },
            { text: ' — جدول ', mark: false },
            { text: 'صيانة', mark: true },
          ]}
        />
      </p>,
    );
    expect(container.textContent).toBe('Pump maintenance — جدول صيانة');
    expect([...container.querySelectorAll('mark')].map((m) => m.textContent)).toEqual(['maintenance', 'صيانة']);
  });

  it('never reads a part as HTML: markup in the text stays text', () => {
    const { container } = render(
      <p>
        <Highlighted
          parts={[
            { text: '<img src=x onerror="window.__xss=1">', mark: false },
            { text: '<script>window.__xss=3</script>', mark: true },
          ]}
        />
      </p>,
    );
    expect(container.querySelector('img')).toBeNull();
    expect(container.querySelector('script')).toBeNull();
    expect(container.querySelector('[onerror]')).toBeNull();
    expect(container.textContent).toBe('<img src=x onerror="window.__xss=1"><script>window.__xss=3</script>');
    expect(container.querySelector('mark')?.textContent).toBe('<script>window.__xss=3</script>');
  });
});
