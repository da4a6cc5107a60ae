import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Checkbox, Col, Divider, Drawer, Form, Grid, Input, Radio, Row, Select, Space, TreeSelect, Typography } from 'antd';
import { useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { PostDto } from '../../../schemas/org.js';
import {
  controlTiers,
  identificationMethods,
  inspectionMethods,
  measureTypes,
  objectKinds,
  periods,
  phases,
  type RiskDetailDto,
  riskCreateSchema,
  type RiskListItemDto,
  riskUpdateSchema,
} from '../../../schemas/risks.js';
import { api, isApiError } from '../../app/api/api-client';
import { useAreas } from '../org/use-org-lookups';
import { EvaluationFields, type EvaluationFormValues, EvaluationPreview, emptyEvaluation, evaluationBody } from './evaluation-fields';
import { risksKey, riskPaths, useReference } from './risk-api';
import { usePeople } from './use-people';

type FormValues = EvaluationFormValues & Record<string, unknown>;

const operationKinds = ['activity', 'equipment', 'place', 'material'] as const;
const managementKinds = ['duty', 'equipment', 'rule'] as const;

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

/** Hazard factors as a tree (GB/T 13861: 大类 → 中类 → 小类 → 细类). */
export function useHazardFactorTree() {
  const hf = useReference('hazard-factors');
  return useMemo(() => {
    type Node = { value: string; title: string; children: Node[] };
    const items = hf.data?.items ?? [];
    const nodes = new Map<string, Node>(items.map((i) => [i.code, { value: i.code, title: `${i.code} ${i.label}`, children: [] }]));
    const roots: Node[] = [];
    for (const i of items) {
      const node = nodes.get(i.code)!;
      const parent = i.parentCode ? nodes.get(i.parentCode) : undefined;
      if (parent) parent.children.push(node);
      else roots.push(node);
    }
    const labels = new Map(items.map((i) => [i.code, i.label]));
    return { tree: roots, labelOf: (code: string) => labels.get(code) ?? code, isLoading: hf.isLoading };
  }, [hf.data, hf.isLoading]);
}

function MeasuresEditor({ postKind }: { postKind: PostDto['kind'] }) {
  const { t } = useTranslation();
  const types = useReference('measure-types');
  const typeOptions = measureTypes.map((m) => ({ value: m, label: types.data?.items.find((i) => i.code === m)?.label ?? t(`riskUi.measureType.${m}`) }));
  return (
    <Form.List name="measures">
      {(fields, { add, remove }) => (
        <>
          {fields.map((field, index) => (
            <div key={field.key} className="measure-editor-row" style={{ border: '1px solid #f0f0f0', borderRadius: 6, padding: '8px 8px 0', marginBottom: 8 }} data-testid={`measure-row-${index}`}>
              <Row gutter={8}>
                <Col xs={12} md={6}>
                  <Form.Item name={[field.name, 'type']} label={t('riskUi.measure.type')}>
                    <Select options={typeOptions} />
                  </Form.Item>
                </Col>
                <Col xs={12} md={6}>
                  {postKind === 'operation' ? (
                    <Form.Item name={[field.name, 'phase']} label={t('riskUi.measure.phase')}>
                      <Select allowClear options={phases.map((p) => ({ value: p, label: t(`riskUi.phase.${p}`) }))} />
                    </Form.Item>
                  ) : (
                    <Form.Item name={[field.name, 'dutyItem']} label={t('riskUi.measure.dutyItem')}>
                      <Input maxLength={200} />
                    </Form.Item>
                  )}
                </Col>
                <Col xs={24} md={12}>
                  <Form.Item name={[field.name, 'text']} label={t('riskUi.measure.text')}>
                    <Input maxLength={1000} />
                  </Form.Item>
                </Col>
                <Col xs={24} md={12}>
                  <Form.Item name={[field.name, 'inspection', 'content']} label={t('riskUi.measure.inspectionContent')}>
                    <Input maxLength={500} />
                  </Form.Item>
                </Col>
                <Col xs={10} md={5}>
                  <Form.Item name={[field.name, 'inspection', 'method']} label={t('riskUi.measure.inspectionMethod')}>
                    <Select options={inspectionMethods.map((m) => ({ value: m, label: t(`riskUi.inspectionMethod.${m}`) }))} />
                  </Form.Item>
                </Col>
                <Col xs={10} md={5}>
                  <Form.Item name={[field.name, 'inspection', 'period']} label={t('riskUi.measure.period')}>
                    <Select options={periods.map((p) => ({ value: p, label: t(`riskUi.period.${p}`) }))} />
                  </Form.Item>
                </Col>
                <Col xs={4} md={2} style={{ display: 'flex', alignItems: 'center' }}>
                  <Button type="text" danger icon={<DeleteOutlined />} aria-label={t('riskUi.measure.remove')} onClick={() => remove(field.name)} />
                </Col>
              </Row>
            </div>
          ))}
          <Button
            type="dashed"
            icon={<PlusOutlined />}
            block
            data-testid="add-measure"
            onClick={() =>
              add({
                type: 'engineering',
                phase: postKind === 'operation' ? 'before' : null,
                dutyItem: null,
                text: '',
                inspection: { content: '', method: 'look', period: 'day' },
              })
            }
          >
            {t('riskUi.measure.add')}
          </Button>
          {types.data && (
            <Typography.Paragraph type="secondary" style={{ marginTop: 6, fontSize: 12 }}>
              {t('riskUi.measure.orderHint')}
            </Typography.Paragraph>
          )}
        </>
      )}
    </Form.List>
  );
}

interface Props {
  post: PostDto;
  isOpen: boolean;
  /** Editing an existing risk's identification, tier and responsible person; null = a new risk. */
  editing: RiskListItemDto | RiskDetailDto | null;
  /** Workers propose: the same form, the server records it as a proposal. */
  isProposal?: boolean;
  onClose(): void;
  onSaved?(risk: RiskDetailDto): void;
}

/** Identify a risk: object, hazard factors, accident types, causes, method, evaluation with live preview, measures. */
export function RiskFormDrawer({ post, isOpen, editing, isProposal = false, onClose, onSaved }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const client = useQueryClient();
  const screens = Grid.useBreakpoint();
  const [form] = Form.useForm<FormValues>();
  const accidentTypes = useReference('accident-types');
  const hazardTree = useHazardFactorTree();
  const tiers = useReference('control-tiers');
  const areas = useAreas();
  const people = usePeople();
  const method = Form.useWatch('identificationMethod', form);

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
      const values = form.getFieldsValue(true) as FormValues;
      if (isApiError(error) && error.errors.length) {
        form.setFields(error.errors.filter((e) => e.path).map((e) => ({ name: toFieldName(splitPath(e.path), values) as never, errors: [e.message] })));
        const unplaced = error.errors.filter((e) => !e.path);
        void message.error(unplaced.length ? unplaced.map((e) => e.message).join('；') : t('common.fixErrors'));
      } else void message.error(error.message);
    },
  });

  function submit() {
    const v = form.getFieldsValue(true) as FormValues;
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

  const kinds = post.kind === 'operation' ? operationKinds : managementKinds;
  const title = editing ? t('riskUi.form.editTitle') : isProposal ? t('riskUi.form.proposeTitle') : t('riskUi.form.createTitle');

  return (
    <Drawer
      title={`${title} · ${post.name}`}
      open={isOpen}
      onClose={onClose}
      size={screens.lg ? 860 : '100%'}
      destroyOnHidden
      data-testid="risk-form"
      footer={
        <Space style={{ display: 'flex', justifyContent: 'space-between' }}>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('riskUi.form.keyboardHint')}
          </Typography.Text>
          <Space>
            <Button onClick={onClose}>{t('common.cancel')}</Button>
            <Button type="primary" loading={save.isPending} onClick={() => form.submit()} data-testid="risk-save">
              {isProposal && !editing ? t('riskUi.form.submitProposal') : t('common.save')}
            </Button>
          </Space>
        </Space>
      }
    >
      {isProposal && !editing && <Alert type="info" showIcon style={{ marginBottom: 12 }} title={t('riskUi.form.proposalHint')} />}
      <Form
        form={form}
        layout="vertical"
        onFinish={submit}
        onValuesChange={(changed: Record<string, unknown>) => {
          const names = Object.keys(changed).filter((n) => form.getFieldError(n).length > 0);
          if (names.length) form.setFields(names.map((name) => ({ name, errors: [] })));
        }}
        onKeyDown={(e) => {
          // Ctrl/⌘+Enter saves from anywhere, text areas included.
          if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
            e.preventDefault();
            form.submit();
          }
        }}
      >
        <Row gutter={8}>
          <Col xs={24} md={14}>
            <Form.Item name="objectName" label={t('riskUi.field.objectName')} required>
              <Input autoFocus maxLength={200} placeholder={t('riskUi.field.objectNamePlaceholder')} />
            </Form.Item>
          </Col>
          <Col xs={14} md={6}>
            <Form.Item name="objectKind" label={t('riskUi.field.objectKind')} required>
              <Select options={kinds.map((k) => ({ value: k, label: t(`riskUi.objectKind.${k}`) }))} />
            </Form.Item>
          </Col>
          {post.kind === 'operation' && (
            <Col xs={10} md={4}>
              <Form.Item name="isNonRoutine" label={t('riskUi.field.nonRoutine')} valuePropName="checked">
                <Checkbox>{t('riskUi.field.nonRoutineYes')}</Checkbox>
              </Form.Item>
            </Col>
          )}
        </Row>
        <Form.Item name="hazardFactorCodes" label={t('riskUi.field.hazardFactors')} required extra={t('riskUi.field.hazardFactorsHint')}>
          <TreeSelect
            multiple
            treeData={hazardTree.tree}
            loading={hazardTree.isLoading}
            showSearch={{ treeNodeFilterProp: 'title' }}
            treeNodeFilterProp="title"
            placeholder={t('riskUi.field.hazardFactorsPlaceholder')}
            popupMatchSelectWidth={false}
            data-testid="hazard-factors"
          />
        </Form.Item>
        <Form.Item name="accidentTypeCodes" label={t('riskUi.field.accidentTypes')} required>
          <Select
            mode="multiple"
            data-testid="accident-types"
            options={(accidentTypes.data?.items ?? []).map((a) => ({ value: a.code, label: `${a.printedCode} ${a.label}` }))}
            showSearch={{ optionFilterProp: 'label' }}
            loading={accidentTypes.isLoading}
          />
        </Form.Item>
        <Form.Item name="causes" label={t('riskUi.field.causes')} required>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={2000} />
        </Form.Item>
        <Row gutter={8}>
          <Col xs={24} md={14}>
            <Form.Item name="identificationMethod" label={t('riskUi.field.identificationMethod')}>
              <Radio.Group optionType="button" options={identificationMethods.map((m) => ({ value: m, label: t(`riskUi.identificationMethod.${m}`) }))} />
            </Form.Item>
          </Col>
          <Col xs={24} md={10}>
            <Form.Item name="areaId" label={t('riskUi.field.area')}>
              <Select allowClear options={areas.options} showSearch={{ optionFilterProp: 'label' }} />
            </Form.Item>
          </Col>
        </Row>
        {method === 'jha' && (
          <Form.List name="jhaSteps">
            {(fields, { add, remove }) => (
              <div style={{ marginBottom: 16 }} data-testid="jha-steps">
                <Typography.Text strong>{t('riskUi.field.jhaSteps')}</Typography.Text>
                {fields.map((field, index) => (
                  <Row gutter={8} key={field.key} align="middle" style={{ marginTop: 6 }}>
                    <Col flex="28px">{index + 1}.</Col>
                    <Col flex="1">
                      <Form.Item name={[field.name, 'step']} noStyle>
                        <Input placeholder={t('riskUi.field.jhaStep')} maxLength={200} />
                      </Form.Item>
                    </Col>
                    <Col flex="1.4">
                      <Form.Item name={[field.name, 'hazards']} noStyle>
                        <Input placeholder={t('riskUi.field.jhaHazards')} maxLength={500} />
                      </Form.Item>
                    </Col>
                    <Col flex="32px">
                      <Button type="text" danger icon={<DeleteOutlined />} aria-label={t('riskUi.measure.remove')} onClick={() => remove(field.name)} />
                    </Col>
                  </Row>
                ))}
                <Button type="dashed" size="small" icon={<PlusOutlined />} style={{ marginTop: 6 }} onClick={() => add({ step: '', hazards: '' })}>
                  {t('riskUi.field.addJhaStep')}
                </Button>
              </div>
            )}
          </Form.List>
        )}
        {!editing && (
          <>
            <Divider titlePlacement="start">{t('riskUi.form.evaluation')}</Divider>
            <EvaluationFields />
            <EvaluationPreview />
          </>
        )}
        {!isProposal && (
          <>
            <Divider titlePlacement="start">{t('riskUi.form.control')}</Divider>
            <Row gutter={8}>
              <Col xs={24} md={12}>
                <Form.Item name="controlTier" label={t('riskUi.field.controlTier')} extra={editing ? undefined : t('riskUi.field.controlTierHint')}>
                  <Select allowClear options={controlTiers.map((c) => ({ value: c, label: tiers.data?.labels[c] ?? t(`riskUi.tier.${c}`) }))} />
                </Form.Item>
              </Col>
              <Col xs={24} md={12}>
                <Form.Item name="responsiblePersonId" label={t('riskUi.field.responsible')}>
                  <Select allowClear options={people.options} showSearch={{ optionFilterProp: 'label' }} />
                </Form.Item>
              </Col>
            </Row>
          </>
        )}
        {!editing && (
          <>
            <Divider titlePlacement="start">{t('riskUi.form.measures')}</Divider>
            <MeasuresEditor postKind={post.kind} />
          </>
        )}
        {/* Enter in a one-line field submits the form. */}
        <button type="submit" hidden aria-hidden tabIndex={-1} />
      </Form>
    </Drawer>
  );
}

export { objectKinds };
