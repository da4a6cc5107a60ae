import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createAccountSchema } from '../schemas/auth.js';
import { enterpriseInputSchema } from '../schemas/org.js';
import { fieldLabel, humanIssueMessage, labelOfPath } from './validation-messages.js';

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
  it('says what to type instead of quoting the regular expression, naming the field (issue 8 §9)', () => {
    const zh = messagesOf(enterpriseInputSchema, { ...enterprise, regionCode: '37010', principalPhone: '2390531' });
    expect(zh.regionCode).toBe('所在地区应为 6 位数字。');
    expect(zh.principalPhone).toBe('主要负责人电话应为以 1 开头的 11 位数字。');
    const en = messagesOf(enterpriseInputSchema, { ...enterprise, regionCode: 'abc' }, 'en-US');
    expect(en.regionCode).toBe('The region must be 6 digits.');
    for (const text of [...Object.values(zh), ...Object.values(en)]) expect(text).not.toMatch(/正则|regex|\/\^|expected|期望/i);
  });

  it('asks for a missing value by the field\'s name, and names limits in words, in whole sentences', () => {
    const zh = messagesOf(enterpriseInputSchema, { ...enterprise, name: '  ', headcount: undefined, industry: 'mining', revenueCny: -1, address: 'x'.repeat(201) });
    expect(zh).toMatchObject({ name: '请填写名称。', headcount: '请填写人数。', industry: '请从列表中选择行业。', revenueCny: '营业收入不能小于 0。', address: '地址最多 200 个字。' });
    const en = messagesOf(enterpriseInputSchema, { ...enterprise, name: '', regionCode: undefined, industry: undefined, address: 'x'.repeat(201) }, 'en-US');
    expect(en).toMatchObject({ name: 'Enter the name.', regionCode: 'Choose the region.', industry: 'Choose the industry.', address: 'The address can be at most 200 characters.' });
    expect(messagesOf(enterpriseInputSchema, { ...enterprise, regionCode: undefined }).regionCode).toBe('请选择所在地区。');
    // An empty value is missing, not in the wrong form.
    expect(messagesOf(enterpriseInputSchema, { ...enterprise, regionCode: '' }).regionCode).toBe('请选择所在地区。');
    const account = messagesOf(createAccountSchema, { username: 'a b', displayName: '张三', password: 'short', role: 'worker', headcount: 1 });
    expect(account.username).toBe('用户名只能包含英文字母、数字和 _ . @ -。');
    expect(account.password).toBe('密码至少 8 个字。');
    expect(account['']).toBe('不接受这些字段：headcount。');
  });

  it('uses the label the form shows when it is given one, and a sentence without a name when no label is known', () => {
    const issue = (label?: string, locale: 'zh-CN' | 'en-US' = 'zh-CN') =>
      z.object({ companyName: z.string().min(1) }).safeParse({ companyName: '' }, { error: (i) => humanIssueMessage(i, locale, label) }).error?.issues[0]?.message;
    expect(issue('企业名称')).toBe('请填写企业名称。');
    expect(issue('Enterprise name', 'en-US')).toBe('Enter the enterprise name.');
    expect(issue('PIN', 'en-US')).toBe('Enter the PIN.');
    expect(issue()).toBe('此项必填。');
    expect(issue(undefined, 'en-US')).toBe('This field is required.');
    expect(messagesOf(z.object({ n: z.number().int() }), { n: 1.5 }).n).toBe('此项应填写整数。');
    expect(messagesOf(z.object({ n: z.number() }), { n: 'x' }, 'en-US').n).toBe('This field must be a number.');
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
    expect(fieldLabel('kindOfThing', 'zh-CN')).toBe('kindOfThing');
  });

  it('gives a sentence the last named part of a path', () => {
    expect(labelOfPath('firstLogin.password', 'zh-CN')).toBe('密码');
    expect(labelOfPath(['personIds', 2], 'en-US')).toBe('People');
    expect(labelOfPath('items.0.widgetCount', 'zh-CN')).toBeUndefined();
  });
});
