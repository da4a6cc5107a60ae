import { Alert, Checkbox, Col, Form, InputNumber, Radio, Row, Select, Skeleton, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { riskLevelValues } from '../../../schemas/org.js';
import type { RiskEvaluationInputBody } from '../../../schemas/risk-evaluation.js';
import { chooseRuleMessage } from '../../../i18n/validation-messages.js';
import { isApiError } from '../../app/api/api-client';
import { currentLocale } from '../../app/i18n/i18n';
import { LevelTag } from '../../app/ui/level-tag';
import { useEvaluationPreview, useReference } from './risk-api';

export const evaluationMethods = ['LEC', 'LS', 'DIRECT'] as const;
type Method = (typeof evaluationMethods)[number];

/** The form's flat evaluation fields (one antd Form field each, so Tab walks them in order). */
export interface EvaluationFormValues {
  evalMethod?: Method;
  lecL?: number;
  lecE?: number;
  lecC?: number;
  lsL?: number;
  lsS?: number;
  dDeaths?: number;
  dSeriousInjuries?: number;
  dMinorInjuryAccidents?: number;
  dMajorPropertyLoss?: boolean;
  dLegalViolation?: boolean;
  dMajorHazardInstallation?: boolean;
  dHazardPlace?: 'poisoning' | 'explosion' | 'fire' | 'none';
  dPeopleAtOnce?: number;
  dJudgedLevel?: (typeof riskLevelValues)[number];
  dBase?: 'none' | 'LEC' | 'LS';
}

export const emptyEvaluation: EvaluationFormValues = {
  evalMethod: 'LEC',
  dDeaths: 0,
  dSeriousInjuries: 0,
  dMinorInjuryAccidents: 0,
  dMajorPropertyLoss: false,
  dLegalViolation: false,
  dMajorHazardInstallation: false,
  dHazardPlace: 'none',
  dPeopleAtOnce: 0,
  dBase: 'none',
};

const isNum = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

function lecBody(v: EvaluationFormValues) {
  return isNum(v.lecL) && isNum(v.lecE) && isNum(v.lecC) ? { method: 'LEC' as const, L: v.lecL, E: v.lecE, C: v.lecC } : null;
}
function lsBody(v: EvaluationFormValues) {
  return isNum(v.lsL) && isNum(v.lsS) ? { method: 'LS' as const, L: v.lsL, S: v.lsS } : null;
}

/** Form values → the evaluation body of the API, or null while something is missing. */
export function evaluationBody(v: EvaluationFormValues): RiskEvaluationInputBody | null {
  if (v.evalMethod === 'LEC') return lecBody(v);
  if (v.evalMethod === 'LS') return lsBody(v);
  if (v.evalMethod !== 'DIRECT') return null;
  const base = v.dBase === 'LEC' ? lecBody(v) : v.dBase === 'LS' ? lsBody(v) : undefined;
  if (base === null) return null;
  return {
    method: 'DIRECT',
    deaths: v.dDeaths ?? 0,
    seriousInjuries: v.dSeriousInjuries ?? 0,
    majorPropertyLoss: Boolean(v.dMajorPropertyLoss),
    legalViolation: Boolean(v.dLegalViolation),
    minorInjuryAccidents: v.dMinorInjuryAccidents ?? 0,
    majorHazardInstallation: Boolean(v.dMajorHazardInstallation),
    hazardPlace: !v.dHazardPlace || v.dHazardPlace === 'none' ? null : v.dHazardPlace,
    peopleAtOnce: v.dPeopleAtOnce ?? 0,
    ...(base && { base }),
    ...(v.dJudgedLevel && { judgedLevel: v.dJudgedLevel }),
  };
}

/** Stored inputs (an evaluation's `inputs`) → form values, to start a re-evaluation from the current one. */
export function toEvaluationFormValues(inputs: Record<string, unknown> | null | undefined): EvaluationFormValues {
  if (!inputs) return emptyEvaluation;
  const n = (x: unknown) => (isNum(x) ? x : undefined);
  if (inputs.method === 'LEC') return { ...emptyEvaluation, evalMethod: 'LEC', lecL: n(inputs.L), lecE: n(inputs.E), lecC: n(inputs.C) };
  if (inputs.method === 'LS') return { ...emptyEvaluation, evalMethod: 'LS', lsL: n(inputs.L), lsS: n(inputs.S) };
  const base = (inputs.base ?? null) as Record<string, unknown> | null;
  const fromBase = base ? toEvaluationFormValues(base) : {};
  return {
    ...emptyEvaluation,
    ...fromBase,
    evalMethod: 'DIRECT',
    dDeaths: n(inputs.deaths) ?? 0,
    dSeriousInjuries: n(inputs.seriousInjuries) ?? 0,
    dMinorInjuryAccidents: n(inputs.minorInjuryAccidents) ?? 0,
    dMajorPropertyLoss: inputs.majorPropertyLoss === true,
    dLegalViolation: inputs.legalViolation === true,
    dMajorHazardInstallation: inputs.majorHazardInstallation === true,
    dHazardPlace: (inputs.hazardPlace as EvaluationFormValues['dHazardPlace']) ?? 'none',
    dPeopleAtOnce: n(inputs.peopleAtOnce) ?? 0,
    dJudgedLevel: inputs.judgedLevel as EvaluationFormValues['dJudgedLevel'],
    dBase: base ? (base.method as 'LEC' | 'LS') : 'none',
  };
}

/** A factor must be picked; the message names it by its label ("请选择L · 事故发生的可能性。"). */
const chooseRule = () => [{ required: true, message: chooseRuleMessage[currentLocale()] }];

function LecFields() {
  const lec = useReference('lec-tables');
  if (!lec.data) return <Skeleton active paragraph={{ rows: 2 }} />;
  const opts = (rows: { value: number; label: string }[]) => rows.map((r) => ({ value: r.value, label: `${r.value} — ${r.label}` }));
  return (
    <Row gutter={8}>
      <Col xs={24} md={8}>
        <Form.Item name="lecL" label={`L · ${lec.data.factors.L}`} rules={chooseRule()}>
          <Select options={opts(lec.data.L)} data-testid="lec-L" popupMatchSelectWidth={false} />
        </Form.Item>
      </Col>
      <Col xs={24} md={8}>
        <Form.Item name="lecE" label={`E · ${lec.data.factors.E}`} rules={chooseRule()}>
          <Select options={opts(lec.data.E)} data-testid="lec-E" popupMatchSelectWidth={false} />
        </Form.Item>
      </Col>
      <Col xs={24} md={8}>
        <Form.Item name="lecC" label={`C · ${lec.data.factors.C}`} rules={chooseRule()}>
          <Select options={opts(lec.data.C)} data-testid="lec-C" popupMatchSelectWidth={false} />
        </Form.Item>
      </Col>
    </Row>
  );
}

function LsFields() {
  const ls = useReference('ls-scales');
  if (!ls.data) return <Skeleton active paragraph={{ rows: 2 }} />;
  return (
    <Row gutter={8}>
      <Col xs={24} md={12}>
        <Form.Item name="lsL" label={`L · ${ls.data.factors.L}`} rules={chooseRule()}>
          <Select
            data-testid="ls-L"
            popupMatchSelectWidth={420}
            options={ls.data.L.map((r) => ({ value: r.value, label: `${r.value} — ${r.criterion}` }))}
            optionRender={(o) => <div style={{ whiteSpace: 'normal' }}>{o.label}</div>}
          />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item name="lsS" label={`S · ${ls.data.factors.S}`} rules={chooseRule()}>
          <Select
            data-testid="ls-S"
            popupMatchSelectWidth={420}
            options={ls.data.S.map((r) => ({ value: r.value, label: `${r.value} — ${r.people}；${r.directLoss}；${r.law}` }))}
            optionRender={(o) => <div style={{ whiteSpace: 'normal' }}>{o.label}</div>}
          />
        </Form.Item>
      </Col>
    </Row>
  );
}

function DirectFields() {
  const { t } = useTranslation();
  const base = Form.useWatch('dBase');
  return (
    <>
      <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
        {t('riskUi.eval.directHint')}
      </Typography.Paragraph>
      <Row gutter={8}>
        <Col xs={12} md={6}>
          <Form.Item name="dDeaths" label={t('riskUi.eval.deaths')}>
            <InputNumber min={0} precision={0} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={12} md={6}>
          <Form.Item name="dSeriousInjuries" label={t('riskUi.eval.seriousInjuries')}>
            <InputNumber min={0} precision={0} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={12} md={6}>
          <Form.Item name="dMinorInjuryAccidents" label={t('riskUi.eval.minorInjuryAccidents')}>
            <InputNumber min={0} precision={0} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={12} md={6}>
          <Form.Item name="dPeopleAtOnce" label={t('riskUi.eval.peopleAtOnce')}>
            <InputNumber min={0} precision={0} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
      </Row>
      <Space wrap size={16} style={{ marginBottom: 12 }}>
        <Form.Item name="dMajorPropertyLoss" valuePropName="checked" noStyle>
          <Checkbox>{t('riskUi.eval.majorPropertyLoss')}</Checkbox>
        </Form.Item>
        <Form.Item name="dLegalViolation" valuePropName="checked" noStyle>
          <Checkbox>{t('riskUi.eval.legalViolation')}</Checkbox>
        </Form.Item>
        <Form.Item name="dMajorHazardInstallation" valuePropName="checked" noStyle>
          <Checkbox>{t('riskUi.eval.majorHazardInstallation')}</Checkbox>
        </Form.Item>
      </Space>
      <Row gutter={8}>
        <Col xs={24} md={8}>
          <Form.Item name="dHazardPlace" label={t('riskUi.eval.hazardPlace')}>
            <Select options={(['none', 'poisoning', 'explosion', 'fire'] as const).map((p) => ({ value: p, label: t(`riskUi.eval.place.${p}`) }))} />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item name="dJudgedLevel" label={t('riskUi.eval.judgedLevel')}>
            <Select allowClear options={riskLevelValues.map((l) => ({ value: l, label: t(`level.${l}`) }))} />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item name="dBase" label={t('riskUi.eval.base')}>
            <Select options={(['none', 'LEC', 'LS'] as const).map((b) => ({ value: b, label: t(`riskUi.eval.baseOption.${b}`) }))} />
          </Form.Item>
        </Col>
      </Row>
      {base === 'LEC' && <LecFields />}
      {base === 'LS' && <LsFields />}
    </>
  );
}

/** LEC / LS / direct judgement inputs; place inside an antd Form. */
export function EvaluationFields() {
  const { t } = useTranslation();
  const method = Form.useWatch('evalMethod') as Method | undefined;
  return (
    <>
      <Form.Item name="evalMethod" label={t('riskUi.eval.method')}>
        <Radio.Group optionType="button" buttonStyle="solid" options={evaluationMethods.map((m) => ({ value: m, label: t(`riskUi.eval.methods.${m}`) }))} />
      </Form.Item>
      {method === 'LEC' && <LecFields />}
      {method === 'LS' && <LsFields />}
      {method === 'DIRECT' && <DirectFields />}
    </>
  );
}

const colourCss: Record<string, { bg: string; border: string }> = {
  red: { bg: '#fff1f0', border: '#d9363e' },
  orange: { bg: '#fff7e6', border: '#fa8c16' },
  yellow: { bg: '#feffe6', border: '#fadb14' },
  blue: { bg: '#e6f4ff', border: '#1677ff' },
};

/** Score, level colour and the reasons, re-evaluated as the inputs change. */
export function EvaluationPreview() {
  const { t } = useTranslation();
  const form = Form.useFormInstance();
  const values = Form.useWatch([], form) as EvaluationFormValues | undefined;
  const body = values ? evaluationBody(values) : null;
  const preview = useEvaluationPreview(body);
  if (!body) {
    return <Alert type="info" showIcon title={t('riskUi.eval.previewWaiting')} data-testid="evaluation-preview" data-colour="" />;
  }
  if (preview.error) {
    const detail = isApiError(preview.error) && preview.error.errors.length ? preview.error.errors.map((e) => e.message).join('；') : preview.error.message;
    return <Alert type="error" showIcon title={detail} data-testid="evaluation-preview" data-colour="" />;
  }
  const result = preview.data;
  if (!result) return <Skeleton active paragraph={{ rows: 1 }} />;
  const css = colourCss[result.colour] ?? colourCss.blue;
  return (
    <div
      data-testid="evaluation-preview"
      data-colour={result.colour}
      data-level={result.level}
      aria-live="polite"
      style={{ borderLeft: `6px solid ${css?.border}`, background: css?.bg, padding: '8px 12px', borderRadius: 6, opacity: preview.isFetching ? 0.6 : 1 }}
    >
      <Space size={12} wrap>
        <Typography.Text strong>{t('riskUi.eval.preview')}</Typography.Text>
        {result.score !== null && (
          <Typography.Text>
            {result.method === 'LS' ? 'R' : 'D'} = <strong data-testid="evaluation-score">{result.score}</strong>
          </Typography.Text>
        )}
        <LevelTag level={result.level} />
        {result.profile && <Typography.Text type="secondary">{result.profile}</Typography.Text>}
      </Space>
      <ul style={{ margin: '6px 0 0', paddingLeft: 18 }}>
        {result.reasons.map((r) => (
          <li key={r}>
            <Typography.Text type="secondary">{r}</Typography.Text>
          </li>
        ))}
      </ul>
    </div>
  );
}
