/**
 * What a survey link is on paper: the address its QR code carries, and an A4 poster per link with
 * the office's name, short instructions in Vietnamese and the QR code that opens the survey. A
 * print-ready page: the browser's "Print" makes the PDF.
 */
import QRCode from 'qrcode';
import type { LinkDetails } from '../../../db/queries/links.ts';
import { isPrintable, type PublicUrl } from '../../public-url.ts';

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** One fixed style for every poster, so that the Content-Security-Policy allows it by its hash (plugins/security-headers.ts). */
export const posterStyle = `
@page { size: A4; margin: 18mm; }
body { font-family: system-ui, "Segoe UI", Roboto, Arial, sans-serif; color: #111; text-align: center; margin: 0 auto; max-width: 170mm; }
h1 { font-size: 26pt; margin: 8mm 0 4mm; line-height: 1.2; }
h2 { font-size: 17pt; font-weight: 600; margin: 0 0 8mm; }
.qr svg { width: 110mm; height: 110mm; }
ol { text-align: left; font-size: 15pt; line-height: 1.5; margin: 6mm auto; max-width: 140mm; }
.url { font-size: 11pt; word-break: break-all; color: #333; }
.note { font-size: 12pt; margin-top: 6mm; }
.closed { font-size: 16pt; color: #a00; border: 2px solid #a00; padding: 4mm; }
.not-public { font-size: 12pt; color: #a00; border: 1px dashed #a00; padding: 3mm; }
.poster + .poster { break-before: page; }
@media print {
  .draft .qr, .draft .url, .draft ol { display: none; }
  .draft .not-public { font-size: 20pt; border-width: 3px; }
}
`;

/** The address a link's QR code and poster carry. */
export function surveyUrl(base: string, token: string): string {
  return `${base}/s/${encodeURIComponent(token)}`;
}

/** Where the link's poster is served (server/routes/pages/poster.ts). */
export function posterPath(token: string): string {
  return `/poster/${encodeURIComponent(token)}`;
}

const NOT_PRINTABLE =
  '<p class="not-public"><strong>BẢN XEM THỬ — KHÔNG IN.</strong> Địa chỉ dưới đây là địa chỉ riêng của máy chủ, chưa phải địa chỉ công khai (SIPAS_PUBLIC_URL chưa đặt hoặc là địa chỉ nội bộ): chỉ điện thoại trong cùng mạng mới mở được. Khi in, mã QR được bỏ đi. Hãy đặt địa chỉ công khai rồi in lại.</p>';

/** One poster's body: a page of its own when several are printed together. */
async function posterSection(link: LinkDetails, publicUrl: PublicUrl): Promise<string> {
  const url = surveyUrl(publicUrl.base, link.token);
  const printable = isPrintable(publicUrl);
  // Error correction level M survives a smudged or curled print; margin 2 is enough on white paper.
  const qr = await QRCode.toString(url, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
  // The online link's poster (for a notice board or a portal page) names the province's survey instead of an office.
  const office = escapeHtml(link.office?.name ?? 'Khảo sát trực tuyến của tỉnh');
  return `<section class="poster${printable ? '' : ' draft'}" data-printable="${printable}">
<h1>Ông/Bà hài lòng với sự phục vụ của chúng tôi?</h1>
<h2>${office}</h2>
${link.active ? '' : '<p class="closed">Đường dẫn này đã đóng cùng đợt khảo sát.</p>'}
${printable ? '' : NOT_PRINTABLE}
<div class="qr" role="img" aria-label="Mã QR mở phiếu khảo sát">${qr}</div>
<ol>
<li>Mở máy ảnh của điện thoại và quét mã QR.</li>
<li>Trả lời các câu hỏi (khoảng 5 phút). Phiếu <strong>không hỏi họ tên, số điện thoại</strong>.</li>
<li>Nhấn <strong>Gửi phiếu</strong>. Nếu mất mạng, phiếu được lưu trên máy và tự gửi khi có mạng.</li>
</ol>
<p class="url">${escapeHtml(url)}</p>
<p class="note">${escapeHtml(link.round.name)}<br>Xin cảm ơn Ông/Bà đã góp ý để chúng tôi phục vụ tốt hơn.</p>
</section>`;
}

function posterPage(title: string, sections: string[]): string {
  return `<!doctype html>
<html lang="vi"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title>
<style>${posterStyle}</style></head>
<body>
${sections.join('\n')}
</body></html>`;
}

/**
 * A link's A4 poster. Printed only with a public address (isPrintable): otherwise it says on screen
 * that it is a draft not to print, and on paper the QR code and address are left out.
 */
export async function posterHtml(link: LinkDetails, publicUrl: PublicUrl): Promise<string> {
  return posterPage(`Khảo sát SIPAS — ${link.office?.name ?? 'Khảo sát trực tuyến của tỉnh'}`, [await posterSection(link, publicUrl)]);
}

/** Every office's poster of a round in one document, a page each, to print at once. */
export async function postersHtml(roundName: string, links: LinkDetails[], publicUrl: PublicUrl): Promise<string> {
  const sections: string[] = [];
  for (const link of links) sections.push(await posterSection(link, publicUrl));
  return posterPage(`Khảo sát SIPAS — ${roundName}`, sections);
}
