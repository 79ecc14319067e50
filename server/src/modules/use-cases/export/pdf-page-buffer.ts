/**
 * A page's drawing operators collected as one string and handed to the PDF writer as one chunk when the
 * page ends.
 *
 * The writer turns every operator it is given (`q`, a colour, a rectangle, a line of text) into its own
 * small byte array and keeps them in a list until the page ends. A table page holds a few thousand of
 * them, and they live long enough for the garbage collector to move them, and the list, out of the
 * short-lived heap: a 1,000-row export left tens of megabytes of such garbage in the long-lived heap,
 * which is collected rarely, so the process grew by far more than the file. Appending to a string
 * instead costs a few small objects per operator that die young, and the bytes are the same.
 */

/** The parts of the PDF writer's document that page output goes through (pdfkit's private API). */
interface PageOutput {
  page: { write(chunk: string | Uint8Array): unknown; content?: { buffer?: unknown } };
  addContent(data: string | Uint8Array): unknown;
  flushPages(): void;
}

function isPageOutput(doc: unknown): doc is PageOutput {
  const candidate = doc as Partial<PageOutput>;
  return typeof candidate.addContent === 'function' && typeof candidate.flushPages === 'function';
}

/**
 * From now on, operators written to `doc` collect per page and reach the page when the writer ends it
 * (on the next page or at the end of the document). Operators reach the page in the order they were
 * written, each followed by a line break, as the writer writes them.
 */
export function bufferPageContent(doc: PDFKit.PDFDocument): void {
  if (!isPageOutput(doc)) throw new Error('The PDF writer does not expose the fields page buffering needs');
  const output: PageOutput = doc;
  const addContent = output.addContent.bind(output);
  const flushPages = output.flushPages.bind(output);
  let pending = '';
  const flush = () => {
    if (pending.length === 0) return;
    // The writer stores a byte array as given and turns a string into bytes by the low byte of each
    // character: latin1 does the same.
    output.page.write(Buffer.from(pending, 'latin1'));
    pending = '';
  };
  output.addContent = (data: string | Uint8Array) => {
    if (typeof data !== 'string') {
      flush();
      return addContent(data);
    }
    pending += `${data}\n`;
    return output;
  };
  output.flushPages = () => {
    flush();
    const chunks = output.page.content?.buffer;
    flushPages();
    // The ended page's list of chunks is long-lived (the writer's lists are made where long-lived
    // ones are), and a long-lived object keeps what it points to alive until a full collection even
    // when nothing points to it any more: emptied, it no longer holds the page's bytes.
    if (Array.isArray(chunks)) chunks.length = 0;
  };
}
