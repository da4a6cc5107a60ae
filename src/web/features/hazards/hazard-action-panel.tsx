import { Alert, Card, DatePicker, Form, Input, InputNumber, Radio, Select, Tabs, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Me } from '../../../schemas/auth.js';
import {
  acceptInputSchema,
  confirmInputSchema,
  type HazardDetailDto,
  noteInputSchema,
  optionalNoteInputSchema,
  reasonInputSchema,
  rectificationPlanInputSchema,
  remediationPlanInputSchema,
} from '../../../schemas/hazards.js';
import { hasRole } from '../../app/auth/use-me';
import { usePeople } from '../risks/use-people';
import { type HazardStep, stepRoles, useMajorHazardCriteria } from './hazard-api';
import { HazardStepForm, type StepValues } from './hazard-step-form';

const otherCriterion = '__other';
const text = (rows = 3) => <Input.TextArea autoSize={{ minRows: rows, maxRows: 10 }} />;
const endOfDay = (v: unknown) => (v && typeof (v as Dayjs).endOf === 'function' ? (v as Dayjs).endOf('day').toISOString() : undefined);

function ConfirmForm({ hazard }: { hazard: HazardDetailDto }) {
  const { t, i18n } = useTranslation();
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
              deadline: endOfDay(v.deadline) ?? null,
              peopleWithdrawn: v.peopleWithdrawn || null,
              withdrawnBy: v.withdrawnBy || null,
            }
          : { grade: 'general', deadline: endOfDay(v.deadline) ?? null }
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
  const people = usePeople();
  return (
    <>
      <Typography.Paragraph type="secondary">{t('hazardUi.rectification.hint')}</Typography.Paragraph>
      <HazardStepForm
        hazardId={hazard.id}
        step="rectification-plan"
        schema={rectificationPlanInputSchema}
        toInput={(v) => ({ ...v, deadline: endOfDay(v.deadline), fundsCny: v.fundsCny ?? undefined })}
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

function AcceptForm({ hazard }: { hazard: HazardDetailDto }) {
  const { t } = useTranslation();
  const isMajor = hazard.grade === 'major';
  return (
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
  );
}

interface Tab {
  key: string;
  label: string;
  children: React.ReactNode;
}

/** The steps this user may take now, by the lifecycle's table (the server re-checks everything). */
export function hazardTabs(hazard: HazardDetailDto, me: Me, t: (key: string) => string): Tab[] {
  const may = (step: HazardStep) => hasRole(me, stepRoles[step]);
  const isMajor = hazard.grade === 'major';
  // Seed 001 Art. 18: whoever fixed it or reported it done never accepts it (the latest such step counts).
  const lastRectification = [...hazard.events].reverse().find((e) => e.action === 'submit' || e.action === 'fix_on_spot');
  const isRectifier = lastRectification?.actorUserId === me.user.id;
  const isReporterSide =
    !isRectifier &&
    (hazard.reporterUserId === me.user.id || me.role === 'dept_head' || (!hazard.reporterUserId && !hazard.reporterPersonId && hasRole(me, ['principal', 'safety_manager'])));
  const tabs: Tab[] = [];
  switch (hazard.status) {
    case 'reported':
      if (may('confirm')) {
        tabs.push({ key: 'confirm', label: t('hazardUi.step.confirm'), children: <ConfirmForm hazard={hazard} /> });
        tabs.push({ key: 'reject', label: t('hazardUi.step.reject'), children: <NoteForm hazard={hazard} step="reject" field="reason" schema={reasonInputSchema} label={t('hazardUi.step.reject')} isDanger /> });
      }
      break;
    case 'confirmed':
      if (isMajor && may('remediation-plan')) tabs.push({ key: 'remediation', label: t('hazardUi.step.remediation'), children: <RemediationPlanForm hazard={hazard} /> });
      if (may('rectification-plan') && (!isMajor || hazard.remediationPlan)) tabs.push({ key: 'rectification', label: t('hazardUi.step.rectification'), children: <RectificationPlanForm hazard={hazard} /> });
      if (!isMajor && may('fix-on-spot')) tabs.push({ key: 'fix', label: t('hazardUi.step.fixOnSpot'), children: <NoteForm hazard={hazard} step="fix-on-spot" field="note" schema={noteInputSchema} label={t('hazardUi.step.fixOnSpot')} /> });
      break;
    case 'under_rectification':
      if (may('submit')) tabs.push({ key: 'submit', label: t('hazardUi.step.submit'), children: <NoteForm hazard={hazard} step="submit" field="note" schema={optionalNoteInputSchema} label={t('hazardUi.step.submit')} /> });
      if (isMajor && may('remediation-plan')) tabs.push({ key: 'remediation', label: t('hazardUi.step.remediationEdit'), children: <RemediationPlanForm hazard={hazard} /> });
      break;
    case 'submitted_for_acceptance':
    case 'fixed_on_spot':
      if (isReporterSide && may('accept')) {
        tabs.push({ key: 'accept', label: t('hazardUi.step.accept'), children: <AcceptForm hazard={hazard} /> });
        tabs.push({ key: 'send-back', label: t('hazardUi.step.sendBack'), children: <NoteForm hazard={hazard} step="send-back" field="reason" schema={reasonInputSchema} label={t('hazardUi.step.sendBack')} isDanger /> });
      }
      break;
    case 'closed':
      if (!hazard.isPublished && may('publish')) {
        tabs.push({
          key: 'publish',
          label: t('hazardUi.step.publish'),
          children: <HazardStepForm hazardId={hazard.id} step="publish" schema={optionalNoteInputSchema} toInput={() => ({})} submitLabel={t('hazardUi.step.publish')} fields={<Typography.Paragraph type="secondary">{t('hazardUi.publishHint')}</Typography.Paragraph>} />,
        });
      }
      break;
    case 'rejected':
      break;
  }
  return tabs;
}

/** The current step's panel, or a line saying whose turn it is. */
export function HazardActionPanel({ hazard, me, ownerName }: { hazard: HazardDetailDto; me: Me; ownerName: string }) {
  const { t } = useTranslation();
  const tabs = hazardTabs(hazard, me, t);
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
