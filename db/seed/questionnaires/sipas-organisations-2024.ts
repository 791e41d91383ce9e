/**
 * The organisations' form (tổ chức, doanh nghiệp), written in the spirit of SIPAS: no seed document
 * holds its official wording, so the service areas of the citizens' 2024 form — access, procedures,
 * civil servants, results, feedback handling — are asked of the organisation's representative, with
 * the same items, elements and part, so that its service index reads like the citizens' one. The
 * policy part is the citizens' alone. Enter the official wording as a new version when it is known.
 */
import type { QuestionnaireInput } from '../../../analysis/questionnaire/definition.ts';
import { elementLabels, partLabels, scales as citizenScales } from './common.ts';

type Question = QuestionnaireInput['questions'][number];
type Text = { vi: string; en?: string };

const yes = { question: 'had_procedure', equals: 'yes' } as const;
const complained = { question: 'made_feedback', equals: 'yes' } as const;

const options = (pairs: Array<[string, string, string]>) => pairs.map(([value, vi, en]) => ({ value, label: { vi, en } }));

const scales: QuestionnaireInput['scales'] = [
  ...citizenScales.filter((s) => ['satisfaction5', 'yes_no', 'frequency3', 'mode3', 'priority3'].includes(s.code)),
  {
    code: 'org_type',
    options: options([
      ['dn_nha_nuoc', 'Doanh nghiệp nhà nước', 'State-owned enterprise'],
      ['dn_tu_nhan', 'Doanh nghiệp tư nhân, công ty cổ phần, công ty TNHH', 'Private company'],
      ['dn_fdi', 'Doanh nghiệp có vốn đầu tư nước ngoài', 'Foreign-invested enterprise'],
      ['hop_tac_xa', 'Hợp tác xã, tổ hợp tác', 'Cooperative'],
      ['ho_kinh_doanh', 'Hộ kinh doanh', 'Household business'],
      ['to_chuc_khac', 'Tổ chức khác (hội, đoàn thể, đơn vị sự nghiệp…)', 'Other organisation (association, public service unit…)'],
    ]),
  },
  {
    code: 'org_size',
    options: options([
      ['duoi_10', 'Dưới 10 lao động', 'Fewer than 10 workers'],
      ['10_49', 'Từ 10 đến 49 lao động', '10–49 workers'],
      ['50_199', 'Từ 50 đến 199 lao động', '50–199 workers'],
      ['tu_200', 'Từ 200 lao động trở lên', '200 workers or more'],
    ]),
  },
  {
    code: 'org_field',
    options: options([
      ['nong_lam_thuy_san', 'Nông, lâm nghiệp, thủy sản', 'Agriculture, forestry, fisheries'],
      ['cong_nghiep_xay_dung', 'Công nghiệp, xây dựng', 'Industry, construction'],
      ['thuong_mai_dich_vu', 'Thương mại, dịch vụ', 'Trade, services'],
      ['khac', 'Lĩnh vực khác', 'Other field'],
    ]),
  },
  {
    code: 'procedure_field',
    options: options([
      ['dang_ky_kinh_doanh', 'Đăng ký doanh nghiệp, hộ kinh doanh', 'Business registration'],
      ['dau_tu', 'Đầu tư', 'Investment'],
      ['dat_dai', 'Đất đai', 'Land'],
      ['xay_dung', 'Xây dựng', 'Construction permits'],
      ['moi_truong', 'Tài nguyên, môi trường', 'Natural resources, environment'],
      ['lao_dong', 'Lao động, bảo hiểm xã hội', 'Labour, social insurance'],
      ['khac', 'Lĩnh vực khác', 'Other'],
    ]),
  },
];

const single = (code: string, role: Question['role'], scale: string, text: Text, extra: Partial<Question> = {}): Question => ({
  code,
  role,
  type: 'single',
  scale,
  text,
  ...extra,
});

const profileQuestions: Question[] = [
  single('org_type', 'profile', 'org_type', { vi: 'Loại hình tổ chức, doanh nghiệp', en: 'Type of organisation' }, { required: true }),
  single('org_size', 'profile', 'org_size', { vi: 'Quy mô (số lao động)', en: 'Size (number of workers)' }, { required: true }),
  single('org_field', 'profile', 'org_field', { vi: 'Lĩnh vực hoạt động chính', en: 'Main field of activity' }),
  single('procedure_field', 'profile', 'procedure_field', {
    vi: 'Thủ tục hành chính tổ chức, doanh nghiệp đã giải quyết thuộc lĩnh vực nào?',
    en: 'Which field was the procedure the organisation went through in?',
  }),
  {
    code: 'procedure_name',
    role: 'profile',
    type: 'text',
    maxLength: 200,
    text: { vi: 'Tên thủ tục hành chính (nếu nhớ)', en: 'Name of the procedure (if you remember it)' },
  },
];

const screeningQuestions: Question[] = [
  single(
    'had_procedure',
    'screening',
    'yes_no',
    {
      vi: 'Trong thời gian qua, Ông/Bà (đại diện tổ chức, doanh nghiệp) có trực tiếp giải quyết thủ tục hành chính cho tổ chức, doanh nghiệp tại cơ quan nhà nước không?',
      en: 'In this period, did you, for your organisation, go through an administrative procedure at a state agency?',
    },
    { required: true },
  ),
  single(
    'made_feedback',
    'screening',
    'yes_no',
    {
      vi: 'Khi giải quyết thủ tục hành chính, tổ chức, doanh nghiệp của Ông/Bà có phản ánh, kiến nghị với cơ quan nhà nước không?',
      en: 'While going through the procedure, did your organisation make a complaint or suggestion to the agency?',
    },
    { required: true, showIf: yes },
  ),
];

const item = (code: string, vi: string, en: string): Question => ({ code, role: 'satisfaction', type: 'rating', scale: 'satisfaction5', text: { vi, en } });

const items: Record<string, Question[]> = {
  B1: [
    item('B1_1', 'Trụ sở có biển hiệu, hướng dẫn rõ ràng, dễ thấy', 'The office has clear, visible signs and directions'),
    item('B1_2', 'Có đủ chỗ ngồi, bàn viết cho người đến giao dịch', 'There are enough seats and writing desks'),
    item(
      'B1_3',
      'Trang thiết bị phục vụ tổ chức, doanh nghiệp đầy đủ, chất lượng tốt (kể cả dịch vụ công trực tuyến)',
      'Equipment, online services included, is adequate and in good order',
    ),
  ],
  B2: [
    item('B2_1', 'Quy định thủ tục hành chính được niêm yết công khai, dễ thấy, dễ hiểu', 'Procedure rules are posted visibly and understandably'),
    item('B2_2', 'Thành phần hồ sơ tổ chức, doanh nghiệp phải nộp là đúng quy định', 'The documents required are as prescribed'),
    item('B2_3', 'Mức phí/lệ phí tổ chức, doanh nghiệp phải nộp là đúng quy định', 'The fees charged are as prescribed'),
    item('B2_4', 'Thời hạn giải quyết thủ tục hành chính cho tổ chức, doanh nghiệp là đúng quy định', 'The processing time is as prescribed'),
  ],
  B3: [
    item('B3_1', 'Công chức có thái độ giao tiếp lịch sự, tôn trọng đối với đại diện tổ chức, doanh nghiệp', 'Civil servants are polite and respectful'),
    item('B3_2', 'Công chức trả lời kịp thời, đầy đủ các câu hỏi, ý kiến của tổ chức, doanh nghiệp', 'Civil servants answer questions fully and promptly'),
    item(
      'B3_3',
      'Công chức hướng dẫn hồ sơ dễ hiểu, đảm bảo tổ chức, doanh nghiệp có thể hoàn thiện hồ sơ sau một lần hướng dẫn',
      'Civil servants’ guidance lets the organisation complete the file after one explanation',
    ),
    item('B3_4', 'Công chức tuân thủ đúng quy định trong giải quyết công việc', 'Civil servants follow the rules'),
    item('B3_5', 'Công chức tận tình trong quá trình giải quyết công việc cho tổ chức, doanh nghiệp', 'Civil servants are attentive and helpful'),
  ],
  B4: [
    item('B4_1', 'Kết quả giải quyết thủ tục hành chính được trả đúng hẹn', 'The result was returned on time'),
    item('B4_2', 'Kết quả giải quyết thủ tục hành chính có thông tin đầy đủ, chính xác', 'The result was complete and accurate'),
    item('B4_3', 'Kết quả giải quyết thủ tục hành chính được công khai đầy đủ, kịp thời', 'The result was published fully and promptly'),
  ],
  B5: [
    item(
      'B5_1',
      'Cơ quan có bố trí hình thức tiếp nhận phản ánh, kiến nghị, giúp tổ chức, doanh nghiệp phản ánh, kiến nghị dễ dàng',
      'The agency makes it easy to file a complaint or suggestion',
    ),
    item(
      'B5_2',
      'Cơ quan tiếp nhận, xử lý phản ánh, kiến nghị của tổ chức, doanh nghiệp đúng quy định',
      'The agency handles complaints and suggestions as prescribed',
    ),
    item('B5_3', 'Cơ quan thông báo kết quả xử lý phản ánh, kiến nghị kịp thời', 'The agency notifies the outcome promptly'),
  ],
};

const serviceOpinionQuestions: Question[] = [
  single(
    'harassment',
    'opinion',
    'frequency3',
    {
      vi: 'Công chức có gây phiền hà, sách nhiễu đối với tổ chức, doanh nghiệp của Ông/Bà không?',
      en: 'Did civil servants cause your organisation trouble or harassment?',
    },
    { showIf: yes },
  ),
  single(
    'overpay',
    'opinion',
    'frequency3',
    {
      vi: 'Tổ chức, doanh nghiệp có bị yêu cầu nộp thêm tiền ngoài phí, lệ phí theo quy định không?',
      en: 'Was your organisation asked to pay more than the prescribed fees?',
    },
    { showIf: yes },
  ),
  single('prefer_submit', 'opinion', 'mode3', {
    vi: 'Tổ chức, doanh nghiệp muốn nộp hồ sơ, nhận kết quả bằng hình thức nào?',
    en: 'How would your organisation like to submit files and receive results?',
  }),
];

const expectationQuestions: Question[] = [
  ['E1', 'Nâng cao chất lượng cung cấp thông tin cho tổ chức, doanh nghiệp', 'Better information for organisations'],
  ['E2', 'Đơn giản hóa thủ tục hành chính, giảm thành phần hồ sơ', 'Simpler procedures, fewer documents'],
  ['E3', 'Rút ngắn thời gian giải quyết thủ tục hành chính', 'Shorter processing times'],
  ['E4', 'Cải thiện thái độ phục vụ của công chức', 'Better attitude of civil servants'],
  ['E5', 'Đẩy mạnh dịch vụ công trực tuyến, chuyển đổi số', 'More online services and digital transformation'],
  ['E6', 'Nâng cao chất lượng tiếp nhận, giải quyết phản ánh, kiến nghị', 'Better handling of feedback and complaints'],
].map(([code, vi, en]) => ({ code, role: 'expectation' as const, type: 'single' as const, scale: 'priority3', text: { vi, en } }));

const commentQuestion: Question = {
  code: 'comment',
  role: 'comment',
  type: 'text',
  maxLength: 2000,
  text: { vi: 'Ý kiến khác của tổ chức, doanh nghiệp (nếu có)', en: 'Any other comments from your organisation (optional)' },
};

const codes = (qs: Question[]) => qs.map((q) => q.code);
const serviceElements = ['B1', 'B2', 'B3', 'B4', 'B5'];

export const sipasOrganisations2024: QuestionnaireInput = {
  version: '2024-to-chuc',
  respondentType: 'organisation',
  title: {
    vi: 'Phiếu khảo sát SIPAS 2024 dành cho tổ chức, doanh nghiệp',
    en: 'SIPAS questionnaire 2024 for organisations and businesses',
  },
  intro: {
    vi: 'Phiếu này dành cho tổ chức, doanh nghiệp: Ông/Bà trả lời với tư cách đại diện tổ chức, doanh nghiệp đã giải quyết thủ tục hành chính. Phiếu không hỏi tên tổ chức hay người trả lời. Mỗi câu chọn một mức độ phù hợp nhất với ý kiến của tổ chức, doanh nghiệp.',
    en: 'This form is for organisations and businesses: you answer as the representative of an organisation that went through an administrative procedure. It does not ask the name of the organisation or of the respondent. For each statement choose the level that best matches your organisation’s view.',
  },
  scales,
  questions: [
    ...profileQuestions,
    ...screeningQuestions,
    ...serviceElements.flatMap((code) => items[code]),
    ...serviceOpinionQuestions,
    ...expectationQuestions,
    commentQuestion,
  ],
  sections: [
    { code: 'profile', title: { vi: 'Thông tin về tổ chức, doanh nghiệp', en: 'About the organisation' }, questions: codes(profileQuestions) },
    { code: 'experience', title: { vi: 'Trải nghiệm của tổ chức, doanh nghiệp', en: 'Your organisation’s experience' }, questions: codes(screeningQuestions) },
    ...serviceElements.map((code) => ({
      code,
      title: elementLabels[code],
      questions: codes(items[code]),
      showIf: code === 'B5' ? { all: [yes, complained] } : yes,
    })),
    { code: 'service_opinion', title: { vi: 'Ý kiến về dịch vụ hành chính công', en: 'Views on public services' }, questions: codes(serviceOpinionQuestions) },
    {
      code: 'expectations',
      title: { vi: 'Mong đợi của tổ chức, doanh nghiệp', en: 'What your organisation would like improved' },
      description: { vi: 'Mức độ mong muốn cơ quan nhà nước tập trung ưu tiên nguồn lực để cải thiện', en: 'How much should the state prioritise improving…' },
      questions: codes(expectationQuestions),
    },
    { code: 'comment', title: { vi: 'Ý kiến khác', en: 'Other comments' }, questions: [commentQuestion.code] },
  ],
  parts: [{ code: 'service', label: partLabels.service, elements: serviceElements }],
  elements: serviceElements.map((code) => ({ code, part: 'service', label: elementLabels[code], items: codes(items[code]) })),
  aggregation: {
    satisfiedValues: [4, 5],
    validValues: [1, 2, 3, 4, 5],
    // Organisations are asked about service delivery only: their overall index is the service index.
    overall: { code: 'SIPAS', weights: { service: 1 } },
  },
};
