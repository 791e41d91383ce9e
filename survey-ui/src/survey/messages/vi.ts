/** Every text of the survey app, Vietnamese (the default). NFC, full diacritics. */
export const vi = {
  languageName: 'Tiếng Việt',
  switchLanguage: 'English',
  switchLanguageLabel: 'Switch to English',
  loading: 'Đang tải phiếu khảo sát…',
  linkNotFoundTitle: 'Đường dẫn không đúng',
  linkNotFound: 'Đường dẫn khảo sát không đúng hoặc đã được thay thế. Vui lòng quét lại mã QR tại bộ phận một cửa.',
  noTokenTitle: 'Hãy quét mã QR',
  noToken: 'Phiếu khảo sát được mở bằng mã QR dán tại bộ phận một cửa.',
  closedTitle: 'Đợt khảo sát đã kết thúc',
  closed: (office: string) => `Đợt khảo sát tại ${office} hiện không nhận phiếu. Cảm ơn Ông/Bà đã quan tâm và dành thời gian cho chúng tôi.`,
  offlineTitle: 'Chưa có kết nối mạng',
  offline: 'Không tải được phiếu khảo sát vì chưa có mạng. Vui lòng bật dữ liệu di động hoặc Wi-Fi rồi thử lại.',
  retry: 'Thử lại',
};
export type Messages = typeof vi;
