import type { z } from 'zod';
import type { Locale } from './locale.js';

/**
 * Validation messages a person understands, for the server's problem+json and the web forms alike
 * (issue 8 §9: no `必须满足正则表达式 /^\d{6}$/` on a form). zod's own locale texts name types and
 * regular expressions; this map says what to type instead, in a sentence that names the field
 * ("请选择所在地区。" / "Choose the region."). Returns undefined to keep a schema's own message
 * (custom refinements already speak to people).
 */
type Texts = Record<Locale, string>;
const t = (zh: string, en: string): Texts => ({ 'zh-CN': zh, 'en-US': en });

/*
 * A text names its field as {field} inside a sentence and {Field} at its start. In Chinese both are
 * the label ("名称"); in English "the name" and "The name". Without a label: 此项 / this field.
 */

/** The patterns the shared schemas use, and what they ask for in words. */
const patternTexts: [RegExp, Texts][] = [
  [/^\^\\d\{6\}\$$/, t('{Field}应为 6 位数字。', '{Field} must be 6 digits.')],
  [/^\^\\d\{9\}\$$/, t('{Field}应为 9 位数字（县的 6 位加乡镇的 3 位）。', "{Field} must be 9 digits (the county's 6 and the town's 3).")],
  [/^\^1\\d\{10\}\$$/, t('{Field}应为以 1 开头的 11 位数字。', '{Field} must be 11 digits starting with 1.')],
  [/^\^\\d\{4,8\}\$$/, t('{Field}应为 4 到 8 位数字。', '{Field} must be 4 to 8 digits.')],
  [/^\^\[A-Za-z0-9_\.@-\]\+\$$/, t('{Field}只能包含英文字母、数字和 _ . @ -。', '{Field} can contain only letters, digits and _ . @ -.')],
  [/^\^\\d\{2\}:\\d\{2\}\$$/, t('{Field}请按“时:分”填写，如 08:30。', 'Enter {field} as hh:mm, e.g. 08:30.')],
  [
    /^\^\[0-9\+\\-\(\) \]\{3,30\}\$$/,
    t('{Field}应为电话号码：3 到 30 位数字，可含 + - 括号和空格。', '{Field} must be a phone number: 3 to 30 digits, with + - brackets or spaces if needed.'),
  ],
];

const chooseFromList = t('请从列表中选择{field}。', 'Choose {field} from the list.');
const badForm = t('{Field}的格式不正确。', '{Field} is not in the expected form.');

const formatTexts: Record<string, Texts> = {
  uuid: chooseFromList,
  email: t('{Field}应为有效的电子邮箱。', '{Field} must be a valid e-mail address.'),
  date: t('{Field}请按“年-月-日”填写，如 2026-12-01。', 'Enter {field} as YYYY-MM-DD, e.g. 2026-12-01.'),
  datetime: t('{Field}应为有效的日期和时间。', '{Field} must be a valid date and time.'),
  time: t('{Field}请按“时:分”填写。', 'Enter {field} as hh:mm.'),
  url: t('{Field}应为有效的网址。', '{Field} must be a valid web address.'),
};

const typeTexts: Record<string, Texts> = {
  number: t('{Field}应填写数字。', '{Field} must be a number.'),
  int: t('{Field}应填写整数。', '{Field} must be a whole number.'),
  string: t('{Field}应填写文字。', '{Field} must be text.'),
  boolean: t('请为{field}选择是或否。', 'Choose yes or no for {field}.'),
  array: t('请为{field}选择一项或多项。', 'Choose one or more for {field}.'),
  object: t('{Field}的内容不完整。', '{Field} is incomplete.'),
  date: t('{Field}应为有效的日期。', '{Field} must be a valid date.'),
};

const fillIn = t('请填写{field}。', 'Enter {field}.');
const choose = t('请选择{field}。', 'Choose {field}.');
/** "Required" without a name: the field's own label stands right above it. */
const requiredBare = t('此项必填。', 'This field is required.');

/** "Name" → "the name" in an English sentence; "PIN" and "L · Probability" keep their capitals. */
function englishNoun(label: string): string {
  return `the ${/^[A-Z][a-z]/.test(label) ? label[0]?.toLowerCase() + label.slice(1) : label}`;
}

function say(texts: Texts, locale: Locale, label: string | undefined, values: Record<string, string | number> = {}): string {
  if (!label && (texts === fillIn || texts === choose)) return requiredBare[locale];
  const name = label?.trim().replace(/[:：]$/, '');
  const inner = name ? (locale === 'en-US' ? englishNoun(name) : name) : locale === 'en-US' ? 'this field' : '此项';
  const start = locale === 'en-US' ? inner[0]?.toUpperCase() + inner.slice(1) : inner;
  return texts[locale].replace(/\{(\w+)\}/g, (_, k: string) => (k === 'field' ? inner : k === 'Field' ? start : String(values[k] ?? '')));
}

function isEmpty(input: unknown): boolean {
  return input === undefined || input === null || (typeof input === 'string' && input.trim() === '');
}

/** A missing value is asked for with 请选择 / Choose when it is picked (an id, a list, yes/no), 请填写 / Enter otherwise. */
function isPicked(issue: Issue): boolean {
  const key = String(issue.path?.at(-1) ?? '');
  return /Ids?$|^(region|county)Code$/.test(key) || (issue.code === 'invalid_type' && ['array', 'boolean', 'set'].includes(issue.expected));
}

type Issue = z.core.$ZodRawIssue;

/**
 * The sentence for one zod issue. `label` is the field's name as its form shows it; without it the
 * shared `fieldLabels` name the field by its path, and an unknown field gets a sentence without a name.
 */
export function humanIssueMessage(issue: Issue, locale: Locale, label: string | undefined = labelOfPath(issue.path ?? [], locale)): string | undefined {
  const s = (texts: Texts, values?: Record<string, string | number>) => say(texts, locale, label, values);
  switch (issue.code) {
    case 'invalid_type': {
      if (isEmpty(issue.input)) return s(isPicked(issue) ? choose : fillIn);
      return s(typeTexts[issue.expected] ?? t('{Field}填写的内容类型不对。', '{Field} has the wrong type of value.'));
    }
    case 'invalid_value':
      return s(isEmpty(issue.input) ? choose : chooseFromList);
    case 'too_small': {
      const n = Number(issue.minimum);
      if (issue.origin === 'string') {
        return n <= 1 || isEmpty(issue.input) ? s(isPicked(issue) ? choose : fillIn) : s(t('{Field}至少 {n} 个字。', '{Field} must be at least {n} characters.'), { n });
      }
      if (issue.origin === 'array' || issue.origin === 'set') {
        return n <= 1 ? s(t('请至少选择一项{field}。', 'Choose at least one for {field}.')) : s(t('{Field}至少选择 {n} 项。', 'Choose at least {n} for {field}.'), { n });
      }
      if (issue.origin === 'number' || issue.origin === 'int' || issue.origin === 'bigint') {
        return s(issue.inclusive ? t('{Field}不能小于 {n}。', '{Field} must be at least {n}.') : t('{Field}必须大于 {n}。', '{Field} must be more than {n}.'), { n });
      }
      return undefined;
    }
    case 'too_big': {
      const n = Number(issue.maximum);
      if (issue.origin === 'string') return s(t('{Field}最多 {n} 个字。', '{Field} can be at most {n} characters.'), { n });
      if (issue.origin === 'array' || issue.origin === 'set') return s(t('{Field}最多选择 {n} 项。', 'Choose at most {n} for {field}.'), { n });
      if (issue.origin === 'number' || issue.origin === 'int' || issue.origin === 'bigint') {
        return s(issue.inclusive ? t('{Field}不能大于 {n}。', '{Field} must be at most {n}.') : t('{Field}必须小于 {n}。', '{Field} must be less than {n}.'), { n });
      }
      return undefined;
    }
    case 'invalid_format': {
      // An empty field is missing, not in the wrong form ("请选择所在地区。", not "所在地区应为 6 位数字。").
      if (isEmpty(issue.input)) return s(isPicked(issue) ? choose : fillIn);
      if (issue.format === 'regex' && 'pattern' in issue) {
        // zod hands the pattern over as the text "/^\d{6}$/" (slashes and flags included).
        const pattern = (issue as { pattern: RegExp | string }).pattern;
        const source = pattern instanceof RegExp ? pattern.source : String(pattern).replace(/^\/(.*)\/[a-z]*$/s, '$1');
        return s(patternTexts.find(([re]) => re.test(source))?.[1] ?? badForm);
      }
      const format = issue.format.startsWith('iso') ? issue.format.replace(/^iso_?/, '') : issue.format;
      return s(formatTexts[format] ?? badForm);
    }
    case 'not_multiple_of':
      return s(t('{Field}必须是 {n} 的倍数。', '{Field} must be a multiple of {n}.'), { n: String(issue.divisor) });
    case 'unrecognized_keys':
      return s(t('不接受这些字段：{keys}。', 'These fields are not accepted: {keys}.'), { keys: issue.keys.join(', ') });
    case 'invalid_union':
      return s(t('{Field}填写的内容不符合要求。', '{Field} has a value that is not accepted.'));
    default:
      return undefined;
  }
}

/**
 * The same sentence for a form's own antd rule (`rules={[{ required: true }]}` with no message of
 * its own); antd fills in the Form.Item's label.
 */
export const requiredRuleMessage: Texts = t('请填写${label}。', '${label} is required.');

/** The same for a required pick (a Select with no message of its own): "请选择L · 可能性。" / "Choose L · Probability.". */
export const chooseRuleMessage: Texts = t('请选择${label}。', 'Choose ${label}.');

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
  headcount: t('人数', 'Headcount'),
  kind: t('类型', 'Type'),
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
  // People (POST /people) and the places they work.
  orgUnitId: t('所属单位', 'Org unit'),
  postId: t('岗位', 'Post'),
  postIds: t('岗位', 'Posts'),
  areaId: t('区域', 'Area'),
  hireDate: t('入职日期', 'Hire date'),
  isContractor: t('相关方人员', 'Contractor'),
  // Hazard reports (POST /hazards).
  description: t('描述', 'Description'),
  photoIds: t('照片', 'Photos'),
  measureId: t('管控措施', 'Control measure'),
  reporterName: t('报告人姓名', "Reporter's name"),
  reporterPhone: t('报告人电话', "Reporter's phone"),
  title: t('标题', 'Title'),
  note: t('备注', 'Note'),
  emergencyPhone: t('应急电话', 'Emergency phone'),
};

/**
 * The name a sentence gives the field at `path`: its last named part ("密码" for firstLogin.password,
 * "人员" for personIds.2); undefined when `fieldLabels` does not know it.
 */
export function labelOfPath(path: readonly PropertyKey[] | string, locale: Locale): string | undefined {
  const parts = typeof path === 'string' ? path.split('.') : path.map(String);
  const last = parts.filter((p) => !/^\d+$/.test(p)).at(-1);
  return last === undefined ? undefined : fieldLabels[last]?.[locale];
}

/** "所在地区" for regionCode, "首个账号 · 密码" for firstLogin.password, the path itself otherwise. */
export function fieldLabel(path: string, locale: Locale): string {
  if (!path) return '';
  const parts = path.split('.');
  const named = parts.map((p) => fieldLabels[p]?.[locale]);
  if (named.every((n) => n === undefined)) return path;
  return parts.map((p, i) => named[i] ?? (/^\d+$/.test(p) ? `#${Number(p) + 1}` : p)).join(' · ');
}
