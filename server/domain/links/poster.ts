/**
 * What a survey link is on paper: the address its QR code carries, and an A4 poster per link with
 * the office's name, short instructions in Vietnamese and the QR code that opens the survey. A
 * print-ready page: the browser's "Print" makes the PDF.
 */
import QRCode from 'qrcode';
import type { LinkDetails } from '../../../db/queries/links.ts';
import type { PublicUrl } from '../../public-url.ts';

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
`;

/** The address a link's QR code and poster carry. */
export function surveyUrl(base: string, token: string): string {
  return `${base}/s/${encodeURIComponent(token)}`;
}

/** Where the link's poster is served (server/routes/pages/poster.ts). */
export function posterPath(token: string): string {
  return `/poster/${encodeURIComponent(token)}`;
}

export async function posterHtml(link: LinkDetails, publicUrl: PublicUrl): Promise<string> {
  const url = surveyUrl(publicUrl.base, link.token);
  // Error correction level M survives a smudged or curled print; margin 2 is enough on white paper.
  const qr = await QRCode.toString(url, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
  // The online link's poster (for a notice board or a portal page) names the province's survey instead of an office.
  const office = escapeHtml(link.office?.name ?? 'Khảo sát trực tuyến của tỉnh');
  return `<!doctype html>
<html lang="vi"><head><meta charset="utf-8"><title>Khảo sát SIPAS — ${office}</title>
<style>${posterStyle}</style></head>
<body>
<h1>Ông/Bà hài lòng với sự phục vụ của chúng tôi?</h1>
<h2>${office}</h2>
${link.active ? '' : '<p class="closed">Đường dẫn này đã đóng cùng đợt khảo sát.</p>'}
${publicUrl.configured ? '' : '<p class="not-public">Địa chỉ dưới đây là địa chỉ riêng của máy chủ, chưa phải địa chỉ công khai (chưa đặt SIPAS_PUBLIC_URL): chỉ điện thoại trong cùng mạng mới mở được. Hãy đặt địa chỉ công khai trước khi in.</p>'}
<div class="qr" role="img" aria-label="Mã QR mở phiếu khảo sát">${qr}</div>
<ol>
<li>Mở máy ảnh của điện thoại và quét mã QR.</li>
<li>Trả lời các câu hỏi (khoảng 5 phút). Phiếu <strong>không hỏi họ tên, số điện thoại</strong>.</li>
<li>Nhấn <strong>Gửi phiếu</strong>. Nếu mất mạng, phiếu được lưu trên máy và tự gửi khi có mạng.</li>
</ol>
<p class="url">${escapeHtml(url)}</p>
<p class="note">${escapeHtml(link.round.name)}<br>Xin cảm ơn Ông/Bà đã góp ý để chúng tôi phục vụ tốt hơn.</p>
</body></html>`;
}
