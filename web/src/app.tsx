import { useEffect, useState } from 'react';

interface Health {
  status: string;
  database: { engine: string };
}

/** Placeholder page until the application shell lands: says what this is and that the API is up. */
export function App() {
  const [health, setHealth] = useState<Health | null>(null);
  useEffect(() => {
    fetch('/health')
      .then((r) => r.json() as Promise<Health>)
      .then(setHealth)
      .catch(() => setHealth(null));
  }, []);
  return (
    <main style={{ fontFamily: 'system-ui, sans-serif', maxWidth: 640, margin: '4rem auto', padding: '0 1rem', lineHeight: 1.5 }}>
      <h1>P2P Sandbox</h1>
      <p>A peer-to-peer knowledge network for Saudi industrial manufacturers.</p>
      <p lang="ar" dir="rtl">شبكة معرفة بين المصانع السعودية الصغيرة والمتوسطة.</p>
      <p>
        API: {health ? `${health.status} (${health.database.engine})` : 'checking…'} · <a href="/docs">API documentation</a>
      </p>
    </main>
  );
}
