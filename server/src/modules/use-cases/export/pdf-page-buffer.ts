/**
 * A page's drawing operators collected as one string and handed to the PDF writer as one chunk when the
 * page ends.
 *
 * The writer turns every operator it is given (`q`, a colour, a rectangle, a line of text) into its own
 * small byte array and appends it to the page's list of chunks. Every PDF object has such a list and
 * some live as long as the document, so the JavaScript engine allocates them straight in its
 * long-lived heap; a long-lived list keeps what it points to alive through the frequent young
 * collections until a rare full one. A 1,000-row table left about 18 MB of dead chunks per document in
 * the long-lived heap, and the process grew with them. Appending to a string costs a few short-lived
 * objects per operator, and the page gets the same bytes.
 */
import { pageContentChunks, replaceAddContent, replaceFlushPages, writeToPage } from './pdf-internals.js';

/**
 * From now on, operators written to `doc` collect per page and reach the page when the writer ends it
 * (on the next page or at the end of the document). Operators reach the page in the order they were
 * written, each followed by a line break, as the writer writes them.
 */
export function bufferPageContent(doc: PDFKit.PDFDocument): void {
  let pending = '';
  const flush = () => {
    if (pending.length === 0) return;
    // The writer stores a byte array as given and turns a string into bytes by the low byte of each
    // character: latin1 does the same.
    writeToPage(doc, Buffer.from(pending, 'latin1'));
    pending = '';
  };
  replaceAddContent(doc, (data, addContent) => {
    if (typeof data !== 'string') {
      flush();
      addContent(data);
      return;
    }
    pending += `${data}\n`;
  });
  replaceFlushPages(doc, (flushPages) => {
    flush();
    const chunks = pageContentChunks(doc);
    flushPages();
    // The ended page's list of chunks is long-lived (the writer's lists are made where long-lived
    // ones are), and a long-lived object keeps what it points to alive until a full collection even
    // when nothing points to it any more: emptied, it no longer holds the page's bytes.
    chunks.length = 0;
  });
}
