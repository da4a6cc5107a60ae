import { Button, Result, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { Me } from '../../../schemas/auth.js';

export type NoEnterpriseCase = 'admin' | 'consultant' | 'member' | 'accessEnded';

/**
 * Who sees the "no enterprise yet" page decides what it says (issue 8 §9: the system administrator
 * was told to contact the system administrator): the administrator registers or links enterprises,
 * a consultant registers one, anyone else asks their own enterprise's managers.
 */
export function noEnterpriseCase(me: Pick<Me, 'user' | 'memberships'> & Partial<Pick<Me, 'hasLostEnterprise'>>): NoEnterpriseCase {
  // A regulator's enterprise left its jurisdiction, a consultant's engagement ended: say so.
  if (me.hasLostEnterprise) return 'accessEnded';
  if (me.user.isAdmin) return 'admin';
  if (me.memberships.some((m) => m.role === 'consultant')) return 'consultant';
  return 'member';
}

export function NoEnterprise({ me }: { me: Me }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const which = noEnterpriseCase(me);
  const register = (
    <Button type="primary" key="register" onClick={() => navigate('/templates/new-enterprise')} data-testid="no-enterprise-register">
      {t('noEnterprise.register')}
    </Button>
  );
  if (which === 'admin') {
    return (
      <Result
        status="info"
        title={t('noEnterprise.adminTitle')}
        subTitle={t('noEnterprise.adminHint')}
        extra={
          <Space>
            {register}
            <Button onClick={() => navigate('/system/members')}>{t('noEnterprise.link')}</Button>
          </Space>
        }
      />
    );
  }
  if (which === 'accessEnded') return <Result status="warning" title={t('noEnterprise.accessEndedTitle')} subTitle={t('noEnterprise.accessEndedHint')} data-testid="enterprise-access-ended" />;
  if (which === 'consultant') return <Result status="info" title={t('app.noEnterprise')} subTitle={t('noEnterprise.consultantHint')} extra={register} />;
  return <Result status="info" title={t('app.noEnterprise')} subTitle={t('noEnterprise.memberHint')} />;
}
