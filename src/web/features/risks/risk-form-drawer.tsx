import { Alert, Button, Checkbox, Col, Divider, Drawer, Form, Grid, Input, Radio, Row, Select, Space, TreeSelect, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { PostDto } from '../../../schemas/org.js';
import { controlTiers, identificationMethods, objectKinds, type RiskDetailDto, type RiskListItemDto } from '../../../schemas/risks.js';
import { useAreas } from '../org/use-org-lookups';
import { EvaluationFields, EvaluationPreview } from './evaluation-fields';
import { JhaStepsEditor } from './jha-steps-editor';
import { MeasuresEditor } from './measures-editor';
import { useReference } from './risk-api';
import { useHazardFactorTree } from './use-hazard-factor-tree';
import { usePeople } from './use-people';
import { useRiskForm } from './use-risk-form';

const operationKinds = ['activity', 'equipment', 'place', 'material'] as const;
const managementKinds = ['duty', 'equipment', 'rule'] as const;

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
  const screens = Grid.useBreakpoint();
  const { form, save, submit } = useRiskForm({ post, isOpen, editing, onClose, onSaved });
  const accidentTypes = useReference('accident-types');
  const hazardTree = useHazardFactorTree();
  const tiers = useReference('control-tiers');
  const areas = useAreas();
  const people = usePeople();
  const method = Form.useWatch('identificationMethod', form);

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
        {method === 'jha' && <JhaStepsEditor />}
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
