/**
 * What a PDF says, read back with pdf.js: the text of each page (as its text layer gives it, for
 * searching and copying) and each page's size in points. Lets a test check that a printed report
 * really holds the figures, not only that a file came out.
 */
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

export interface PdfPage {
  /** [width, height] in PostScript points (A4 landscape ≈ 842 × 595). */
  size: [number, number];
  /** The page's text items joined by spaces, whitespace collapsed, NFC. */
  text: string;
}

export async function pdfPages(pdf: Uint8Array): Promise<PdfPage[]> {
  const document = await getDocument({ data: new Uint8Array(pdf), disableFontFace: true, useSystemFonts: false, verbosity: 0 }).promise;
  try {
    const pages: PdfPage[] = [];
    for (let n = 1; n <= document.numPages; n++) {
      const page = await document.getPage(n);
      const [x0, y0, x1, y1] = page.view;
      const content = await page.getTextContent();
      const text = content.items.map((item) => ('str' in item ? item.str : '')).join(' ');
      pages.push({ size: [x1 - x0, y1 - y0], text: text.replace(/\s+/g, ' ').trim().normalize('NFC') });
    }
    return pages;
  } finally {
    await document.destroy();
  }
}
