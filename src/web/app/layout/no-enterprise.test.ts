import { describe, expect, it } from 'vitest';
import { enUS } from '../i18n/en-US';
import { zhCN } from '../i18n/zh-CN';
import { noEnterpriseCase } from './no-enterprise';

const user = (isAdmin: boolean) => ({ id: 'u', username: 'u', displayName: 'u', isAdmin, locale: null, mustChangePassword: false });

describe('noEnterpriseCase (issue 8 §9)', () => {
  it('never tells the administrator to contact the administrator', () => {
    expect(noEnterpriseCase({ user: user(true), memberships: [] })).toBe('admin');
    expect(zhCN.noEnterprise.adminHint).not.toMatch(/联系系统管理员/);
    expect(enUS.noEnterprise.adminHint).not.toMatch(/contact the (system )?administrator/i);
  });

  it('offers a consultant to register an enterprise, and sends anyone else to their own managers', () => {
    expect(noEnterpriseCase({ user: user(false), memberships: [{ enterpriseId: 'e', enterpriseName: 'E', role: 'consultant' }] })).toBe('consultant');
    expect(noEnterpriseCase({ user: user(false), memberships: [] })).toBe('member');
    expect(zhCN.noEnterprise.memberHint).toMatch(/安全管理人员/);
  });

  it('tells a regulator or consultant whose enterprise was taken away why, whatever else it is', () => {
    expect(noEnterpriseCase({ user: user(false), memberships: [{ enterpriseId: 'e', enterpriseName: 'E', role: 'consultant' }], hasLostEnterprise: true })).toBe('accessEnded');
    expect(zhCN.noEnterprise.accessEndedHint).toMatch(/辖区.*咨询服务已结束/);
    expect(enUS.noEnterprise.accessEndedHint).toMatch(/jurisdiction.*engagement has ended/);
  });
});
