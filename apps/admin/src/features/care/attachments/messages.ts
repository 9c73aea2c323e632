export const attachmentsZh = {
  'care.files.title': '附件',
  'care.files.hint':
    '可上传 PDF、PNG/JPEG 图片或 Word/Excel（.docx/.xlsx）文件，每个不超过 20 MB，每条记录最多 20 个。附件加密保存，每次下载和删除都会记入审计日志。',
  'care.files.upload': '上传附件',
  'care.files.uploaded': '已上传“{name}”',
  'care.files.empty': '暂无附件',
  'care.files.name': '文件名',
  'care.files.size': '大小',
  'care.files.by': '上传人',
  'care.files.at': '上传时间',
  'care.files.download': '下载',
  'care.files.remove': '删除',
  'care.files.removeTitle': '删除附件“{name}”',
  'care.files.reason': '删除原因',
  'care.files.removed': '附件已删除',
};

type Key = keyof typeof attachmentsZh;

export const attachmentsEn: Record<Key, string> = {
  'care.files.title': 'Files',
  'care.files.hint':
    'PDF, PNG/JPEG images or Word/Excel (.docx/.xlsx), up to 20 MB each and 20 per record. Files are stored encrypted; every download and removal is in the audit log.',
  'care.files.upload': 'Upload a file',
  'care.files.uploaded': 'Uploaded "{name}"',
  'care.files.empty': 'No files',
  'care.files.name': 'File name',
  'care.files.size': 'Size',
  'care.files.by': 'Uploaded by',
  'care.files.at': 'Uploaded at',
  'care.files.download': 'Download',
  'care.files.remove': 'Remove',
  'care.files.removeTitle': 'Remove "{name}"',
  'care.files.reason': 'Reason',
  'care.files.removed': 'File removed',
};
