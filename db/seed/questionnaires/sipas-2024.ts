/** The 2024 form (Phụ lục 02 of the 2024 plan): A3 adds administrative reform, B1 has three items. */
import { buildVersion, item, policies, policyItemsA1A2A4, serviceItemsB2B3B5 } from './common.ts';

export const sipas2024 = buildVersion(
  '2024',
  { vi: 'Phiếu khảo sát SIPAS 2024', en: 'SIPAS questionnaire 2024' },
  {
    ...policyItemsA1A2A4,
    A3: policies.map((p, i) => item(`A3_${i + 1}`, p.vi, p.en, p.hint)),
    B1: [
      item('B1_1', 'Trụ sở có biển hiệu, hướng dẫn rõ ràng, dễ thấy', 'The office has clear, visible signs and directions'),
      item('B1_2', 'Có đủ ghế ngồi và bàn viết cho người dân', 'There are enough seats and writing desks'),
      item('B1_3', 'Trang thiết bị phục vụ người dân đầy đủ, chất lượng tốt', 'Equipment for citizens is adequate and in good order'),
    ],
    ...serviceItemsB2B3B5,
    B4: [
      item('B4_1', 'Kết quả giải quyết thủ tục hành chính cho người dân được trả đúng hẹn', 'The result was returned on time'),
      item('B4_2', 'Kết quả giải quyết thủ tục hành chính cho người dân có thông tin đầy đủ, chính xác', 'The result was complete and accurate'),
      item('B4_3', 'Kết quả giải quyết thủ tục hành chính được công khai đầy đủ, kịp thời', 'The result was published fully and promptly'),
    ],
  },
);
