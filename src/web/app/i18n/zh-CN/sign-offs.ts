import type { Widen } from '../widen';

/** 中文 — sign-offs (签字确认). Assembled in ./index.ts; en-US/sign-offs.ts has exactly the same keys. */
export const signOffsMessages = {
  signOffUi: {
    title: '签字确认',
    progress: '已签 {{signed}} / {{total}}',
    expected: '应签',
    waiting: '待签字',
    signed: '已签字',
    empty: '尚无签字记录',
    closed: '此记录已不再接受签字',
    col: { person: '签字人', role: '身份', action: '事项', method: '方式', signedAt: '签字时间（服务器）', clientSignedAt: '手机时间', device: '设备', signature: '签名', note: '说明' },
    action: { sign: '签字', revoke: '撤销签字' },
    method: { session: '登录签字', drawn: '手写签名' },
    superseded: '已被后续记录更正',
    onPhoneOf: '在 {{name}} 的账号上签署',
    statement: '签署内容',
  },
} as const;

export type SignOffsMessages = Widen<typeof signOffsMessages>;
