import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Descriptions, Drawer, Form, Grid, Input, Modal, Space, Switch, Tag, Timeline, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type AccidentDetailDto, accidentCorrectionSchema } from '../../../schemas/accidents.js';
import { api } from '../../app/api/api-client';
import { useCanManage } from '../../app/auth/use-me';
import { useZodForm } from '../../app/forms/use-zod-form';
import { AccidentFields, changedFields, toAccidentInput } from './accident-fields';

export const accidentsPath = '/api/v1/accidents';

/** One entry, its revisions (never overwritten) and the correction form. */
export function AccidentDetailDrawer({ id, onClose }: { id: string | null; onClose(): void }) {
  const { t } = useTranslation();
  const screens = Grid.useBreakpoint();
  const canManage = useCanManage();
  const [isCorrecting, setCorrecting] = useState(false);
  const detail = useQuery({ queryKey: [accidentsPath, 'detail', id], enabled: id !== null, queryFn: () => api<AccidentDetailDto>(`${accidentsPath}/${id}`) });
  const a = detail.data;
  return (
    <Drawer title={t('accidentUi.detailTitle')} open={id !== null} onClose={onClose} size={screens.md ? 640 : '100%'} data-testid="accident-detail">
      {a && (
        <>
          <Space style={{ marginBottom: 12 }} wrap>
            <Tag color={a.kind === 'near_miss' ? 'blue' : 'red'}>{t(`accidentUi.kind.${a.kind}`)}</Tag>
            {a.isVoid && <Tag>{t('accidentUi.void')}</Tag>}
            <Typography.Text type="secondary">{t('accidentUi.revision', { n: a.revision })}</Typography.Text>
            {canManage && (
              <Button size="small" onClick={() => setCorrecting(true)} data-testid="accident-correct">
                {t('accidentUi.correct')}
              </Button>
            )}
          </Space>
          <Descriptions column={1} size="small" bordered>
            <Descriptions.Item label={t('accidentUi.field.occurredOn')}>{a.occurredOn}</Descriptions.Item>
            <Descriptions.Item label={t('accidentUi.field.place')}>{[a.postName, a.areaName, a.equipmentName].filter(Boolean).join(' / ') || '—'}</Descriptions.Item>
            <Descriptions.Item label={t('accidentUi.field.type')}>
              {a.accidentTypeLabel ?? '—'} {a.henanTypeLabel && <Typography.Text type="secondary">（{t('accidentUi.henan')} {a.henanTypeLabel}）</Typography.Text>}
            </Descriptions.Item>
            <Descriptions.Item label={t('accidentUi.field.casualties')}>{t('accidentUi.casualties', { d: a.deaths, s: a.seriousInjuries, m: a.minorInjuries })}</Descriptions.Item>
            <Descriptions.Item label={t('accidentUi.field.directLossCny')}>{a.directLossCny}</Descriptions.Item>
            <Descriptions.Item label={t('accidentUi.field.peopleInvolved')}>{a.peopleInvolved || '—'}</Descriptions.Item>
            <Descriptions.Item label={t('accidentUi.field.description')}>{a.description}</Descriptions.Item>
            <Descriptions.Item label={t('accidentUi.field.causeAnalysis')}>{a.causeAnalysis || '—'}</Descriptions.Item>
            <Descriptions.Item label={t('accidentUi.field.correctiveActions')}>{a.correctiveActions || '—'}</Descriptions.Item>
            <Descriptions.Item label={t('accidentUi.field.authorityReport')}>{a.authorityReport || '—'}</Descriptions.Item>
          </Descriptions>
          <Typography.Title level={5} style={{ marginTop: 16 }}>
            {t('accidentUi.history')}
          </Typography.Title>
          <Timeline
            data-testid="accident-history"
            items={a.history.map((h) => ({
              color: h.revision === 1 ? 'blue' : 'orange',
              content: (
                <div>
                  <Typography.Text strong>{t('accidentUi.revision', { n: h.revision })}</Typography.Text>{' '}
                  <Typography.Text type="secondary">
                    {h.recordedByName ?? ''} · {new Date(h.recordedAt).toLocaleString()}
                  </Typography.Text>
                  {h.correctionReason && <div>{t('accidentUi.reasonLine', { reason: h.correctionReason })}</div>}
                  <div>
                    <Typography.Text type="secondary">
                      {h.occurredOn} · {t('accidentUi.casualties', { d: h.deaths, s: h.seriousInjuries, m: h.minorInjuries })}
                      {h.isVoid ? ` · ${t('accidentUi.void')}` : ''}
                    </Typography.Text>
                  </div>
                </div>
              ),
            }))}
          />
          <CorrectionModal accident={a} isOpen={isCorrecting} onClose={() => setCorrecting(false)} />
        </>
      )}
    </Drawer>
  );
}

function CorrectionModal({ accident, isOpen, onClose }: { accident: AccidentDetailDto; isOpen: boolean; onClose(): void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const client = useQueryClient();
  const [form] = Form.useForm<Record<string, unknown>>();
  const zodForm = useZodForm(form, accidentCorrectionSchema);
  const before = toAccidentInput(accident as unknown as Record<string, unknown>);
  const save = useMutation({
    mutationFn: (body: unknown) => api<AccidentDetailDto>(`${accidentsPath}/${accident.id}/corrections`, { method: 'POST', body }),
    onSuccess: async (dto) => {
      await client.invalidateQueries({ queryKey: [accidentsPath] });
      // Re-evaluated risks: the register and the posts show their new levels.
      await client.invalidateQueries({ queryKey: ['/api/v1/risks'] });
      await client.invalidateQueries({ queryKey: ['/api/v1/posts'] });
      void message.success(t('accidentUi.corrected', { count: dto.affectedRiskCount }));
      onClose();
    },
    onError: (error) => {
      if (!zodForm.showServerErrors(error)) void message.error(error.message);
    },
  });
  function submit(values: Record<string, unknown>) {
    const { reason, isVoid, ...rest } = values;
    const body = { reason, ...(isVoid ? { isVoid: true } : {}), ...changedFields(before, toAccidentInput(rest)) };
    zodForm.submit(body, (parsed) => save.mutate(parsed));
  }
  return (
    <Modal
      open={isOpen}
      title={t('accidentUi.correctTitle')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okButtonProps={{ loading: save.isPending, ...({ 'data-testid': 'correction-save' } as Record<string, string>) }}
      destroyOnHidden
      width={600}
    >
      <Alert type="info" showIcon style={{ marginBottom: 12 }} title={t('accidentUi.correctHint')} />
      <Form form={form} layout="vertical" initialValues={before} onFinish={submit} onValuesChange={zodForm.clearChanged} preserve={false}>
        <Form.Item name="reason" label={t('accidentUi.field.reason')} required>
          <Input.TextArea autoSize={{ minRows: 2 }} maxLength={1000} data-testid="correction-reason" />
        </Form.Item>
        <Form.Item name="isVoid" label={t('accidentUi.field.isVoid')} valuePropName="checked">
          <Switch />
        </Form.Item>
        <AccidentFields />
      </Form>
    </Modal>
  );
}
