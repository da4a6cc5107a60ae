import { Alert, Card, DatePicker, Form, Input, InputNumber, Radio, Select, Tabs, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  acceptInputSchema,
  confirmInputSchema,
  type HazardDetailDto,
  noteInputSchema,
  optionalNoteInputSchema,
  reasonInputSchema,
  rectificationPlanInputSchema,
  remediationPlanInputSchema,
  submitRectificationInputSchema,
} from '../../../schemas/hazards.js';
import { BeforeAfter, hazardPlaceQuery, PhotoPicker } from './evidence-photos';
import { usePeople } from '../risks/use-people';
import { endOfLocalDay } from '../../../domain/calendar/enterprise-day.js';
import { type HazardStep, useEnterpriseTimeZone, useMajorHazardCriteria } from './hazard-api';
import { HazardStepForm, type StepValues } from './hazard-step-form';

const otherCriterion = '__other';
const text = (rows = 3) => <Input.TextArea autoSize={{ minRows: rows, maxRows: 10 }} />;
/** The picked day ends at the enterprise's midnight, not the browser's (issue 8 §9). */
const endOfDay = (v: unknown, timeZone: string) => (v && typeof (v as Dayjs).format === 'function' ? endOfLocalDay((v as Dayjs).format('YYYY-MM-DD'), timeZone) : undefined);

function ConfirmForm({ hazard }: { hazard: HazardDetailDto }) {
  const { t, i18n } = useTranslation();
  const tz = useEnterpriseTimeZone();
  const [grade, setGrade] = useState<'general' | 'major'>('general');
  const [criterion, setCriterion] = useState<string | undefined>();
  const criteria = useMajorHazardCriteria(i18n.language, grade === 'major');
  const byArticle = new Map<number, { value: string; label: string }[]>();
  for (const c of criteria.data?.items ?? []) {
    if (!c.verified) continue;
    byArticle.set(c.article, [...(byArticle.get(c.article) ?? []), { value: c.id, label: `${c.id} ${c.text}` }]);
  }
  const options = [
    ...[...byArticle].map(([article, items]) => ({ label: criteria.data?.articles[String(article)]?.label ?? String(article), options: items })),
    { label: t('hazardUi.confirm.other'), options: [{ value: otherCriterion, label: t('hazardUi.confirm.otherOption') }] },
  ];
  return (
    <HazardStepForm
      hazardId={hazard.id}
      step="confirm"
      schema={confirmInputSchema}
      initialValues={{ grade: 'general' }}
      onValuesChange={(changed) => {
        if ('grade' in changed) setGrade(changed.grade as 'general' | 'major');
        if ('criterionId' in changed) setCriterion(changed.criterionId as string | undefined);
      }}
      toInput={(v: StepValues) =>
        v.grade === 'major'
          ? {
              grade: 'major',
              criterionId: v.criterionId && v.criterionId !== otherCriterion ? v.criterionId : null,
              criterionOtherReason: v.criterionId === otherCriterion ? v.criterionOtherReason || null : null,
              deadline: endOfDay(v.deadline, tz) ?? null,
              peopleWithdrawn: v.peopleWithdrawn || null,
              withdrawnBy: v.withdrawnBy || null,
            }
          : { grade: 'general', deadline: endOfDay(v.deadline, tz) ?? null }
      }
      submitLabel={t('hazardUi.confirm.submit')}
      fields={
        <>
          <Form.Item name="grade" label={t('hazardUi.field.grade')} required>
            <Radio.Group optionType="button" buttonStyle="solid" data-testid="confirm-grade">
              <Radio.Button value="general">{t('hazardUi.grade.general')}</Radio.Button>
              <Radio.Button value="major">{t('hazardUi.grade.major')}</Radio.Button>
            </Radio.Group>
          </Form.Item>
          {grade === 'major' && (
            <>
              <Alert type="error" showIcon style={{ marginBottom: 12 }} title={t('hazardUi.confirm.majorWarning')} />
              <Form.Item name="criterionId" label={t('hazardUi.field.criterion')} extra={t('hazardUi.confirm.criterionHint')} required>
                <Select
                  showSearch={{ optionFilterProp: 'label' }}
                  loading={criteria.isLoading}
                  options={options}
                  placeholder={t('hazardUi.confirm.criterionPlaceholder')}
                  popupMatchSelectWidth={false}
                  styles={{ popup: { root: { maxWidth: 'calc(100vw - 16px)' } } }}
                  optionRender={(o) => <span style={{ whiteSpace: 'normal' }}>{o.label}</span>}
                />
              </Form.Item>
              {criterion === otherCriterion && (
                <Form.Item name="criterionOtherReason" label={t('hazardUi.field.criterionOtherReason')} required>
                  {text(2)}
                </Form.Item>
              )}
              <Form.Item name="peopleWithdrawn" label={t('hazardUi.field.peopleWithdrawn')} extra={t('hazardUi.confirm.stopWorkHint', { place: hazard.postName ?? hazard.areaName ?? '—' })} required>
                {text(2)}
              </Form.Item>
              <Form.Item name="withdrawnBy" label={t('hazardUi.field.withdrawnBy')}>
                <Input />
              </Form.Item>
            </>
          )}
          <Form.Item name="deadline" label={t('hazardUi.field.deadline')} extra={t('hazardUi.confirm.deadlineHint')}>
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
        </>
      }
    />
  );
}

function RectificationPlanForm({ hazard }: { hazard: HazardDetailDto }) {
  const { t } = useTranslation();
  const tz = useEnterpriseTimeZone();
  const people = usePeople();
  return (
    <>
      <Typography.Paragraph type="secondary">{t('hazardUi.rectification.hint')}</Typography.Paragraph>
      <HazardStepForm
        hazardId={hazard.id}
        step="rectification-plan"
        schema={rectificationPlanInputSchema}
        toInput={(v) => ({ ...v, deadline: endOfDay(v.deadline, tz), fundsCny: v.fundsCny ?? undefined })}
        submitLabel={t('hazardUi.rectification.submit')}
        fields={
          <>
            <Form.Item name="measure" label={t('hazardUi.rectification.measure')} required>
              {text()}
            </Form.Item>
            <Form.Item name="ownerPersonId" label={t('hazardUi.rectification.owner')} required>
              <Select showSearch={{ optionFilterProp: 'label' }} options={people.options} loading={people.isLoading} data-testid="owner-select" />
            </Form.Item>
            <Form.Item name="fundsCny" label={t('hazardUi.rectification.funds')} required>
              <InputNumber min={0} step={100} style={{ width: '100%' }} />
            </Form.Item>
            <Form.Item name="deadline" label={t('hazardUi.rectification.deadline')} required>
              <DatePicker style={{ width: '100%' }} data-testid="plan-deadline" />
            </Form.Item>
            <Form.Item name="interimMeasure" label={t('hazardUi.rectification.interim')} required>
              {text(2)}
            </Form.Item>
          </>
        }
      />
    </>
  );
}

export const remediationParts = ['objective', 'methods', 'fundsAndMaterials', 'organisationAndPeople', 'schedule', 'safetyAndEmergency', 'situationAndCause', 'severityAndDifficulty'] as const;

function RemediationPlanForm({ hazard }: { hazard: HazardDetailDto }) {
  const { t } = useTranslation();
  const current = hazard.remediationPlan;
  return (
    <>
      <Typography.Paragraph type="secondary">{t('hazardUi.remediation.hint')}</Typography.Paragraph>
      <HazardStepForm
        hazardId={hazard.id}
        step="remediation-plan"
        schema={remediationPlanInputSchema}
        initialValues={current ? Object.fromEntries(remediationParts.map((p) => [p, current[p]])) : undefined}
        submitLabel={t('hazardUi.remediation.submit')}
        fields={remediationParts.map((part) => (
          <Form.Item key={part} name={part} label={t(`hazardUi.remediation.${part}`)} required>
            {text(2)}
          </Form.Item>
        ))}
      />
    </>
  );
}

function NoteForm({ hazard, step, label, field, schema, isDanger }: { hazard: HazardDetailDto; step: HazardStep; label: string; field: 'note' | 'reason'; schema: typeof noteInputSchema | typeof reasonInputSchema | typeof optionalNoteInputSchema; isDanger?: boolean }) {
  const { t } = useTranslation();
  const isRequired = schema !== optionalNoteInputSchema;
  return (
    <HazardStepForm
      hazardId={hazard.id}
      step={step}
      schema={schema}
      isDanger={isDanger}
      toInput={(v) => ({ [field]: (v[field] as string | undefined) ?? '' })}
      submitLabel={label}
      fields={
        <Form.Item name={field} label={t(`hazardUi.field.${field}`)} required={isRequired}>
          {text(2)}
        </Form.Item>
      }
    />
  );
}

/** 整改完成: a note and the "after" photos — required for a 重大 hazard (issue 8 §7). */
function SubmitForm({ hazard }: { hazard: HazardDetailDto }) {
  const { t } = useTranslation();
  const isMajor = hazard.grade === 'major';
  return (
    <HazardStepForm
      hazardId={hazard.id}
      step="submit"
      schema={submitRectificationInputSchema}
      toInput={(v) => ({ note: (v.note as string | undefined) ?? '', photoIds: (v.photoIds as string[] | undefined) ?? [] })}
      submitLabel={t('hazardUi.step.submit')}
      fields={
        <>
          <Form.Item name="note" label={t('hazardUi.field.note')}>
            {text(2)}
          </Form.Item>
          <Form.Item name="photoIds" label={t('hazardUi.evidence.after')} required={isMajor} extra={isMajor ? t('hazardUi.evidence.requiredMajor') : t('hazardUi.evidence.optional')}>
            <PhotoPicker place={hazardPlaceQuery(hazard)} />
          </Form.Item>
        </>
      }
    />
  );
}

function AcceptForm({ hazard }: { hazard: HazardDetailDto }) {
  const { t } = useTranslation();
  const isMajor = hazard.grade === 'major';
  return (
    <>
    <BeforeAfter hazard={hazard} />
    <HazardStepForm
      hazardId={hazard.id}
      step="accept"
      schema={acceptInputSchema}
      toInput={(v) => ({ note: (v.note as string | undefined) ?? '', ...(isMajor && v.result ? { result: v.result } : {}) })}
      submitLabel={t('hazardUi.accept.submit')}
      fields={
        <>
          <Form.Item name="note" label={t('hazardUi.accept.note')}>
            {text(2)}
          </Form.Item>
          {isMajor && (
            <Form.Item name="result" label={t('hazardUi.accept.result')} extra={t('hazardUi.accept.resultHint')}>
              {text(3)}
            </Form.Item>
          )}
        </>
      }
    />
    </>
  );
}

/** A lifecycle step as the API names it in `allowedActions`. */
type HazardAction = HazardDetailDto['allowedActions'][number];

interface Tab {
  key: string;
  label: string;
  children: React.ReactNode;
}

/** The order the steps are offered in (the reporter-side pair last, plans before fixing on the spot). */
const actionOrder: readonly HazardAction[] = ['confirm', 'reject', 'submit', 'plan_remediation', 'plan_rectification', 'fix_on_spot', 'accept', 'send_back', 'publish'];

function tabOf(action: HazardAction, hazard: HazardDetailDto, t: (key: string) => string): Tab {
  switch (action) {
    case 'confirm':
      return { key: 'confirm', label: t('hazardUi.step.confirm'), children: <ConfirmForm hazard={hazard} /> };
    case 'reject':
      return { key: 'reject', label: t('hazardUi.step.reject'), children: <NoteForm hazard={hazard} step="reject" field="reason" schema={reasonInputSchema} label={t('hazardUi.step.reject')} isDanger /> };
    case 'plan_remediation':
      return { key: 'remediation', label: t(hazard.status === 'under_rectification' ? 'hazardUi.step.remediationEdit' : 'hazardUi.step.remediation'), children: <RemediationPlanForm hazard={hazard} /> };
    case 'plan_rectification':
      return { key: 'rectification', label: t('hazardUi.step.rectification'), children: <RectificationPlanForm hazard={hazard} /> };
    case 'fix_on_spot':
      return { key: 'fix', label: t('hazardUi.step.fixOnSpot'), children: <NoteForm hazard={hazard} step="fix-on-spot" field="note" schema={noteInputSchema} label={t('hazardUi.step.fixOnSpot')} /> };
    case 'submit':
      return { key: 'submit', label: t('hazardUi.step.submit'), children: <SubmitForm hazard={hazard} /> };
    case 'accept':
      return { key: 'accept', label: t('hazardUi.step.accept'), children: <AcceptForm hazard={hazard} /> };
    case 'send_back':
      return { key: 'send-back', label: t('hazardUi.step.sendBack'), children: <NoteForm hazard={hazard} step="send-back" field="reason" schema={reasonInputSchema} label={t('hazardUi.step.sendBack')} isDanger /> };
    case 'publish':
      return {
        key: 'publish',
        label: t('hazardUi.step.publish'),
        children: <HazardStepForm hazardId={hazard.id} step="publish" schema={optionalNoteInputSchema} toInput={() => ({})} submitLabel={t('hazardUi.step.publish')} fields={<Typography.Paragraph type="secondary">{t('hazardUi.publishHint')}</Typography.Paragraph>} />,
      };
  }
}

/**
 * Exactly the steps the API says the caller may take now (`allowedActions`, from the same pure
 * lifecycle the transitions enforce); a call that still fails shows the server's message.
 */
export function hazardTabs(hazard: HazardDetailDto, t: (key: string) => string): Tab[] {
  const allowed = new Set(hazard.allowedActions);
  return actionOrder.filter((a) => allowed.has(a)).map((a) => tabOf(a, hazard, t));
}

/** The current step's panel, or a line saying whose turn it is. */
export function HazardActionPanel({ hazard, ownerName }: { hazard: HazardDetailDto; ownerName: string }) {
  const { t } = useTranslation();
  const tabs = hazardTabs(hazard, t);
  const waiting = t(`hazardUi.next.${hazard.grade === 'major' && hazard.status === 'confirmed' && !hazard.remediationPlan ? 'majorPlan' : hazard.status}`, { owner: ownerName || '—' });
  if (tabs.length === 0) {
    if (hazard.status === 'closed' && hazard.isPublished) return null;
    return <Alert type="info" showIcon title={waiting} style={{ marginBottom: 12 }} data-testid="waiting-note" />;
  }
  return (
    <Card size="small" title={t('hazardUi.action.title')} style={{ marginBottom: 12, borderColor: '#1677ff' }} data-testid="action-panel">
      <Typography.Paragraph type="secondary" style={{ marginTop: -4 }}>
        {waiting}
      </Typography.Paragraph>
      <Tabs size="small" items={tabs} destroyOnHidden />
    </Card>
  );
}
