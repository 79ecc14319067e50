// What other features may use of the forum. The router loads the forum's pages by their own files.

/** The server's Markdown preview (the forum's renderer, which use-case sections share). */
export { usePreview } from './api.js';
