import type { FormInstance } from 'antd';
import { useMemo } from 'react';
import type { z } from 'zod';
import { isApiError } from '../api/api-client';

interface FieldIssue {
  path: string;
  message: string;
}

/** The first path segment names the form field (postIds.2 → postIds). */
function toFields(issues: FieldIssue[]) {
  const byField = new Map<string, string[]>();
  for (const issue of issues) {
    const field = issue.path.split('.')[0] || '';
    if (!field) continue;
    byField.set(field, [...(byField.get(field) ?? []), issue.message]);
  }
  return [...byField].map(([name, errors]) => ({ name, errors }));
}

/**
 * Validates antd form values with the shared zod schema the server uses, and puts both client
 * and server (problem+json `errors`) messages on the fields they concern.
 */
export function useZodForm<Out>(form: FormInstance, schema: z.ZodType<Out>) {
  return useMemo(
    () => ({
      /** Parses `values`; on success calls `onValid`, otherwise marks the fields. Returns whether it was valid. */
      submit(values: unknown, onValid: (parsed: Out) => void): boolean {
        const result = schema.safeParse(values);
        if (result.success) {
          onValid(result.data);
          return true;
        }
        form.setFields(toFields(result.error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message }))));
        return false;
      },
      /** Spreads a server validation error over the fields; returns true when it did. */
      showServerErrors(error: unknown): boolean {
        if (!isApiError(error) || error.errors.length === 0) return false;
        const fields = toFields(error.errors);
        if (fields.length === 0) return false;
        form.setFields(fields);
        return true;
      },
      /** Pass to Form onValuesChange: an edited field drops its old message. */
      clearChanged(changed: Record<string, unknown>): void {
        const names = Object.keys(changed).filter((name) => form.getFieldError(name).length > 0);
        if (names.length) form.setFields(names.map((name) => ({ name, errors: [] })));
      },
      hasFieldErrors(error: unknown): boolean {
        return isApiError(error) && error.errors.some((e) => e.path.length > 0);
      },
    }),
    [form, schema],
  );
}
