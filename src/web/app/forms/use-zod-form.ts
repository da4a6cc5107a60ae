import type { FormInstance } from 'antd';
import { useMemo } from 'react';
import type { z } from 'zod';
import { isApiError } from '../api/api-client';

interface FieldIssue {
  path: string;
  message: string;
}

/**
 * The first path segment names the form field (postIds.2 → postIds); under a group named in
 * `groups` the first two do (enterprise.regionCode → ['enterprise', 'regionCode']).
 */
function toFields(issues: FieldIssue[], groups: readonly string[] = []) {
  const byField = new Map<string, string[]>();
  for (const issue of issues) {
    const parts = issue.path.split('.');
    const field = (groups.includes(parts[0] ?? '') && parts.length > 1 ? parts.slice(0, 2) : parts.slice(0, 1)).join('.');
    if (!field) continue;
    byField.set(field, [...(byField.get(field) ?? []), issue.message]);
  }
  return [...byField].map(([name, errors]) => ({ name: name.split('.'), errors }));
}

/**
 * Validates antd form values with the shared zod schema the server uses, and puts both client
 * and server (problem+json `errors`) messages on the fields they concern.
 */
export function useZodForm<Out>(form: FormInstance, schema: z.ZodType<Out>, groups: readonly string[] = []) {
  return useMemo(
    () => ({
      /** Parses `values`; on success calls `onValid`, otherwise marks the fields. Returns whether it was valid. */
      submit(values: unknown, onValid: (parsed: Out) => void): boolean {
        const result = schema.safeParse(values);
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
