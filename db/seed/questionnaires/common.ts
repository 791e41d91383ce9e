/**
 * Pieces shared by the SIPAS questionnaire versions. Wording follows the Ministry's household form
 * as publicly transcribed (see shared SIPAS.md, appendix); English is our translation.
 */
import type { QuestionnaireInput } from '../../../analysis/questionnaire/definition.ts';

type Question = QuestionnaireInput['questions'][number];
type Section = QuestionnaireInput['sections'][number];
type Text = { vi: string; en?: string };

const yes = { question: 'had_procedure', equals: 'yes' } as const;
const complained = { question: 'made_feedback', equals: 'yes' } as const;

export const scales: QuestionnaireInput['scales'] = [
  {
    code: 'satisfaction5',
    options: [
      { value: 1, label: { vi: 'Rất không hài lòng', en: 'Very dissatisfied' } },
      { value: 2, label: { vi: 'Không hài lòng', en: 'Dissatisfied' } },
      { value: 3, label: { vi: 'Bình thường', en: 'Neutral' } },
      { value: 4, label: { vi: 'Hài lòng', en: 'Satisfied' } },
      { value: 5, label: { vi: 'Rất hài lòng', en: 'Very satisfied' } },
    ],
  },
  {
    code: 'yes_no',
    options: [
      { value: 'yes', label: { vi: 'Có', en: 'Yes' } },
      { value: 'no', label: { vi: 'Không', en: 'No' } },
    ],
  },
  {
    code: 'sex',
    options: [
      { value: 'nam', label: { vi: 'Nam', en: 'Male' } },
      { value: 'nu', label: { vi: 'Nữ', en: 'Female' } },
    ],
  },
  {
    code: 'age_group',
    options: [
      { value: '18_25', label: { vi: 'Từ 18 đến 25 tuổi', en: '18–25' } },
      { value: '26_34', label: { vi: 'Từ 26 đến 34 tuổi', en: '26–34' } },
      { value: '35_49', label: { vi: 'Từ 35 đến 49 tuổi', en: '35–49' } },
      { value: '50_60', label: { vi: 'Từ 50 đến 60 tuổi', en: '50–60' } },
      { value: 'over_60', label: { vi: 'Trên 60 tuổi', en: 'Over 60' } },
    ],
  },
  {
    code: 'ethnicity',
    options: [
      { value: 'kinh', label: { vi: 'Kinh', en: 'Kinh' } },
      { value: 'khac', label: { vi: 'Dân tộc khác', en: 'Other ethnic group' } },
    ],
  },
  {
    code: 'education',
    options: [
      { value: 'tieu_hoc', label: { vi: 'Tiểu học', en: 'Primary school' } },
      { value: 'thcs', label: { vi: 'Trung học cơ sở', en: 'Lower secondary' } },
      { value: 'thpt', label: { vi: 'Trung học phổ thông', en: 'Upper secondary' } },
      { value: 'trung_cap', label: { vi: 'Trung cấp, cao đẳng, dạy nghề', en: 'Vocational or college' } },
      { value: 'dai_hoc', label: { vi: 'Đại học trở lên', en: 'University or higher' } },
      { value: 'khac', label: { vi: 'Khác', en: 'Other' } },
    ],
  },
  {
    code: 'occupation',
    options: [
      { value: 'nghi_huu', label: { vi: 'Nghỉ hưu', en: 'Retired' } },
      { value: 'khong_di_lam', label: { vi: 'Không đi làm', en: 'Not working' } },
      { value: 'tu_do', label: { vi: 'Làm nghề tự do', en: 'Self-employed' } },
      { value: 'hoc_sinh', label: { vi: 'Học sinh, sinh viên', en: 'Student' } },
      { value: 'khu_vuc_tu', label: { vi: 'Làm việc trong khu vực tư nhân', en: 'Private sector' } },
      { value: 'khu_vuc_cong', label: { vi: 'Làm việc trong khu vực nhà nước', en: 'Public sector' } },
      { value: 'khac', label: { vi: 'Khác', en: 'Other' } },
    ],
  },
  {
    code: 'area',
    options: [
      { value: 'thanh_thi', label: { vi: 'Thành thị', en: 'Urban' } },
      { value: 'nong_thon', label: { vi: 'Nông thôn', en: 'Rural' } },
    ],
  },
  {
    code: 'terrain',
    options: [
      { value: 'mien_nui', label: { vi: 'Miền núi', en: 'Mountainous' } },
      { value: 'dong_bang', label: { vi: 'Đồng bằng', en: 'Lowland' } },
      { value: 'hai_dao', label: { vi: 'Hải đảo', en: 'Island' } },
    ],
  },
  {
    code: 'interest3',
    options: [
      { value: 'khong', label: { vi: 'Không quan tâm', en: 'Not interested' } },
      { value: 'mot_chut', label: { vi: 'Quan tâm một chút', en: 'Somewhat interested' } },
      { value: 'rat', label: { vi: 'Rất quan tâm', en: 'Very interested' } },
    ],
  },
  {
    code: 'info_channel',
    options: [
      { value: 'loa_xa', label: { vi: 'Loa phát thanh của xã, phường', en: 'Commune loudspeakers' } },
      { value: 'hop_dan_cu', label: { vi: 'Họp khu dân cư', en: 'Neighbourhood meetings' } },
      { value: 'co_quan', label: { vi: 'Cơ quan, công chức nhà nước', en: 'State agencies and officials' } },
      { value: 'nguoi_than', label: { vi: 'Người thân, bạn bè, hàng xóm', en: 'Family, friends, neighbours' } },
      { value: 'bao_dai', label: { vi: 'Đài, truyền hình, báo chí', en: 'Radio, TV, newspapers' } },
      { value: 'internet', label: { vi: 'Internet, mạng xã hội', en: 'Internet, social media' } },
      { value: 'khac', label: { vi: 'Khác', en: 'Other' } },
    ],
  },
  {
    code: 'willingness5',
    options: [
      { value: 1, label: { vi: 'Hoàn toàn không sẵn sàng', en: 'Not at all willing' } },
      { value: 2, label: { vi: 'Không sẵn sàng', en: 'Unwilling' } },
      { value: 3, label: { vi: 'Bình thường', en: 'Neutral' } },
      { value: 4, label: { vi: 'Sẵn sàng', en: 'Willing' } },
      { value: 5, label: { vi: 'Rất sẵn sàng', en: 'Very willing' } },
    ],
  },
  {
    code: 'frequency3',
    options: [
      { value: 'khong_co', label: { vi: 'Không có', en: 'None' } },
      { value: 'mot_so', label: { vi: 'Một số', en: 'Some' } },
      { value: 'nhieu', label: { vi: 'Nhiều', en: 'Many' } },
    ],
  },
  {
    code: 'mode3',
    options: [
      { value: 'truc_tiep', label: { vi: 'Trực tiếp', en: 'In person' } },
      { value: 'truc_tuyen', label: { vi: 'Trực tuyến', en: 'Online' } },
      { value: 'ca_hai', label: { vi: 'Cả hai hình thức', en: 'Both' } },
    ],
  },
  {
    code: 'priority3',
    options: [
      { value: 'rat_nhieu', label: { vi: 'Rất nhiều', en: 'Very much' } },
      { value: 'nhieu', label: { vi: 'Nhiều', en: 'Much' } },
      { value: 'it', label: { vi: 'Ít', en: 'Little' } },
    ],
  },
];

const single = (code: string, scale: string, text: Text, extra: Partial<Question> = {}): Question => ({
  code,
  role: 'opinion',
  type: 'single',
  scale,
  text,
  ...extra,
});

export const profileQuestions: Question[] = [
  single('sex', 'sex', { vi: 'Giới tính', en: 'Sex' }, { role: 'profile', required: true, number: 'I.1' }),
  single('age_group', 'age_group', { vi: 'Độ tuổi', en: 'Age group' }, { role: 'profile', required: true, number: 'I.2' }),
  single('ethnicity', 'ethnicity', { vi: 'Dân tộc', en: 'Ethnic group' }, { role: 'profile', number: 'I.3' }),
  {
    code: 'ethnicity_other',
    role: 'profile',
    type: 'text',
    maxLength: 100,
    number: 'I.3 khác',
    text: { vi: 'Dân tộc khác (ghi rõ)', en: 'Other ethnic group (please specify)' },
    showIf: { question: 'ethnicity', equals: 'khac' },
  },
  single('education', 'education', { vi: 'Trình độ học vấn', en: 'Education' }, { role: 'profile', number: 'I.4' }),
  single('occupation', 'occupation', { vi: 'Nghề nghiệp', en: 'Occupation' }, { role: 'profile', number: 'I.5' }),
  single('area', 'area', { vi: 'Nơi sinh sống', en: 'Place of residence' }, { role: 'profile', number: 'I.6' }),
  single('terrain', 'terrain', { vi: 'Địa bàn sinh sống', en: 'Terrain' }, { role: 'profile', number: 'I.7' }),
];

export const screeningQuestions: Question[] = [
  single(
    'had_procedure',
    'yes_no',
    {
      vi: 'Trong thời gian qua, Ông/Bà có trực tiếp giải quyết thủ tục hành chính tại cơ quan nhà nước không?',
      en: 'In this period, did you yourself go through an administrative procedure at a state agency?',
    },
    { role: 'screening', required: true, number: 'I.8' },
  ),
  single(
    'made_feedback',
    'yes_no',
    {
      vi: 'Khi giải quyết thủ tục hành chính, Ông/Bà có phản ánh, kiến nghị với cơ quan nhà nước không?',
      en: 'While going through the procedure, did you make a complaint or suggestion to the agency?',
    },
    { role: 'screening', required: true, showIf: yes, number: 'I.9' },
  ),
];

/** One satisfaction item: code `<element>_<position>`. */
export const item = (code: string, vi: string, en: string, hint?: Text): Question => ({
  code,
  role: 'satisfaction',
  type: 'rating',
  scale: 'satisfaction5',
  text: { vi, en },
  ...(hint ? { hint } : {}),
});

/** Policies of element A3: the item wording splits into a title and the examples shown smaller. */
export const policies: Array<{ vi: string; en: string; hint?: Text }> = [
  {
    vi: 'Chính sách về phát triển kinh tế - xã hội ở địa phương phù hợp',
    en: 'Local socio-economic development policy is appropriate',
    hint: { vi: 'thu hút đầu tư, kinh doanh, việc làm, tín dụng…', en: 'investment, business, jobs, credit…' },
  },
  {
    vi: 'Chính sách về khám chữa bệnh phù hợp',
    en: 'Health care policy is appropriate',
    hint: {
      vi: 'bệnh viện, phòng khám, trạm y tế; khám, chữa bệnh; bảo hiểm y tế; viện phí… ở cơ sở công',
      en: 'public hospitals, clinics, health stations; treatment; health insurance; fees…',
    },
  },
  {
    vi: 'Chính sách về giáo dục phổ thông phù hợp',
    en: 'General education policy is appropriate',
    hint: {
      vi: 'chương trình, sách giáo khoa, trường lớp, đánh giá học sinh, thủ tục nhập học… ở trường công lập',
      en: 'curriculum, textbooks, schools, assessment, enrolment… in public schools',
    },
  },
  {
    vi: 'Chính sách trật tự, an toàn xã hội phù hợp',
    en: 'Public order and safety policy is appropriate',
    hint: {
      vi: 'quản lý dân cư, trật tự nơi công cộng, an ninh mạng, phòng chống tội phạm…',
      en: 'residence management, public order, cyber security, crime prevention…',
    },
  },
  {
    vi: 'Chính sách về giao thông đường bộ phù hợp',
    en: 'Road transport policy is appropriate',
    hint: { vi: 'xây dựng, phát triển đường bộ; trật tự, an toàn giao thông…', en: 'road building; traffic order and safety…' },
  },
  {
    vi: 'Chính sách về điện sinh hoạt phù hợp',
    en: 'Household electricity policy is appropriate',
    hint: { vi: 'cung cấp, quản lý, phát triển; giá tiền, chất lượng điện…', en: 'supply, management; price and quality…' },
  },
  {
    vi: 'Chính sách về nước sinh hoạt phù hợp',
    en: 'Household water policy is appropriate',
    hint: { vi: 'cung cấp, quản lý, phát triển; giá tiền, chất lượng nước…', en: 'supply, management; price and quality…' },
  },
  {
    vi: 'Chính sách về an sinh xã hội phù hợp',
    en: 'Social security policy is appropriate',
    hint: {
      vi: 'bảo hiểm xã hội, bảo hiểm thất nghiệp; hỗ trợ người có công, người nghèo, người khuyết tật…; hỗ trợ đột xuất khi mất mùa, thiên tai…',
      en: 'social and unemployment insurance; support for veterans, the poor, people with disabilities; emergency relief…',
    },
  },
  { vi: 'Chính sách về cải cách hành chính nhà nước phù hợp', en: 'Public administration reform policy is appropriate' },
];

export const policyItemsA1A2A4 = {
  A1: [
    item(
      'A1_1',
      'Cơ quan nhà nước cung cấp, giải thích thông tin về các chính sách theo nhiều hình thức, giúp mọi người dân dễ tìm, dễ thấy',
      'State agencies provide and explain policy information in many forms, easy for everyone to find',
    ),
    item(
      'A1_2',
      'Cơ quan nhà nước cung cấp thông tin về các chính sách đầy đủ, dễ hiểu đối với người dân',
      'State agencies provide complete, easy-to-understand policy information',
    ),
  ],
  A2: [
    item(
      'A2_1',
      'Cơ quan nhà nước tổ chức xin ý kiến góp ý của người dân đối với các chính sách theo nhiều hình thức, giúp mọi người dân tham gia góp ý kiến dễ dàng',
      'State agencies seek citizens’ views on draft policies in many forms, so everyone can contribute easily',
    ),
    item(
      'A2_2',
      'Cơ quan nhà nước tổ chức nhiều hình thức để người dân phản hồi ý kiến về kết quả, tác động của các chính sách, giúp người dân tham gia phản hồi ý kiến dễ dàng',
      'State agencies offer many ways to give feedback on policy results and impact, so citizens can respond easily',
    ),
  ],
  A4: [
    item(
      'A4_1',
      'Chính sách của địa phương đã góp phần giúp cho kinh tế gia đình của người dân địa phương ngày càng tốt hơn trong thời gian qua',
      'Local policies have helped household economies improve in this period',
    ),
    item(
      'A4_2',
      'Chính sách của địa phương đã góp phần giúp cho chất lượng cuộc sống của người dân địa phương ngày càng tốt hơn trong thời gian qua',
      'Local policies have helped quality of life improve in this period',
    ),
  ],
};

export const serviceItemsB2B3B5 = {
  B2: [
    item(
      'B2_1',
      'Quy định thủ tục hành chính được niêm yết công khai tại trụ sở cơ quan tiếp nhận hồ sơ, trả kết quả giải quyết thủ tục hành chính dễ thấy, dễ hiểu',
      'Procedure rules are posted visibly and understandably at the office',
    ),
    item('B2_2', 'Thành phần hồ sơ người dân phải nộp là đúng quy định', 'The documents required are as prescribed'),
    item('B2_3', 'Mức phí/lệ phí người dân phải nộp là đúng quy định', 'The fees charged are as prescribed'),
    item('B2_4', 'Thời hạn giải quyết thủ tục hành chính cho người dân là đúng quy định', 'The processing time is as prescribed'),
  ],
  B3: [
    item('B3_1', 'Công chức có thái độ giao tiếp lịch sự, tôn trọng đối với người dân', 'Civil servants are polite and respectful'),
    item(
      'B3_2',
      'Công chức cung cấp thông tin, trả lời kịp thời, đầy đủ các câu hỏi, ý kiến của người dân',
      'Civil servants answer questions fully and promptly',
    ),
    item(
      'B3_3',
      'Công chức hướng dẫn hồ sơ dễ hiểu, đảm bảo người dân có thể hoàn thiện hồ sơ sau một lần hướng dẫn',
      'Civil servants’ guidance lets citizens complete the file after one explanation',
    ),
    item('B3_4', 'Công chức tuân thủ đúng quy định trong giải quyết công việc cho người dân', 'Civil servants follow the rules'),
    item('B3_5', 'Công chức tận tình đối với người dân trong quá trình giải quyết công việc', 'Civil servants are attentive and helpful'),
  ],
  B5: [
    item(
      'B5_1',
      'Cơ quan có bố trí hình thức tiếp nhận phản ánh, kiến nghị, giúp người dân phản ánh, kiến nghị dễ dàng',
      'The agency makes it easy to file a complaint or suggestion',
    ),
    item('B5_2', 'Cơ quan tiếp nhận, xử lý phản ánh, kiến nghị của người dân đúng quy định', 'The agency handles complaints and suggestions as prescribed'),
    item('B5_3', 'Cơ quan thông báo kết quả xử lý phản ánh, kiến nghị cho người dân kịp thời', 'The agency notifies the outcome promptly'),
  ],
};

export const elementLabels: Record<string, Text> = {
  A1: { vi: 'Trách nhiệm giải trình của chính quyền', en: 'Accountability' },
  A2: { vi: 'Sự tham gia của người dân', en: 'Participation' },
  A3: { vi: 'Chất lượng chính sách', en: 'Policy quality' },
  A4: { vi: 'Kết quả, tác động của chính sách', en: 'Policy outcomes and impact' },
  B1: { vi: 'Tiếp cận dịch vụ', en: 'Access to services' },
  B2: { vi: 'Thủ tục hành chính', en: 'Administrative procedures' },
  B3: { vi: 'Công chức trực tiếp giải quyết công việc', en: 'Civil servants' },
  B4: { vi: 'Kết quả giải quyết công việc', en: 'Results' },
  B5: { vi: 'Tiếp nhận, xử lý phản ánh, kiến nghị', en: 'Handling of complaints and suggestions' },
};

export const partLabels: Record<string, Text> = {
  policy: { vi: 'Xây dựng, tổ chức thực hiện chính sách', en: 'Policy making and implementation' },
  service: { vi: 'Cung ứng dịch vụ hành chính công', en: 'Public administrative service delivery' },
};

/** Interest in each policy of A3 (Câu 1), one question per policy item. */
export const interestQuestions = (policyCount: number): Question[] =>
  Array.from({ length: policyCount }, (_, i) => ({
    code: `interest_A3_${i + 1}`,
    role: 'opinion' as const,
    type: 'single' as const,
    scale: 'interest3',
    number: `Câu 1.${i + 1}`,
    text: { vi: `Mức độ quan tâm: ${policies[i].vi.replace(/ phù hợp$/, '')}`, en: `Interest: ${policies[i].en.replace(/ is appropriate$/, '')}` },
    relatesTo: `A3_${i + 1}`,
  }));

export const opinionQuestions: Question[] = [
  {
    code: 'info_channels',
    role: 'opinion',
    type: 'multi',
    scale: 'info_channel',
    number: 'Câu 2',
    text: {
      vi: 'Ông/Bà biết thông tin về các chính sách qua những kênh nào? (có thể chọn nhiều)',
      en: 'Through which channels do you learn about policies? (choose any)',
    },
  },
  {
    code: 'info_channels_other',
    role: 'opinion',
    type: 'text',
    maxLength: 200,
    number: 'Câu 2 khác',
    text: { vi: 'Kênh khác (ghi rõ)', en: 'Other channel (please specify)' },
    showIf: { question: 'info_channels', equals: 'khac' },
  },
  single(
    'willingness',
    'willingness5',
    { vi: 'Ông/Bà có sẵn sàng góp ý kiến về các chính sách không?', en: 'Are you willing to give your views on policies?' },
    { number: 'Câu 3' },
  ),
];

export const serviceOpinionQuestions: Question[] = [
  single(
    'harassment',
    'frequency3',
    { vi: 'Công chức có gây phiền hà, sách nhiễu đối với Ông/Bà không?', en: 'Did civil servants cause you trouble or harassment?' },
    { showIf: yes, number: 'Câu 4' },
  ),
  single(
    'overpay',
    'frequency3',
    { vi: 'Ông/Bà có bị yêu cầu nộp thêm tiền ngoài phí, lệ phí theo quy định không?', en: 'Were you asked to pay more than the prescribed fees?' },
    { showIf: yes, number: 'Câu 5' },
  ),
  single(
    'prefer_submit',
    'mode3',
    { vi: 'Ông/Bà muốn nộp hồ sơ, nhận kết quả bằng hình thức nào?', en: 'How would you like to submit files and receive results?' },
    { number: 'Câu 6' },
  ),
  single(
    'prefer_policy_info',
    'mode3',
    { vi: 'Ông/Bà muốn nhận thông tin về chính sách bằng hình thức nào?', en: 'How would you like to receive policy information?' },
    { number: 'Câu 7' },
  ),
];

/** Câu 10: E8 is missing from the public transcription and is left out until its text is known. */
export const expectationQuestions: Question[] = [
  ['E1', 'Nâng cao chất lượng cung cấp thông tin cho người dân', 'Better information for citizens'],
  ['E2', 'Nâng cao chất lượng trụ sở, trang thiết bị', 'Better premises and equipment'],
  ['E3', 'Nâng cao năng lực của cán bộ, công chức, viên chức', 'More competent civil servants'],
  ['E4', 'Cải thiện thái độ phục vụ', 'Better attitude of civil servants'],
  ['E5', 'Đẩy mạnh ứng dụng công nghệ thông tin, chuyển đổi số', 'More IT and digital transformation'],
  ['E6', 'Quan tâm hơn đến nhu cầu, mong đợi của người dân', 'More attention to citizens’ needs'],
  ['E7', 'Nâng cao chất lượng tiếp nhận, giải quyết góp ý, phản ánh, kiến nghị', 'Better handling of feedback and complaints'],
  ['E9', 'Nâng cao chất lượng các chính sách quan trọng đối với đời sống người dân', 'Better policies that matter for daily life'],
  ['E10', 'Nâng cao chất lượng dịch vụ hành chính công', 'Better public administrative services'],
].map(([code, vi, en]) => ({ code, role: 'expectation' as const, type: 'single' as const, scale: 'priority3', text: { vi, en } }));

export const commentQuestion: Question = {
  code: 'comment',
  role: 'comment',
  type: 'text',
  maxLength: 2000,
  number: 'Câu 8',
  text: { vi: 'Ý kiến khác của Ông/Bà (nếu có)', en: 'Any other comments (optional)' },
};

const codes = (qs: Question[]) => qs.map((q) => q.code);

/** Screens in the order the respondent sees them; service screens only after a procedure. */
export function sections(items: Record<string, Question[]>, interest: Question[]): Section[] {
  const element = (code: string, showIf?: Section['showIf']): Section => ({
    code,
    title: elementLabels[code],
    questions: codes(items[code]),
    ...(showIf ? { showIf } : {}),
  });
  return [
    { code: 'profile', title: { vi: 'Thông tin về Ông/Bà', en: 'About you' }, questions: codes(profileQuestions) },
    { code: 'experience', title: { vi: 'Trải nghiệm của Ông/Bà', en: 'Your experience' }, questions: codes(screeningQuestions) },
    { code: 'interest', title: { vi: 'Mức độ quan tâm đến các chính sách', en: 'Interest in policies' }, questions: codes(interest) },
    { code: 'policy_info', title: { vi: 'Thông tin và góp ý về chính sách', en: 'Policy information and participation' }, questions: codes(opinionQuestions) },
    element('A1'),
    element('A2'),
    element('A3'),
    element('A4'),
    element('B1', yes),
    element('B2', yes),
    element('B3', yes),
    element('B4', yes),
    element('B5', { all: [yes, complained] }),
    { code: 'service_opinion', title: { vi: 'Ý kiến về dịch vụ hành chính công', en: 'Views on public services' }, questions: codes(serviceOpinionQuestions) },
    {
      code: 'expectations',
      title: { vi: 'Mong đợi của Ông/Bà', en: 'What you would like improved' },
      description: { vi: 'Mức độ mong muốn cơ quan nhà nước tập trung ưu tiên nguồn lực để cải thiện', en: 'How much should the state prioritise improving…' },
      questions: codes(expectationQuestions),
    },
    { code: 'comment', title: { vi: 'Ý kiến khác', en: 'Other comments' }, questions: [commentQuestion.code] },
  ];
}

export function buildVersion(version: string, title: Text, items: Record<string, Question[]>): QuestionnaireInput {
  const interest = interestQuestions(items.A3.length);
  const elementCodes = Object.keys(elementLabels);
  return {
    version,
    title,
    intro: {
      vi: 'Phiếu khảo sát ẩn danh: không hỏi họ tên, số điện thoại. Mỗi câu chọn một mức độ phù hợp nhất với ý kiến của Ông/Bà.',
      en: 'This survey is anonymous: no name or phone number is asked. For each statement choose the level that best matches your view.',
    },
    scales,
    questions: [
      ...profileQuestions,
      ...screeningQuestions,
      ...interest,
      ...opinionQuestions,
      ...elementCodes.flatMap((code) => items[code]),
      ...serviceOpinionQuestions,
      ...expectationQuestions,
      commentQuestion,
    ],
    sections: sections(items, interest),
    parts: [
      { code: 'policy', label: partLabels.policy, elements: ['A1', 'A2', 'A3', 'A4'] },
      { code: 'service', label: partLabels.service, elements: ['B1', 'B2', 'B3', 'B4', 'B5'] },
    ],
    elements: elementCodes.map((code) => ({
      code,
      part: code.startsWith('A') ? 'policy' : 'service',
      label: elementLabels[code],
      items: codes(items[code]),
    })),
    aggregation: {
      satisfiedValues: [4, 5],
      validValues: [1, 2, 3, 4, 5],
      // The published national 2024 figures fit 0.6 / 0.4 exactly (policy 83.84, service 84.09 → 83.94).
      overall: { code: 'SIPAS', weights: { policy: 0.6, service: 0.4 } },
    },
  };
}
