import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Form } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { PostDto } from '../../../schemas/org.js';
import { type RiskDetailDto, riskCreateSchema, type RiskListItemDto, riskUpdateSchema } from '../../../schemas/risks.js';
import { api, isApiError } from '../../app/api/api-client';
import { type EvaluationFormValues, emptyEvaluation, evaluationBody } from './evaluation-fields';
import { splitPath, toFieldName } from './field-paths';
import { risksKey, riskPaths } from './risk-api';

export type RiskFormValues = EvaluationFormValues & Record<string, unknown>;

interface Options {
  post: PostDto;
  isOpen: boolean;
  editing: RiskListItemDto | RiskDetailDto | null;
  onClose(): void;
  onSaved?(risk: RiskDetailDto): void;
}

/**
 * The risk form's state: filled from the risk being edited (or a new risk's defaults) each time it opens;
 * `submit` checks the values with the shared schema, saves, and puts the server's errors on their fields.
 */
export function useRiskForm({ post, isOpen, editing, onClose, onSaved }: Options) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const client = useQueryClient();
  const [form] = Form.useForm<RiskFormValues>();

  useEffect(() => {
    if (!isOpen) return;
    form.resetFields();
    if (editing) {
      form.setFieldsValue({
        objectKind: editing.objectKind,
        objectName: editing.objectName,
        areaId: editing.areaId ?? undefined,
        isNonRoutine: editing.isNonRoutine,
        hazardFactorCodes: editing.hazardFactorCodes,
        accidentTypeCodes: editing.accidentTypeCodes,
        causes: editing.causes,
        identificationMethod: editing.identificationMethod,
        jhaSteps: editing.jhaSteps ?? [],
        controlTier: editing.controlTier,
        responsiblePersonId: editing.responsiblePersonId ?? undefined,
      });
    } else {
      form.setFieldsValue({
        ...emptyEvaluation,
        objectKind: post.kind === 'operation' ? 'activity' : 'duty',
        isNonRoutine: false,
        hazardFactorCodes: [],
        accidentTypeCodes: [],
        identificationMethod: 'brainstorming',
        jhaSteps: [],
        measures: [],
      });
    }
  }, [isOpen, editing, post.kind, form]);

  const save = useMutation({
    mutationFn: (input: unknown) =>
      editing
        ? api<RiskDetailDto>(`${riskPaths.risks}/${editing.id}`, { method: 'PATCH', body: input })
        : api<RiskDetailDto>(riskPaths.risks, { method: 'POST', body: input }),
    onSuccess: async (risk) => {
      await client.invalidateQueries({ queryKey: risksKey });
      await client.invalidateQueries({ queryKey: ['/api/v1/posts'] });
      void message.success(risk.status === 'proposed' && !editing ? t('riskUi.form.proposed') : t('common.saved'));
      onSaved?.(risk);
      onClose();
    },
    onError: (error) => {
      const values = form.getFieldsValue(true) as RiskFormValues;
      if (isApiError(error) && error.errors.length) {
        form.setFields(error.errors.filter((e) => e.path).map((e) => ({ name: toFieldName(splitPath(e.path), values) as never, errors: [e.message] })));
        const unplaced = error.errors.filter((e) => !e.path);
        void message.error(unplaced.length ? unplaced.map((e) => e.message).join('；') : t('common.fixErrors'));
      } else void message.error(error.message);
    },
  });

  function submit() {
    const v = form.getFieldsValue(true) as RiskFormValues;
    const identification = {
      objectKind: v.objectKind,
      objectName: v.objectName ?? '',
      areaId: v.areaId ?? null,
      isNonRoutine: Boolean(v.isNonRoutine),
      hazardFactorCodes: v.hazardFactorCodes ?? [],
      accidentTypeCodes: v.accidentTypeCodes ?? [],
      causes: v.causes ?? '',
      identificationMethod: v.identificationMethod,
      jhaSteps: v.identificationMethod === 'jha' ? ((v.jhaSteps as unknown[]) ?? []) : null,
      ...(v.controlTier ? { controlTier: v.controlTier } : {}),
      responsiblePersonId: v.responsiblePersonId ?? null,
    };
    const input = editing
      ? identification
      : {
          ...identification,
          postId: post.id,
          evaluation: evaluationBody(v) ?? { method: v.evalMethod ?? 'LEC' },
          measures: ((v.measures as Record<string, unknown>[] | undefined) ?? []).map((m) => ({
            ...m,
            phase: post.kind === 'operation' ? (m.phase ?? null) : null,
            dutyItem: post.kind === 'management' ? (m.dutyItem || null) : null,
          })),
        };
    const result = (editing ? riskUpdateSchema : riskCreateSchema).safeParse(input);
    if (!result.success) {
      form.setFields(result.error.issues.map((i) => ({ name: toFieldName(i.path as (string | number)[], v) as never, errors: [i.message] })));
      void message.error(t('common.fixErrors'));
      return;
    }
    save.mutate(result.data);
  }

  return { form, save, submit };
}
