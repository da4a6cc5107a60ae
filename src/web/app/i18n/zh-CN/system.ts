import type { Widen } from '../widen';

/** 中文 — system: accounts, audit log, password. Assembled in ./index.ts; en-US/system.ts has exactly the same keys. */
export const systemMessages = {
  accounts: {
    title: '账号管理',
    username: '用户名',
    displayName: '显示名称',
    phone: '手机号',
    password: '初始密码',
    role: '角色',
    person: '对应人员',
    personNone: '不关联',
    createTitle: '新建账号',
    hint: '为本企业的人员开通登录账号。',
  },
  audit: {
    title: '操作日志',
    at: '时间',
    actor: '操作人',
    entity: '对象',
    entityId: '对象 ID',
    action: '操作',
    before: '修改前',
    after: '修改后',
    from: '开始日期',
    to: '结束日期',
    system: '系统',
  },
  auditEntity: {
    enterprise: '企业',
    org_unit: '部门车间',
    post: '岗位',
    person: '人员',
    area: '场所区域',
    equipment: '设备设施',
    material: '危险物品',
    user: '账号',
    membership: '企业成员',
  },
  auditAction: {
    create: '新建',
    update: '修改',
    archive: '归档',
    restore: '恢复',
    link: '关联',
    lock: '锁定',
    update_profile: '修改资料',
    change_password: '修改密码',
  },
  password: {
    title: '修改密码',
    current: '当前密码',
    new: '新密码',
    confirm: '确认新密码',
    mismatch: '两次输入的新密码不一致',
    hint: '新密码至少 8 位。修改后其他设备上的登录将被退出。',
    changed: '密码已修改',
  },
} as const;

export type SystemMessages = Widen<typeof systemMessages>;
