import type { Locale } from './locale.js';

/**
 * Messages for the stable error codes, shared by the server (problem+json `detail`) and the web
 * app (which shows `detail` as sent). `{name}` placeholders are filled from the error's params.
 */
export const errorMessages = {
  VALIDATION: { 'zh-CN': '提交的内容有误，请检查标出的字段', 'en-US': 'Some fields are invalid; please check them' },
  UNAUTHENTICATED: { 'zh-CN': '请先登录', 'en-US': 'Please log in first' },
  FORBIDDEN: { 'zh-CN': '您没有权限进行此操作', 'en-US': 'You are not allowed to do this' },
  NO_ACTIVE_ENTERPRISE: { 'zh-CN': '请先选择一家企业', 'en-US': 'Choose an enterprise first' },
  NOT_FOUND: { 'zh-CN': '未找到{entity}', 'en-US': '{entity} not found' },
  ROUTE_NOT_FOUND: { 'zh-CN': '接口不存在', 'en-US': 'No such endpoint' },
  CONFLICT: { 'zh-CN': '与已有数据冲突：{detail}', 'en-US': 'Conflicts with existing data: {detail}' },
  INVALID_CREDENTIALS: { 'zh-CN': '用户名或密码错误', 'en-US': 'Wrong username or password' },
  ACCOUNT_LOCKED: {
    'zh-CN': '登录失败次数过多，账号已锁定，请在 {minutes} 分钟后再试',
    'en-US': 'Too many failed logins; the account is locked, try again in {minutes} minutes',
  },
  RATE_LIMITED: { 'zh-CN': '请求过于频繁，请稍后再试', 'en-US': 'Too many requests; try again shortly' },
  WRONG_PASSWORD: { 'zh-CN': '当前密码不正确', 'en-US': 'The current password is wrong' },
  PAYLOAD_TOO_LARGE: { 'zh-CN': '上传的内容过大', 'en-US': 'The upload is too large' },
  BAD_REQUEST: { 'zh-CN': '请求格式有误：{detail}', 'en-US': 'Malformed request: {detail}' },
  IMPORT_INVALID: { 'zh-CN': '导入文件有 {count} 处错误，未导入任何数据', 'en-US': 'Errors found in the file ({count}); nothing was imported' },
  ORG_UNIT_CYCLE: { 'zh-CN': '上级单位不能是自身或其下级', 'en-US': 'A unit cannot be placed under itself or its own sub-unit' },
  ARCHIVED: { 'zh-CN': '{entity}已归档，不能修改', 'en-US': '{entity} is archived and cannot be changed' },
  OUT_OF_TABLE: { 'zh-CN': '{field} 的取值不在评价表中', 'en-US': '{field} is not a value of the evaluation table' },
  UNKNOWN_PROFILE: { 'zh-CN': '未知的评价分级方案：{field}', 'en-US': 'Unknown evaluation profile: {field}' },
  NO_RULE_FIRED: {
    'zh-CN': '直接判定未命中任何规则，且未提供评价基础或判定等级',
    'en-US': 'No direct-judgement rule applies and neither a base evaluation nor a judged level was given',
  },
  FOREIGN_ORIGIN: {
    'zh-CN': '请求来自其他网站，已拒绝（如经反向代理访问，请管理员设置 ALLOWED_ORIGINS）',
    'en-US': 'The request came from another site and was refused (behind a reverse proxy, the operator sets ALLOWED_ORIGINS)',
  },
  NOT_READY: { 'zh-CN': '服务暂不可用（{detail}），请稍后再试', 'en-US': 'Not ready to serve ({detail}); try again shortly' },
  HEADERS_TOO_LARGE: {
    'zh-CN': '请求的地址或请求头过长（合计不能超过 16 KB）',
    'en-US': 'The address or headers of the request are too long (16 KB in all at most)',
  },
  REQUEST_TIMEOUT: { 'zh-CN': '请求发送超时，请重试', 'en-US': 'The request took too long to arrive; please try again' },
  BODY_NOT_JSON: {
    'zh-CN': '请求内容必须是 JSON（Content-Type: application/json），当前为：{detail}',
    'en-US': 'The request body must be JSON (Content-Type: application/json), not {detail}',
  },
  UNSUPPORTED_MEDIA_TYPE: { 'zh-CN': '不支持的文件类型：{detail}', 'en-US': 'Unsupported file type: {detail}' },
  NOT_AN_IMAGE: { 'zh-CN': '上传的内容不是有效的 {mime} 图片', 'en-US': 'The upload is not a valid {mime} image' },
  NOTICE_BOARD_NOT_REQUIRED: {
    'zh-CN': '该区域没有较大及以上风险，无需设置风险公告栏（第十一条只要求较大以上风险区域设置）',
    'en-US': 'This area has no significant or major risk, so no notice board is required (Art. 11 requires one only for such areas)',
  },
  RISK_STATUS_CONFLICT: {
    'zh-CN': '风险当前状态（{status}）不允许此操作：只有员工提出的风险可以采纳或驳回，已驳回的风险不能修改',
    'en-US': 'Not allowed in the risk\'s current status ({status}): only proposed risks are accepted or rejected, rejected ones are not changed',
  },
  INSPECTION_LIST_INCOMPLETE: {
    'zh-CN': '有 {count} 项管控措施没有排查项，不能发布排查清单（第十三条：不应遗漏既定的管控措施）：{measures}',
    'en-US': '{count} control measures have no inspection item, so the list cannot be published (Art. 13: no measure may be left out): {measures}',
  },
  INSPECTION_LIST_NO_RESPONSIBLE: {
    'zh-CN': '有 {count} 个排查项没有责任人，不能发布排查清单（第十三条：清单应明确责任人；可指定人员或“岗位当班人员”）：{items}',
    'en-US': '{count} inspection items have no responsible person, so the list cannot be published (Art. 13: the list names who does each item — a person or "the post\'s holders on duty"): {items}',
  },
  HAZARD_WRONG_STATE: { 'zh-CN': '不能进行此隐患操作：{reasonZh}', 'en-US': 'This hazard action is not possible now: {reasonEn}' },
  HAZARD_NOT_PERMITTED: { 'zh-CN': '不能进行此隐患操作：{reasonZh}', 'en-US': 'You may not do this hazard action: {reasonEn}' },
  ANONYMOUS_REPORTS_DISABLED: { 'zh-CN': '该企业未开放匿名隐患报告', 'en-US': 'This enterprise does not take anonymous hazard reports' },
  REMEDIATION_NOT_EVALUATED: {
    'zh-CN': '重大事故隐患治理完成后，须先由技术人员或专家进行治理评估且结论为合格，才能验收并恢复作业',
    'en-US': 'A major hazard can be accepted and work resumed only after technical staff or experts have evaluated the remediation as passed',
  },
  SIGN_OFF_NOT_EXPECTED: {
    'zh-CN': '{person} 不在此记录的签字人名单中（{role}），不能签字',
    'en-US': '{person} is not listed to sign this record as {role}',
  },
  ALREADY_SIGNED: { 'zh-CN': '{person} 已经签过字了', 'en-US': '{person} has already signed' },
  NOT_SIGNED: { 'zh-CN': '{person} 目前没有生效的签字，无需撤销', 'en-US': '{person} has no signature in force to withdraw' },
  SIGN_OFF_CLOSED: { 'zh-CN': '此记录已不再接受签字：{reasonZh}', 'en-US': 'This record takes no more signatures: {reasonEn}' },
  STANDARDIZATION_STATE: { 'zh-CN': '不能进行此操作：{reasonZh}', 'en-US': 'This is not possible now: {reasonEn}' },
  PERMIT_WRONG_STATE: { 'zh-CN': '作业票当前状态（{status}）不允许此操作', 'en-US': 'Not possible in the permit\'s current state ({status})' },
  PERMIT_CANNOT_START: { 'zh-CN': '还不能开始作业：{reasonZh}', 'en-US': 'The work may not start yet: {reasonEn}' },
  PREWORK_INCOMPLETE: {
    'zh-CN': '{person} 须先勾选一备三查的全部四项，再签字确认',
    'en-US': '{person} must tick all four pre-work checks before signing',
  },
  SCENARIO_NOT_SIGNED: {
    'zh-CN': '岗位人员尚未全部签字确认本版事故假想，暂不能审核：{missing}',
    'en-US': 'Not every worker of the post has signed this revision of the accident scenarios yet, so it cannot be reviewed: {missing}',
  },
  PLAN_INCOMPLETE: {
    'zh-CN': '应急预案缺少以下内容，不能批准（小企业职业安全健康管理体系实施指南 三(五)3）：{missingZh}',
    'en-US': 'The emergency plan lacks these contents and cannot be approved (OHSMS guide for small enterprises III(5)3): {missingEn}',
  },
  PLAN_VERSION_CONFLICT: { 'zh-CN': '预案版本状态不允许此操作：{reasonZh}', 'en-US': 'Not possible in the plan version\'s state: {reasonEn}' },
  DRILL_WRONG_STATE: { 'zh-CN': '演练当前状态不允许此操作：{reasonZh}', 'en-US': 'Not possible in the drill\'s state: {reasonEn}' },
  SETUP_DONE: {
    'zh-CN': '本系统已完成首次设置，请直接登录；新企业由系统管理员或咨询机构登记',
    'en-US': 'This installation is already set up; log in instead. New enterprises are registered by the administrator or a consultancy',
  },
  INVITATION_INVALID: {
    'zh-CN': '邀请链接无效、已使用或已过期，请让安全管理人员重新发送',
    'en-US': 'This invitation link is invalid, used or expired; ask your safety manager for a new one',
  },
  POLICY_VERSION_CONFLICT: { 'zh-CN': '方针版本状态不允许此操作：{reasonZh}', 'en-US': 'Not possible in the policy version\'s state: {reasonEn}' },
  RECORD_WRONG_STATE: { 'zh-CN': '{entity}当前状态不允许此操作：{reasonZh}', 'en-US': 'Not possible in the {entity}\'s state: {reasonEn}' },
  INTERNAL: { 'zh-CN': '服务器内部错误', 'en-US': 'Internal server error' },
} as const satisfies Record<string, Record<Locale, string>>;

export type ErrorCode = keyof typeof errorMessages;

export const entityNames: Record<string, Record<Locale, string>> = {
  enterprise: { 'zh-CN': '企业', 'en-US': 'Enterprise' },
  user: { 'zh-CN': '用户', 'en-US': 'User' },
  org_unit: { 'zh-CN': '组织单位', 'en-US': 'Org unit' },
  post: { 'zh-CN': '岗位', 'en-US': 'Post' },
  person: { 'zh-CN': '人员', 'en-US': 'Person' },
  capa: { 'zh-CN': '纠正预防措施', 'en-US': 'Corrective action' },
  capa_action: { 'zh-CN': '措施', 'en-US': 'Action' },
  internal_audit: { 'zh-CN': '内部审核', 'en-US': 'Internal audit' },
  management_review: { 'zh-CN': '管理评审', 'en-US': 'Management review' },
  monitoring_item: { 'zh-CN': '监测项目', 'en-US': 'Monitoring item' },
  area: { 'zh-CN': '区域', 'en-US': 'Area' },
  equipment: { 'zh-CN': '设备设施', 'en-US': 'Equipment' },
  material: { 'zh-CN': '危险物品', 'en-US': 'Material' },
  membership: { 'zh-CN': '账号授权', 'en-US': 'Membership' },
  reference_set: { 'zh-CN': '参考数据集', 'en-US': 'Reference set' },
  template: { 'zh-CN': '模板', 'en-US': 'Template' },
  hazard: { 'zh-CN': '隐患', 'en-US': 'Hazard' },
  notification: { 'zh-CN': '通知', 'en-US': 'Notification' },
  risk: { 'zh-CN': '风险', 'en-US': 'Risk' },
  ohs_objective: { 'zh-CN': '安全健康目标', 'en-US': 'OHS objective' },
  ohs_policy_version: { 'zh-CN': '安全健康方针', 'en-US': 'OHS policy' },
  change_request: { 'zh-CN': '变更申请', 'en-US': 'Change request' },
  ohs_initial_review: { 'zh-CN': '初始评审', 'en-US': 'Initial review' },
  ohs_review_gap: { 'zh-CN': '评审差距', 'en-US': 'Review gap' },
  ohs_commitment: { 'zh-CN': '安全承诺', 'en-US': 'Commitment' },
  ohs_responsibility_letter: { 'zh-CN': '安全生产责任书', 'en-US': 'Responsibility letter' },
  post_duty_list: { 'zh-CN': '岗位安全生产责任清单', 'en-US': 'Post duty list' },
  inspection_item: { 'zh-CN': '排查项', 'en-US': 'Inspection item' },
  inspection_task: { 'zh-CN': '排查任务', 'en-US': 'Inspection task' },
  attachment: { 'zh-CN': '附件', 'en-US': 'Attachment' },
  control_measure: { 'zh-CN': '管控措施', 'en-US': 'Control measure' },
  floor_plan: { 'zh-CN': '平面图', 'en-US': 'Floor plan' },
  sign_off: { 'zh-CN': '签字记录', 'en-US': 'Sign-off' },
  score_sheet: { 'zh-CN': '评分表', 'en-US': 'Scoring sheet' },
  self_assessment: { 'zh-CN': '自评', 'en-US': 'Self-assessment' },
  score_item: { 'zh-CN': '评分项目', 'en-US': 'Scoring item' },
  standardization_action: { 'zh-CN': '整改措施', 'en-US': 'Corrective action' },
  internal_assessor: { 'zh-CN': '内审员', 'en-US': 'Internal assessor' },
  work_permit: { 'zh-CN': '作业票', 'en-US': 'Work permit' },
  accident_scenario: { 'zh-CN': '事故假想', 'en-US': 'Accident scenario sheet' },
  point_call_card: { 'zh-CN': '手指口述卡', 'en-US': 'Point-and-call card' },
  emergency_plan: { 'zh-CN': '应急预案', 'en-US': 'Emergency plan' },
  emergency_supply: { 'zh-CN': '应急物资', 'en-US': 'Emergency supply' },
  emergency_contact: { 'zh-CN': '应急联系人', 'en-US': 'Emergency contact' },
  emergency_drill: { 'zh-CN': '应急演练', 'en-US': 'Drill' },
  accident: { 'zh-CN': '事故事件记录', 'en-US': 'Accident record' },
  bureau_report: { 'zh-CN': '隐患报告', 'en-US': 'Hazard report' },
  training_session: { 'zh-CN': '培训', 'en-US': 'Training session' },
  certificate: { 'zh-CN': '证书', 'en-US': 'Certificate' },
  device_session: { 'zh-CN': '已记住的手机', 'en-US': 'Remembered phone' },
  account: { 'zh-CN': '账号', 'en-US': 'Login' },
};

export function formatMessage(template: string, params: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => (key in params ? String(params[key]) : whole));
}
