import {
  AlertOutlined,
  SwapOutlined,
  SafetyCertificateOutlined,
  HeartOutlined,
  SyncOutlined,
  LineChartOutlined,
  ReconciliationOutlined,
  SolutionOutlined,
  PushpinOutlined,
  AimOutlined,
  FlagOutlined,
  QuestionCircleOutlined,
  FileProtectOutlined,
  AppstoreAddOutlined,
  BarChartOutlined,
  BellOutlined,
  CarryOutOutlined,
  ScheduleOutlined,
  ClockCircleOutlined,
  OrderedListOutlined,
  WarningOutlined,
  CalendarOutlined,
  DashboardOutlined,
  PlusSquareOutlined,
  QrcodeOutlined,
  PrinterOutlined,
  ApartmentOutlined,
  AuditOutlined,
  BankOutlined,
  BookOutlined,
  ReadOutlined,
  CloudUploadOutlined,
  ExperimentOutlined,
  EnvironmentOutlined,
  FireOutlined,
  MedicineBoxOutlined,
  NotificationOutlined,
  PhoneOutlined,
  IdcardOutlined,
  KeyOutlined,
  LinkOutlined,
  SafetyOutlined,
  TeamOutlined,
  ToolOutlined,
  TrophyOutlined,
  UserSwitchOutlined,
} from '@ant-design/icons';
import type { MenuProps } from 'antd';
import type { TFunction } from 'i18next';
import type { ReactNode } from 'react';
import { type EnterpriseRole, managerRoles, type Me } from '../../../schemas/auth.js';
import { hasRole } from '../auth/use-me';

interface NavLink {
  path: string;
  labelKey: string;
  icon: ReactNode;
  roles?: readonly EnterpriseRole[];
  /** A page that reads across enterprises: shown for a membership of one of `roles` in any enterprise, with or without an active one. */
  isAcrossEnterprises?: boolean;
}

const orgLinks: NavLink[] = [
  { path: '/org/enterprise', labelKey: 'nav.enterprise', icon: <BankOutlined /> },
  { path: '/org/units', labelKey: 'nav.orgUnits', icon: <ApartmentOutlined /> },
  { path: '/org/posts', labelKey: 'nav.posts', icon: <IdcardOutlined /> },
  { path: '/org/people', labelKey: 'nav.people', icon: <TeamOutlined /> },
  { path: '/org/areas', labelKey: 'nav.areas', icon: <EnvironmentOutlined /> },
  { path: '/org/equipment', labelKey: 'nav.equipment', icon: <ToolOutlined /> },
  { path: '/org/materials', labelKey: 'nav.materials', icon: <ExperimentOutlined /> },
  { path: '/org/import', labelKey: 'nav.import', icon: <CloudUploadOutlined />, roles: managerRoles },
];

/** 风险分级管控 / Risk control. The risk register's pages belong here too. */
export const riskLinks: NavLink[] = [
  { path: '/risk-map', labelKey: 'publication.nav', icon: <EnvironmentOutlined /> },
  { path: '/safety-signs', labelKey: 'signUi.nav', icon: <WarningOutlined /> },
  { path: '/risks', labelKey: 'riskUi.nav.register', icon: <SafetyOutlined /> },
  { path: '/accidents', labelKey: 'accidentUi.nav', icon: <FireOutlined /> },
  { path: '/templates/wizard', labelKey: 'templateUi.nav.wizard', icon: <AppstoreAddOutlined />, roles: managerRoles },
  { path: '/settings/publication', labelKey: 'pubSettings.nav', icon: <PrinterOutlined />, roles: managerRoles },
];

/**
 * 监管 / Oversight: a regulator's own pages, first in its menu and shown in or out of an enterprise.
 * Inside an enterprise the regulator reads (read-only oversight): every other entry it sees is one its
 * role may read (the server's GET roles); the pages hide their write buttons and the server refuses writes.
 */
export const oversightLinks: NavLink[] = [
  { path: '/oversight', labelKey: 'oversightUi.nav', icon: <BankOutlined />, roles: ['regulator'], isAcrossEnterprises: true },
  { path: '/oversight/county', labelKey: 'countyUi.nav', icon: <BankOutlined />, roles: ['regulator'], isAcrossEnterprises: true },
];

/** 咨询服务 / Consultancy services: the consultant's desk and overview (issue 17), not a part of risk control. */
export const consultancyLinks: NavLink[] = [
  { path: '/consultancy', labelKey: 'consultancyUi.nav', icon: <SolutionOutlined />, roles: ['consultant'], isAcrossEnterprises: true },
  { path: '/oversight', labelKey: 'oversightUi.nav', icon: <BankOutlined />, roles: ['consultant'], isAcrossEnterprises: true },
  // The enterprise's side: engaging a consultancy and ending it (its principal or safety manager).
  { path: '/engagements', labelKey: 'engagementUi.nav', icon: <SolutionOutlined />, roles: ['principal', 'safety_manager'] },
];

/** What is due across the features (DESIGN "Due items"): the first thing a manager opens. */
export const overviewLinks: NavLink[] = [
  { path: '/home', labelKey: 'homeUi.title', icon: <DashboardOutlined />, roles: ['principal', 'safety_manager', 'consultant', 'dept_head'] },
  { path: '/due-items', labelKey: 'dueItemUi.nav', icon: <ScheduleOutlined /> },
  { path: '/calendar', labelKey: 'calendarUi.nav', icon: <CalendarOutlined /> },
];

/** 应急管理 / Emergency readiness. */
export const emergencyLinks: NavLink[] = [
  { path: '/emergency/plans', labelKey: 'emergencyUi.nav.plans', icon: <FireOutlined /> },
  { path: '/emergency/drills', labelKey: 'emergencyUi.nav.drills', icon: <ScheduleOutlined /> },
  { path: '/emergency/supplies', labelKey: 'emergencyUi.nav.supplies', icon: <MedicineBoxOutlined /> },
  { path: '/emergency/contacts', labelKey: 'emergencyUi.nav.contacts', icon: <PhoneOutlined /> },
  { path: '/emergency/cards', labelKey: 'emergencyUi.nav.cards', icon: <AlertOutlined /> },
];

/** 管理体系 / OHS management system (issue 14): policy, objectives and programmes. */
export const managementLinks: NavLink[] = [
  { path: '/management/initial-review', labelKey: 'ohsSystemUi.nav.review', icon: <AuditOutlined /> },
  { path: '/management/duties', labelKey: 'ohsSystemUi.nav.duties', icon: <IdcardOutlined /> },
  { path: '/management/policy', labelKey: 'managementUi.nav.policy', icon: <FlagOutlined /> },
  { path: '/management/objectives', labelKey: 'managementUi.nav.objectives', icon: <AimOutlined /> },
  { path: '/documents', labelKey: 'documentsUi.nav.documents', icon: <FileProtectOutlined /> },
  { path: '/legal-register', labelKey: 'documentsUi.nav.legal', icon: <ReadOutlined /> },
];

/** 运行控制 / Operational control (issue 14 §7–10): change, contractors, communication, registers, occupational health. */
export const operationsLinks: NavLink[] = [
  { path: '/operations/changes', labelKey: 'operationsUi.nav.change', icon: <SwapOutlined /> },
  { path: '/operations/contractors', labelKey: 'operationsUi.nav.contractors', icon: <SolutionOutlined /> },
  { path: '/operations/special-equipment', labelKey: 'operationsUi.nav.special', icon: <ToolOutlined /> },
  { path: '/operations/meetings', labelKey: 'operationsUi.nav.meetings', icon: <TeamOutlined /> },
  { path: '/operations/ppe', labelKey: 'operationsUi.nav.ppe', icon: <SafetyCertificateOutlined /> },
  { path: '/operations/monitoring', labelKey: 'operationsUi.nav.monitoring', icon: <ExperimentOutlined /> },
  { path: '/operations/health-exams', labelKey: 'operationsUi.nav.health', icon: <HeartOutlined />, roles: ['principal', 'safety_manager', 'consultant', 'regulator'] },
];
/** 检查与改进 / Check and act (issue 15): nonconformities and corrective actions, audits, reviews, monitoring, appraisal. */
const improvementReaders: EnterpriseRole[] = ['principal', 'safety_manager', 'dept_head', 'team_leader', 'consultant', 'regulator'];
export const improvementLinks: NavLink[] = [
  { path: '/improvement/monitoring', labelKey: 'improvementUi.nav.monitoring', icon: <LineChartOutlined />, roles: improvementReaders },
  { path: '/improvement/reviews', labelKey: 'improvementUi.nav.reviews', icon: <ReconciliationOutlined />, roles: improvementReaders },
  { path: '/improvement/audits', labelKey: 'improvementUi.nav.audits', icon: <AuditOutlined />, roles: improvementReaders },
  { path: '/improvement/capas', labelKey: 'improvementUi.nav.capas', icon: <SyncOutlined />, roles: improvementReaders },
  { path: '/improvement/appraisal', labelKey: 'improvementUi.nav.appraisal', icon: <TrophyOutlined />, roles: ['principal', 'safety_manager', 'dept_head', 'consultant'] },
];

/** 隐患排查治理 / Hazard management. */
export const hazardLinks: NavLink[] = [
  { path: '/hazards', labelKey: 'hazardUi.nav.ledger', icon: <WarningOutlined /> },
  { path: '/inspection-lists', labelKey: 'hazardUi.nav.lists', icon: <OrderedListOutlined /> },
  { path: '/inspection-tasks', labelKey: 'hazardUi.nav.tasks', icon: <CarryOutOutlined /> },
  { path: '/print/qr-codes', labelKey: 'publication.qr.nav', icon: <QrcodeOutlined />, roles: managerRoles },
  { path: '/hazard-statistics', labelKey: 'hazardUi.nav.stats', icon: <BarChartOutlined /> },
  { path: '/print/hazard-notices', labelKey: 'hazardUi.notice.nav', icon: <NotificationOutlined /> },
  { path: '/settings/shifts', labelKey: 'hazardUi.nav.shifts', icon: <ClockCircleOutlined />, roles: managerRoles },
  { path: '/settings/notifications', labelKey: 'hazardUi.nav.notifications', icon: <BellOutlined />, roles: ['principal', 'safety_manager'] },
];

/** 安全生产标准化 / Standardization (seeds 002 phase 5, 004). */
export const standardizationLinks: NavLink[] = [
  { path: '/standardization', labelKey: 'standardizationUi.nav.assessments', icon: <TrophyOutlined />, roles: ['principal', 'safety_manager', 'dept_head', 'consultant', 'regulator'] },
];

export const accountRoles = ['principal', 'safety_manager', 'consultant'] as const satisfies readonly EnterpriseRole[];
export const auditRoles = ['principal', 'safety_manager'] as const satisfies readonly EnterpriseRole[];

/** 教育培训 / Training (issue 12). Records are personal: not for workers. */
const trainingReaderRoles = ['principal', 'safety_manager', 'dept_head', 'team_leader', 'consultant', 'regulator'] as const satisfies readonly EnterpriseRole[];
export const trainingLinks: NavLink[] = [
  { path: '/training/sessions', labelKey: 'trainingUi.nav.sessions', icon: <BookOutlined /> },
  { path: '/training/records', labelKey: 'trainingUi.nav.records', icon: <IdcardOutlined />, roles: trainingReaderRoles },
  { path: '/training/certificates', labelKey: 'trainingUi.nav.certificates', icon: <SafetyOutlined />, roles: trainingReaderRoles },
];

const systemLinks: NavLink[] = [
  { path: '/system/accounts', labelKey: 'nav.accounts', icon: <UserSwitchOutlined />, roles: accountRoles },
  { path: '/system/audit-log', labelKey: 'nav.auditLog', icon: <AuditOutlined />, roles: auditRoles },
  { path: '/system/password', labelKey: 'nav.password', icon: <KeyOutlined /> },
];

/** 现场管理 / Front-line practice (seed 003, issue 11). */
export const frontlineLinks: NavLink[] = [
  { path: '/frontline/permits', labelKey: 'frontlineUi.nav.permits', icon: <FileProtectOutlined /> },
  { path: '/frontline/accident-scenarios', labelKey: 'frontlineUi.nav.scenarios', icon: <AlertOutlined /> },
  { path: '/frontline/point-call', labelKey: 'frontlineUi.nav.pointCall', icon: <AimOutlined /> },
  { path: '/frontline/fixed-position', labelKey: 'frontlineUi.nav.fixedPosition', icon: <PushpinOutlined /> },
  { path: '/frontline/knowledge', labelKey: 'frontlineUi.nav.knowledge', icon: <QuestionCircleOutlined />, roles: ['principal', 'safety_manager', 'dept_head', 'team_leader', 'consultant', 'regulator'] },
];

/** Areas of the seed that have no pages yet. */
const comingSoon: { key: string; labelKey: string; icon: ReactNode }[] = [];

export const allNavPaths = [...orgLinks, ...systemLinks].map((l) => l.path);

const menuPaths = [...oversightLinks, ...consultancyLinks, ...overviewLinks, ...orgLinks, ...riskLinks, ...hazardLinks, ...frontlineLinks, ...trainingLinks, ...emergencyLinks, ...managementLinks, ...operationsLinks, ...improvementLinks, ...standardizationLinks, ...systemLinks].map((l) => l.path);

/** Pages without an entry of their own, and the entry they belong under. */
const parentOf: [RegExp, string][] = [
  [/^\/posts\/[^/]+\/inspection-list(\/|$)/, '/inspection-lists'],
  [/^\/posts(\/|$)/, '/org/posts'],
  [/^\/training\/people(\/|$)/, '/training/records'],
];

/** The menu entry to highlight: the page's own, or its parent's on a detail page (/hazards/:id → 隐患台账). */
export function selectedNavKey(pathname: string): string {
  const path = pathname.length > 1 ? pathname.replace(/\/+$/, '') : pathname;
  for (const [pattern, key] of parentOf) if (pattern.test(path)) return key;
  const owner = menuPaths.filter((p) => path === p || path.startsWith(`${p}/`)).sort((a, b) => b.length - a.length)[0];
  return owner ?? path;
}

type NavItems = NonNullable<MenuProps['items']>;

/**
 * The menu: one collapsible group (an antd submenu) per area, so 60 entries do not make one long
 * column. Group keys are plain words, entry keys are paths (they never collide: paths start with '/').
 */
export function buildNavItems(me: Me, t: TFunction): NavItems {
  const hasEnterprise = me.activeEnterpriseId !== null;
  const mayOpen = (l: NavLink) =>
    !l.roles || (l.isAcrossEnterprises ? me.memberships.some((m) => l.roles?.includes(m.role)) : hasRole(me, l.roles));
  const visible = (links: NavLink[]) => links.filter(mayOpen).map((l) => ({ key: l.path, icon: l.icon, label: t(l.labelKey) }));
  const group = (key: string, labelKey: string, icon: ReactNode, children: { key: string; icon: ReactNode; label: string }[]) =>
    children.length === 0 ? [] : [{ key, icon, label: t(labelKey), children }];
  const oversight = group('oversight', 'oversightUi.navGroup', <BankOutlined />, visible(oversightLinks));
  const consultancy = group('consultancy', 'consultancyUi.navGroup', <SolutionOutlined />, visible(consultancyLinks.filter((l) => hasEnterprise || l.isAcrossEnterprises)));
  const enterpriseGroups = hasEnterprise
    ? [
        ...group('overview', 'nav.overview', <DashboardOutlined />, visible(overviewLinks)),
        ...group('org', 'nav.org', <ApartmentOutlined />, visible(orgLinks)),
        ...group('risk', 'nav.riskControl', <SafetyOutlined />, visible(riskLinks)),
        ...group('hazard', 'hazardUi.nav.group', <WarningOutlined />, visible(hazardLinks)),
        ...group('frontline', 'frontlineUi.nav.group', <FileProtectOutlined />, visible(frontlineLinks)),
        ...group('training', 'trainingUi.nav.group', <BookOutlined />, visible(trainingLinks)),
        ...group('standardization', 'standardizationUi.nav.group', <TrophyOutlined />, visible(standardizationLinks)),
        ...group('emergency', 'emergencyUi.nav.group', <FireOutlined />, visible(emergencyLinks)),
        ...group('management', 'managementUi.nav.group', <FlagOutlined />, visible(managementLinks)),
        ...group('operations', 'operationsUi.nav.group', <SwapOutlined />, visible(operationsLinks)),
        ...group('improvement', 'improvementUi.nav.group', <SyncOutlined />, visible(improvementLinks)),
      ]
    : [];
  // Administrator and consultants register new enterprises (then run the template wizard there).
  const setup =
    me.user.isAdmin || me.memberships.some((m) => m.role === 'consultant')
      ? group('setup', 'templateUi.nav.setup', <PlusSquareOutlined />, [
          { key: '/templates/new-enterprise', icon: <PlusSquareOutlined />, label: t('templateUi.nav.newEnterprise') },
          // The administrator links consultancies and regulators to enterprises (issue 8 §2).
          ...(me.user.isAdmin
            ? [
                { key: '/system/members', icon: <LinkOutlined />, label: t('members.nav') },
                // Issue 17: consultancies with their consultants, and the regulators' jurisdictions.
                { key: '/system/consultancies', icon: <SolutionOutlined />, label: t('consultancyAdminUi.nav') },
                { key: '/system/jurisdictions', icon: <ApartmentOutlined />, label: t('jurisdictionUi.nav') },
              ]
            : []),
        ])
      : [];
  const system = group('system', 'nav.system', <KeyOutlined />, hasEnterprise ? visible(systemLinks) : visible(systemLinks.filter((l) => !l.roles)));
  const soon = group(
    'soon',
    'app.comingSoon',
    <QuestionCircleOutlined />,
    comingSoon.map((c) => ({ key: `soon-${c.key}`, icon: c.icon, disabled: true, title: `${t(c.labelKey)} · ${t('app.comingSoon')}`, label: t(c.labelKey) })),
  );
  return [...oversight, ...consultancy, ...enterpriseGroups, ...setup, ...system, ...soon];
}

/** The group holding a menu entry (so the current page's group can be opened), or null. */
export function navGroupOf(items: NavItems, entryKey: string): string | null {
  for (const item of items) {
    if (item && 'children' in item && item.children?.some((child) => child?.key === entryKey)) return String(item.key);
  }
  return null;
}
