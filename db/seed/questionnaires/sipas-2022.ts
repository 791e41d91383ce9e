/** The 2022 household form: A3 has eight policies, B1 four items, B4_3 is about fairness. */
import { buildVersion, item, policies, policyItemsA1A2A4, serviceItemsB2B3B5 } from './common.ts';

export const sipas2022 = buildVersion(
  '2022',
  { vi: 'Phiếu khảo sát SIPAS 2022', en: 'SIPAS questionnaire 2022' },
  {
    ...policyItemsA1A2A4,
    A3: policies.slice(0, 8).map((p, i) => item(`A3_${i + 1}`, p.vi, p.en, p.hint)),
    B1: [
      item(
        'B1_1',
        'Cơ quan cung cấp thông tin về việc giải quyết thủ tục hành chính theo nhiều hình thức, dễ tiếp cận, dễ hiểu đối với mọi người dân',
        'Information about procedures is offered in many forms, easy to reach and understand',
      ),
      item(
        'B1_2',
        'Trụ sở cơ quan tiếp nhận hồ sơ, trả kết quả giải quyết thủ tục hành chính có biển hiệu, hướng dẫn rõ ràng, dễ thấy',
        'The office has clear, visible signs and directions',
      ),
      item('B1_3', 'Trụ sở cơ quan tiếp nhận hồ sơ, trả kết quả giải quyết thủ tục hành chính sạch sẽ, văn minh', 'The office is clean and orderly'),
      item(
        'B1_4',
        'Trang thiết bị phục vụ người dân đầy đủ, chất lượng tốt, giúp người dân giải quyết công việc dễ dàng hơn',
        'Equipment for citizens is adequate and in good order',
      ),
    ],
    ...serviceItemsB2B3B5,
    B4: [
      item('B4_1', 'Kết quả giải quyết thủ tục hành chính cho người dân được trả đúng hẹn', 'The result was returned on time'),
      item('B4_2', 'Kết quả giải quyết thủ tục hành chính cho người dân có thông tin đầy đủ, chính xác', 'The result was complete and accurate'),
      item('B4_3', 'Kết quả giải quyết thủ tục hành chính cho người dân đảm bảo tính công bằng', 'The result was fair'),
    ],
  },
);
