import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createAccountSchema } from '../schemas/auth.js';
import { enterpriseInputSchema } from '../schemas/org.js';
import { fieldLabel, humanIssueMessage } from './validation-messages.js';

const messagesOf = (schema: z.ZodType, value: unknown, locale: 'zh-CN' | 'en-US' = 'zh-CN') => {
  const result = schema.safeParse(value, { error: (issue) => humanIssueMessage(issue, locale) });
  return result.success ? {} : Object.fromEntries(result.error.issues.map((i) => [i.path.join('.'), i.message]));
};

const enterprise = {
  name: '测试机械厂',
  creditCode: '91370100MA3C4D5E6X',
  industry: 'machinery',
  regionCode: '370102',
  address: '济南',
  headcount: 40,
  revenueCny: 1,
  principalName: '王',
};

describe('humanIssueMessage', () => {
  it('says what to type instead of quoting the regular expression (issue 8 §9)', () => {
    const zh = messagesOf(enterpriseInputSchema, { ...enterprise, regionCode: '37010', principalPhone: '2390531' });
    expect(zh.regionCode).toBe('请填写 6 位数字');
    expect(zh.principalPhone).toBe('请填写 11 位手机号码（以 1 开头）');
    const en = messagesOf(enterpriseInputSchema, { ...enterprise, regionCode: 'abc' }, 'en-US');
    expect(en.regionCode).toBe('Enter 6 digits');
    for (const text of [...Object.values(zh), ...Object.values(en)]) expect(text).not.toMatch(/正则|regex|\/\^|expected|期望/i);
  });

  it('calls a missing or blank value required, and names limits in words', () => {
    const zh = messagesOf(enterpriseInputSchema, { ...enterprise, name: '  ', headcount: undefined, industry: 'mining', revenueCny: -1, address: 'x'.repeat(201) });
    expect(zh).toMatchObject({ name: '此项必填', headcount: '此项必填', industry: '请从列表中选择', revenueCny: '不能小于 0', address: '最多填写 200 个字符' });
    const account = messagesOf(createAccountSchema, { username: 'a b', displayName: '张三', password: 'short', role: 'worker', headcount: 1 });
    expect(account.username).toBe('只能包含英文字母、数字和 _ . @ -');
    expect(account.password).toBe('至少填写 8 个字符');
    expect(account['']).toBe('不接受这些字段：headcount');
    expect(messagesOf(z.object({ n: z.number().int() }), { n: 1.5 }).n).toBe('请填写整数');
    expect(messagesOf(z.object({ n: z.number() }), { n: 'x' }).n).toBe('请填写数字');
  });

  it('keeps a schema\'s own message (refinements already speak to people)', () => {
    const schema = z.object({ a: z.string().refine((v) => v === 'ok', { message: '只能是 ok' }) });
    expect(messagesOf(schema, { a: 'no' }).a).toBe('只能是 ok');
  });
});

describe('fieldLabel', () => {
  it('names known fields as the form does and leaves unknown paths alone', () => {
    expect(fieldLabel('regionCode', 'zh-CN')).toBe('所在地区');
    expect(fieldLabel('firstLogin.password', 'en-US')).toBe('First login · Password');
    expect(fieldLabel('personIds.2', 'zh-CN')).toBe('人员 · #3');
    expect(fieldLabel('kind', 'zh-CN')).toBe('kind');
  });
});
