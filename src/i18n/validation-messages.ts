import type { z } from 'zod';
import type { Locale } from './locale.js';

/**
 * Validation messages a person understands, for the server's problem+json and the web forms alike
 * (issue 8 §9: no `必须满足正则表达式 /^\d{6}$/` on a form). zod's own locale texts name types and
 * regular expressions; this map says what to type instead. Returns undefined to keep a schema's own
 * message (custom refinements already speak to people).
 */
type Texts = Record<Locale, string>;
const t = (zh: string, en: string): Texts => ({ 'zh-CN': zh, 'en-US': en });

/** The patterns the shared schemas use, and what they ask for in words. */
const patternTexts: [RegExp, Texts][] = [
  [/^\^\\d\{6\}\$$/, t('请填写 6 位数字', 'Enter 6 digits')],
  [/^\^\\d\{9\}\$$/, t('请填写 9 位数字（县的 6 位加乡镇的 3 位）', "Enter 9 digits (the county's 6 and the town's 3)")],
  [/^\^1\\d\{10\}\$$/, t('请填写 11 位手机号码（以 1 开头）', 'Enter an 11-digit mobile number starting with 1')],
  [/^\^\\d\{4,8\}\$$/, t('请填写 4 到 8 位数字', 'Enter 4 to 8 digits')],
  [/^\^\[A-Za-z0-9_\.@-\]\+\$$/, t('只能包含英文字母、数字和 _ . @ -', 'Use only letters, digits and _ . @ -')],
  [/^\^\\d\{2\}:\\d\{2\}\$$/, t('请按“时:分”填写，如 08:30', 'Enter a time as hh:mm, e.g. 08:30')],
  [/^\^\[0-9\+\\-\(\) \]\{3,30\}\$$/, t('请填写电话号码：3 到 30 位数字，可含 + - 括号和空格', 'Enter a phone number: 3 to 30 digits, with + - brackets or spaces if needed')],
];

const formatTexts: Record<string, Texts> = {
  uuid: t('请从列表中选择', 'Choose from the list'),
  email: t('请填写有效的电子邮箱', 'Enter a valid e-mail address'),
  date: t('请按“年-月-日”填写日期，如 2026-12-01', 'Enter a date as YYYY-MM-DD, e.g. 2026-12-01'),
  datetime: t('请填写有效的日期和时间', 'Enter a valid date and time'),
  time: t('请按“时:分”填写时间', 'Enter a time as hh:mm'),
  url: t('请填写有效的网址', 'Enter a valid web address'),
};

const typeTexts: Record<string, Texts> = {
  number: t('请填写数字', 'Enter a number'),
  int: t('请填写整数', 'Enter a whole number'),
  string: t('请填写文字', 'Enter text'),
  boolean: t('请选择是或否', 'Choose yes or no'),
  array: t('请选择一项或多项', 'Choose one or more'),
  object: t('内容不完整', 'This part is incomplete'),
  date: t('请填写有效的日期', 'Enter a valid date'),
};

const fill = (text: string, values: Record<string, string | number>) => text.replace(/\{(\w+)\}/g, (_, k: string) => String(values[k] ?? ''));

function isEmpty(input: unknown): boolean {
  return input === undefined || input === null || (typeof input === 'string' && input.trim() === '');
}

type Issue = z.core.$ZodRawIssue;

export function humanIssueMessage(issue: Issue, locale: Locale): string | undefined {
  const pick = (texts: Texts) => texts[locale];
  switch (issue.code) {
    case 'invalid_type': {
      if (isEmpty(issue.input)) return pick(t('此项必填', 'Required'));
      return pick(typeTexts[issue.expected] ?? t('填写的内容类型不对', 'This value has the wrong type'));
    }
    case 'invalid_value':
      if (isEmpty(issue.input)) return pick(t('此项必填', 'Required'));
      return pick(t('请从列表中选择', 'Choose from the list'));
    case 'too_small': {
      const n = Number(issue.minimum);
      if (issue.origin === 'string') {
        return n <= 1 ? pick(t('此项必填', 'Required')) : fill(pick(t('至少填写 {n} 个字符', 'Enter at least {n} characters')), { n });
      }
      if (issue.origin === 'array' || issue.origin === 'set') {
        return n <= 1 ? pick(t('请至少选择一项', 'Choose at least one')) : fill(pick(t('请至少选择 {n} 项', 'Choose at least {n}')), { n });
      }
      if (issue.origin === 'number' || issue.origin === 'int' || issue.origin === 'bigint') {
        return fill(pick(issue.inclusive ? t('不能小于 {n}', 'Must be at least {n}') : t('必须大于 {n}', 'Must be more than {n}')), { n });
      }
      return undefined;
    }
    case 'too_big': {
      const n = Number(issue.maximum);
      if (issue.origin === 'string') return fill(pick(t('最多填写 {n} 个字符', 'Enter at most {n} characters')), { n });
      if (issue.origin === 'array' || issue.origin === 'set') return fill(pick(t('最多选择 {n} 项', 'Choose at most {n}')), { n });
      if (issue.origin === 'number' || issue.origin === 'int' || issue.origin === 'bigint') {
        return fill(pick(issue.inclusive ? t('不能大于 {n}', 'Must be at most {n}') : t('必须小于 {n}', 'Must be less than {n}')), { n });
      }
      return undefined;
    }
    case 'invalid_format': {
      if (issue.format === 'regex' && 'pattern' in issue) {
        // zod hands the pattern over as the text "/^\d{6}$/" (slashes and flags included).
        const pattern = (issue as { pattern: RegExp | string }).pattern;
        const source = pattern instanceof RegExp ? pattern.source : String(pattern).replace(/^\/(.*)\/[a-z]*$/s, '$1');
        const known = patternTexts.find(([re]) => re.test(source));
        return pick(known?.[1] ?? t('格式不正确', 'This value is not in the expected form'));
      }
      const format = issue.format.startsWith('iso') ? issue.format.replace(/^iso_?/, '') : issue.format;
      return pick(formatTexts[format] ?? t('格式不正确', 'This value is not in the expected form'));
    }
    case 'not_multiple_of':
      return fill(pick(t('必须是 {n} 的倍数', 'Must be a multiple of {n}')), { n: String(issue.divisor) });
    case 'unrecognized_keys':
      return fill(pick(t('不接受这些字段：{keys}', 'These fields are not accepted: {keys}')), { keys: issue.keys.join(', ') });
    case 'invalid_union':
      return pick(t('填写的内容不符合要求', 'This value is not accepted'));
    default:
      return undefined;
  }
}

/**
 * Names of the fields people see on the first forms, so a problem's `detail` reads
 * "所在地区：请从列表中选择" rather than "regionCode — …". Unknown paths stay as they are.
 */
export const fieldLabels: Record<string, Texts> = {
  name: t('名称', 'Name'),
  creditCode: t('统一社会信用代码', 'Unified social credit code'),
  industry: t('行业', 'Industry'),
  regionCode: t('所在地区', 'Region'),
  address: t('地址', 'Address'),
  headcount: t('从业人员数', 'Headcount'),
  revenueCny: t('营业收入', 'Revenue'),
  principalName: t('主要负责人', 'Principal'),
  principalPhone: t('主要负责人电话', "Principal's phone"),
  username: t('用户名', 'Username'),
  password: t('密码', 'Password'),
  newPassword: t('新密码', 'New password'),
  currentPassword: t('当前密码', 'Current password'),
  displayName: t('姓名', 'Name'),
  phone: t('手机号', 'Mobile number'),
  pin: t('PIN 码', 'PIN'),
  role: t('角色', 'Role'),
  personId: t('人员', 'Person'),
  personIds: t('人员', 'People'),
  enterprise: t('企业', 'Enterprise'),
  firstLogin: t('首个账号', 'First login'),
};

/** "所在地区" for regionCode, "首个账号 · 密码" for firstLogin.password, the path itself otherwise. */
export function fieldLabel(path: string, locale: Locale): string {
  if (!path) return '';
  const parts = path.split('.');
  const named = parts.map((p) => fieldLabels[p]?.[locale]);
  if (named.every((n) => n === undefined)) return path;
  return parts.map((p, i) => named[i] ?? (/^\d+$/.test(p) ? `#${Number(p) + 1}` : p)).join(' · ');
}
