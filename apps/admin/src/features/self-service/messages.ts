/**
 * Texts of a teacher's own pages (自助服务), spread into the app dictionaries (src/app/i18n). Chinese is
 * the source; `selfEn` must translate each key.
 */
export const selfZh = {
  'menu.myRecord': '我的档案',

  'self.title': '我的档案',
  'self.readOnly': '档案由学校工会维护，您不能直接修改。发现信息有误时，请点击“申请更正”。',
  'self.noRecord': '尚未关联教师档案',
  'self.requestCorrection': '申请更正',
  'self.corrections': '我的更正申请',
  'self.correctionsEmpty': '您还没有提交过更正申请',
  'self.requestTitle': '申请更正档案信息',
  'self.field': '需要更正的项目',
  'self.current': '档案中现为：{value}',
  'self.proposed': '正确的内容',
  'self.proposedPlaceholder': '请写明正确的内容',
  'self.proposedSensitive': '身份证号、手机号、家庭住址提交后只显示打码的内容。',
  'self.note': '说明',
  'self.notePlaceholder': '选填：原因，或可以提供的证明材料',
  'self.submit': '提交',
  'self.submitted': '更正申请已提交，请等待学校工会处理',
};

export type SelfMessageKey = keyof typeof selfZh;

export const selfEn: Record<SelfMessageKey, string> = {
  'menu.myRecord': 'My record',

  'self.title': 'My record',
  'self.readOnly':
    'Your school union keeps this record; you cannot change it yourself. If something is wrong, choose "Ask for a correction".',
  'self.noRecord': 'No teacher record linked yet',
  'self.requestCorrection': 'Ask for a correction',
  'self.corrections': 'My correction requests',
  'self.correctionsEmpty': 'You have not asked for any corrections',
  'self.requestTitle': 'Ask for a correction of my record',
  'self.field': 'What is wrong',
  'self.current': 'The record says: {value}',
  'self.proposed': 'What it should say',
  'self.proposedPlaceholder': 'The correct value',
  'self.proposedSensitive': 'ID number, mobile and address are shown masked once sent.',
  'self.note': 'Note',
  'self.notePlaceholder': 'Optional: why, or what evidence you can provide',
  'self.submit': 'Send',
  'self.submitted': 'Request sent; your school union will look at it',
};
