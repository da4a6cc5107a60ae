import type { FormInstance } from 'antd';
import { useMemo } from 'react';
import type { z } from 'zod';
import { humanIssueMessage } from '../../../i18n/validation-messages.js';
import { isApiError } from '../api/api-client';
import { currentLocale } from '../i18n/i18n';

interface FieldIssue {
  path: string;
  message: string;
}

/**
 * The first path segment names the form field (postIds.2 → postIds); under a group named in
 * `groups` the first two do (enterprise.regionCode → ['enterprise', 'regionCode']).
 */
function fieldOf(path: readonly PropertyKey[], groups: readonly string[]): string[] {
  const parts = path.map(String);
  return groups.includes(parts[0] ?? '') && parts.length > 1 ? parts.slice(0, 2) : parts.slice(0, 1);
}

function toFields(issues: FieldIssue[], groups: readonly string[] = []) {
  const byField = new Map<string, string[]>();
  for (const issue of issues) {
    const field = fieldOf(issue.path.split('.'), groups).join('.');
    if (!field) continue;
    // Two checks of one empty field say the same sentence ("请填写登录用户名。"): shown once.
    const messages = byField.get(field) ?? [];
    if (!messages.includes(issue.message)) byField.set(field, [...messages, issue.message]);
  }
  return [...byField].map(([name, errors]) => ({ name: name.split('.'), errors }));
}

/**
 * The label of the Form.Item holding field `name`, as the person sees it ("企业名称"), found the way
 * antd's own scrollToField finds the field: its control, else the element with the field's id.
 */
function formLabelOf(form: FormInstance, name: string[]): string | undefined {
  if (name.length === 0 || typeof document === 'undefined') return undefined;
  const instance: unknown = form.getFieldInstance(name);
  const candidates = [instance, (instance as { nativeElement?: unknown } | null)?.nativeElement, (instance as { input?: unknown } | null)?.input];
  const formName = (form as { __INTERNAL__?: { name?: string } }).__INTERNAL__?.name;
  const node = candidates.find((c): c is HTMLElement => c instanceof HTMLElement) ?? document.getElementById(formName ? `${formName}_${name.join('_')}` : name.join('_'));
  const label = node?.closest('.ant-form-item')?.querySelector('.ant-form-item-label > label');
  return label?.getAttribute('title')?.trim() || label?.textContent?.trim() || undefined;
}

/**
 * Validates antd form values with the shared zod schema the server uses, and puts both client
 * and server (problem+json `errors`) messages on the fields they concern, each a sentence naming its field.
 */
export function useZodForm<Out>(form: FormInstance, schema: z.ZodType<Out>, groups: readonly string[] = []) {
  return useMemo(
    () => ({
      /** Parses `values`; on success calls `onValid`, otherwise marks the fields. Returns whether it was valid. */
      submit(values: unknown, onValid: (parsed: Out) => void): boolean {
        // Each message names its field by the label on this form ("请填写企业名称。"); without one, by
        // the shared field names (src/i18n/validation-messages.ts), as the server does.
        const locale = currentLocale();
        const result = schema.safeParse(values, { error: (issue) => humanIssueMessage(issue, locale, formLabelOf(form, fieldOf(issue.path ?? [], groups))) });
        if (result.success) {
          onValid(result.data);
          return true;
        }
        form.setFields(toFields(result.error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message })), groups));
        return false;
      },
      /** Spreads a server validation error over the fields; returns true when it did. */
      showServerErrors(error: unknown): boolean {
        if (!isApiError(error) || error.errors.length === 0) return false;
        const fields = toFields(error.errors, groups);
        if (fields.length === 0) return false;
        form.setFields(fields);
        return true;
      },
      /** Pass to Form onValuesChange: an edited field drops its old message. */
      clearChanged(changed: Record<string, unknown>): void {
        const names = Object.entries(changed).flatMap(([name, value]) =>
          groups.includes(name) && value && typeof value === 'object' ? Object.keys(value).map((inner) => [name, inner]) : [[name]],
        );
        const withErrors = names.filter((name) => form.getFieldError(name).length > 0);
        if (withErrors.length) form.setFields(withErrors.map((name) => ({ name, errors: [] })));
      },
      hasFieldErrors(error: unknown): boolean {
        return isApiError(error) && error.errors.some((e) => e.path.length > 0);
      },
    }),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [form, schema, groups.join()],
  );
}
