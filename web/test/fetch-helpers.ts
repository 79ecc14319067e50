/** The URL a mocked fetch was called with: the app passes a path; a Request or a URL gives its address. */
export function requestUrl(input: RequestInfo | URL): string {
  if (typeof input === 'string') return input;
  return input instanceof URL ? input.href : input.url;
}

/** The JSON a mocked fetch was sent (the app sends every body as a JSON string). */
export function sentJson(init: RequestInit | undefined): unknown {
  return typeof init?.body === 'string' ? JSON.parse(init.body) : undefined;
}
