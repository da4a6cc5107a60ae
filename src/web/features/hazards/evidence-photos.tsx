import { CameraOutlined, DeleteOutlined } from '@ant-design/icons';
import { Button, Card, Col, Empty, Image, Row, Space, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { HazardDetailDto } from '../../../schemas/hazards.js';
import { api } from '../../app/api/api-client';

/** The attachment upload's place query of a hazard (its post, else its area). */
export function hazardPlaceQuery(hazard: HazardDetailDto): string {
  return hazard.postId ? `postId=${hazard.postId}` : hazard.areaId ? `areaId=${hazard.areaId}` : '';
}

/**
 * Photos picked in the office, uploaded at once (stamped with the place when one is given), their
 * ids kept for the form's body: a rectification's "after" photos, a drill's photos.
 */
export function PhotoPicker({ place = '', value = [], onChange, testId = 'after-photos' }: { place?: string; value?: string[]; onChange?: (ids: string[]) => void; testId?: string }) {
  const { t } = useTranslation();
  const [isUploading, setIsUploading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const upload = async (file: File) => {
    setIsUploading(true);
    setError(null);
    try {
      const { id } = await api<{ id: string }>(`/api/v1/attachments${place ? `?${place}` : ''}`, { method: 'POST', body: file, contentType: file.type });
      onChange?.([...value, id]);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setIsUploading(false);
    }
  };
  return (
    <div data-testid={testId}>
      <Space wrap>
        {value.map((id) => (
          <div key={id} style={{ position: 'relative' }}>
            <Image src={`/api/v1/attachments/${id}`} width={88} height={88} style={{ objectFit: 'cover', borderRadius: 4 }} />
            <Button size="small" type="text" danger icon={<DeleteOutlined />} style={{ position: 'absolute', top: 0, right: 0 }} aria-label={t('hazardUi.evidence.remove')} onClick={() => onChange?.(value.filter((x) => x !== id))} />
          </div>
        ))}
        <Upload accept="image/jpeg,image/png,image/webp" multiple showUploadList={false} beforeUpload={(file) => (void upload(file), false)}>
          <Button icon={<CameraOutlined />} loading={isUploading} data-testid={`${testId}-add`}>
            {t('hazardUi.evidence.add')}
          </Button>
        </Upload>
      </Space>
      {error && <div style={{ color: '#cf1322', marginTop: 4 }}>{error}</div>}
    </div>
  );
}

/** Acceptance: the photos of the report beside those of the rectified state (issue 8 §7). */
export function BeforeAfter({ hazard }: { hazard: HazardDetailDto }) {
  const { t } = useTranslation();
  const column = (title: string, ids: string[], testId: string) => (
    <Col xs={12}>
      <Card size="small" title={title} data-testid={testId} data-count={ids.length}>
        {ids.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('hazardUi.evidence.none')} />
        ) : (
          <Image.PreviewGroup>
            <Space wrap>
              {ids.map((id) => (
                <Image key={id} src={`/api/v1/attachments/${id}`} width={140} height={105} style={{ objectFit: 'cover', borderRadius: 4 }} />
              ))}
            </Space>
          </Image.PreviewGroup>
        )}
      </Card>
    </Col>
  );
  return (
    <Row gutter={8} style={{ marginBottom: 12 }} data-testid="before-after">
      {column(t('hazardUi.evidence.before'), hazard.photoIds, 'photos-before')}
      {column(t('hazardUi.evidence.after'), hazard.afterPhotoIds, 'photos-after')}
    </Row>
  );
}
