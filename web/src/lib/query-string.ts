/** A query string from the values that are set ("status=open&page=2"); empty strings and undefined are left out. */
export function toQuery(params: Record<string, string | number | undefined>): string {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value !== '' && value !== undefined) query.set(key, String(value));
  return query.toString();
}
