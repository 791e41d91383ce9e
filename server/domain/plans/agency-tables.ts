/**
 * Which agency leads the improvement of each index (cơ quan chủ trì) and which work with it (cơ
 * quan phối hợp), before a province edits its own table.
 *
 * Đắk Nông's table is its published plan: Phụ lục 02 of Kế hoạch 475/KH-UBND (18/7/2024),
 * "Nội dung, nhiệm vụ giải pháp cải thiện, nâng cao Chỉ số SIPAS năm 2024", one row per element
 * and one per policy (A3). Every other province starts from the default table, which follows the
 * same plan by SIPAS service area with the agencies every province has (the seeds name no other
 * province's plan); the province edits it on the plan screen.
 */

export interface AgencyRow {
  /** An element (A1 … B5) or an item (A3_1 …). */
  index: string;
  lead: string;
  partners: string;
}

const everyAgency = 'Thủ trưởng các sở, ban, ngành; Chủ tịch UBND cấp xã';
const officeLeads = 'Chánh Văn phòng UBND tỉnh; Chủ tịch UBND cấp xã';
const related = 'Các cơ quan, đơn vị có liên quan';

export const defaultAgencyTable: AgencyRow[] = [
  { index: 'A1', lead: everyAgency, partners: `Sở Nội vụ; ${related.toLowerCase()}` },
  { index: 'A2', lead: everyAgency, partners: `Sở Nội vụ; ${related.toLowerCase()}` },
  { index: 'A3_1', lead: 'Giám đốc Sở Tài chính', partners: 'Các sở, ban, ngành; UBND cấp xã; các đơn vị có liên quan' },
  { index: 'A3_2', lead: 'Giám đốc Sở Y tế', partners: 'Các cơ sở khám chữa bệnh trên địa bàn tỉnh; các đơn vị có liên quan' },
  { index: 'A3_3', lead: 'Giám đốc Sở Giáo dục và Đào tạo', partners: 'UBND cấp xã; các cơ sở giáo dục tại địa phương; các đơn vị có liên quan' },
  { index: 'A3_4', lead: 'Giám đốc Công an tỉnh', partners: 'UBND cấp xã; các đơn vị có liên quan' },
  { index: 'A3_5', lead: 'Giám đốc Sở Xây dựng', partners: 'UBND cấp xã; các đơn vị có liên quan' },
  { index: 'A3_6', lead: 'Giám đốc Công ty Điện lực tỉnh', partners: 'Các điện lực khu vực; các đơn vị có liên quan' },
  { index: 'A3_7', lead: 'Giám đốc đơn vị cấp nước của tỉnh', partners: 'UBND cấp xã; các trạm cấp nước; các đơn vị có liên quan' },
  { index: 'A3_8', lead: 'Giám đốc Sở Nội vụ; Giám đốc Bảo hiểm xã hội tỉnh', partners: 'UBND cấp xã; các đơn vị có liên quan' },
  { index: 'A3_9', lead: 'Giám đốc Sở Nội vụ', partners: 'Các sở, ban, ngành; UBND cấp xã; các đơn vị có liên quan' },
  { index: 'A4', lead: 'Giám đốc Sở Tài chính', partners: 'Các sở, ban, ngành; UBND cấp xã; các đơn vị có liên quan' },
  { index: 'B1', lead: officeLeads, partners: related },
  { index: 'B2', lead: officeLeads, partners: related },
  { index: 'B3', lead: `Chánh Văn phòng UBND tỉnh; Thủ trưởng các sở, ban, ngành; Chủ tịch UBND cấp xã`, partners: related },
  { index: 'B4', lead: `Chánh Văn phòng UBND tỉnh; Thủ trưởng các sở, ban, ngành; Chủ tịch UBND cấp xã`, partners: related },
  { index: 'B5', lead: `Chánh Văn phòng UBND tỉnh; Thủ trưởng các sở, ban, ngành; Chủ tịch UBND cấp xã`, partners: related },
];

const dnLeaders =
  'Thủ trưởng các sở, ban, ngành; Chủ tịch UBND cấp huyện; Chủ tịch UBND cấp xã; Giám đốc Công ty Cổ phần cấp nước và Phát triển đô thị Đắk Nông; Giám đốc Công ty Điện lực Đắk Nông';
const dnOffices = 'Chánh Văn phòng UBND tỉnh; Chủ tịch UBND cấp huyện; Chủ tịch UBND cấp xã';
const dnOfficesAndAgencies = 'Chánh Văn phòng UBND tỉnh, Thủ trưởng các sở, ban, ngành; Chủ tịch UBND cấp huyện; Chủ tịch UBND cấp xã';
const dnCommunes = 'UBND cấp huyện, UBND cấp xã; các đơn vị có liên quan';

/** Kế hoạch 475/KH-UBND of Đắk Nông (67), Phụ lục 02, rows 1–16; A4 is not in it and follows the default. */
const dakNong2024: AgencyRow[] = [
  { index: 'A1', lead: dnLeaders, partners: 'Sở Nội vụ; các cơ quan, đơn vị có liên quan' },
  { index: 'A2', lead: dnLeaders, partners: 'Sở Nội vụ; các cơ quan, đơn vị có liên quan' },
  { index: 'A3_1', lead: 'Giám đốc Sở Kế hoạch và Đầu tư', partners: 'Các sở, ban, ngành; UBND cấp huyện, UBND cấp xã; các đơn vị có liên quan' },
  { index: 'A3_2', lead: 'Giám đốc Sở Y tế', partners: 'Các cơ sở khám chữa bệnh trên địa bàn tỉnh; các đơn vị có liên quan' },
  { index: 'A3_3', lead: 'Giám đốc Sở Giáo dục và Đào tạo', partners: 'UBND cấp huyện; các cơ sở giáo dục tại địa phương; các đơn vị có liên quan' },
  { index: 'A3_4', lead: 'Giám đốc Công an tỉnh', partners: dnCommunes },
  { index: 'A3_5', lead: 'Giám đốc Sở Giao thông vận tải', partners: dnCommunes },
  { index: 'A3_6', lead: 'Giám đốc Công ty Điện lực Đắk Nông', partners: 'Chi nhánh Điện lực các huyện, thành phố; các đơn vị có liên quan' },
  {
    index: 'A3_7',
    lead: 'Giám đốc Công ty Cổ phần cấp nước và Phát triển đô thị Đắk Nông',
    partners: 'UBND cấp huyện; UBND cấp xã; Trạm cấp nước các huyện, thành phố; các đơn vị có liên quan',
  },
  { index: 'A3_8', lead: 'Giám đốc Sở Lao động - Thương binh và Xã hội; Giám đốc Bảo hiểm xã hội tỉnh', partners: dnCommunes },
  { index: 'A3_9', lead: 'Giám đốc Sở Nội vụ', partners: 'Các sở, ban, ngành; UBND cấp huyện; UBND cấp xã; các đơn vị có liên quan' },
  { index: 'B1', lead: dnOffices, partners: related },
  { index: 'B2', lead: dnOffices, partners: related },
  { index: 'B3', lead: dnOfficesAndAgencies, partners: related },
  { index: 'B4', lead: dnOfficesAndAgencies, partners: related },
  { index: 'B5', lead: dnOfficesAndAgencies, partners: related },
];

const seededTables: Record<string, AgencyRow[]> = { '67': dakNong2024 };

/** Where a province's table comes from before its own edits: its published plan, or the default. */
export function seededAgencyTable(provinceCode: string): { source: 'province_plan' | 'default'; rows: AgencyRow[] } {
  const own = seededTables[provinceCode];
  if (!own) return { source: 'default', rows: defaultAgencyTable };
  const covered = new Set(own.map((r) => r.index));
  const rows = [...own, ...defaultAgencyTable.filter((r) => !covered.has(r.index))];
  const order = new Map(defaultAgencyTable.map((r, i) => [r.index, i]));
  return { source: 'province_plan', rows: rows.sort((a, b) => (order.get(a.index) ?? 99) - (order.get(b.index) ?? 99)) };
}

/** The row that answers for an index: its own, else its element's (A3_1 has its own, B3_2 falls to B3). */
export function agencyFor(rows: AgencyRow[], index: string): AgencyRow | undefined {
  return rows.find((r) => r.index === index) ?? rows.find((r) => r.index === index.split('_')[0]);
}
