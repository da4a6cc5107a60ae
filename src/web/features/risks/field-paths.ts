import type { EvaluationFormValues } from './evaluation-fields';

/** zod / problem+json paths → antd field names; evaluation.* lands on the flat evaluation fields. */
export function toFieldName(path: (string | number)[], values: EvaluationFormValues): (string | number)[] {
  if (path[0] === 'evaluation') {
    const key = String(path[1] ?? '');
    const method = values.evalMethod;
    if (path[1] === 'base') return [`${values.dBase === 'LS' ? 'ls' : 'lec'}${String(path[2] ?? '')}`];
    if (method === 'LEC' && ['L', 'E', 'C'].includes(key)) return [`lec${key}`];
    if (method === 'LS' && ['L', 'S'].includes(key)) return [`ls${key}`];
    return ['evalMethod'];
  }
  return path;
}

export function splitPath(path: string): (string | number)[] {
  return path.split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : p));
}
