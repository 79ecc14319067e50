/** Where a stored file is downloaded (the files module checks who may). */
export function fileUrl(id: string): string {
  return `/api/v1/files/${id}`;
}

/** fileUrl of an optional file id. */
export function fileUrlOrNull(id: string | null | undefined): string | null {
  return id ? fileUrl(id) : null;
}
