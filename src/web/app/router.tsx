import { Button, Result } from 'antd';
import { lazy } from 'react';
import { Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { createBrowserRouter, Navigate, useNavigate } from 'react-router';
import { LoginPage } from './auth/login-page';
import { RequireAuth } from './auth/require-auth';
import { AppLayout } from './layout/app-layout';
import { useCurrentUser } from './auth/use-me';

// One chunk per feature page: the shell loads first, pages on demand.
const EnterprisePage = lazy(() => import('../features/org/enterprise-page').then((m) => ({ default: m.EnterprisePage })));
const OrgUnitsPage = lazy(() => import('../features/org/org-units-page').then((m) => ({ default: m.OrgUnitsPage })));
const PostsPage = lazy(() => import('../features/org/posts-page').then((m) => ({ default: m.PostsPage })));
const PeoplePage = lazy(() => import('../features/org/people-page').then((m) => ({ default: m.PeoplePage })));
const AreasPage = lazy(() => import('../features/org/areas-page').then((m) => ({ default: m.AreasPage })));
const EquipmentPage = lazy(() => import('../features/org/equipment-page').then((m) => ({ default: m.EquipmentPage })));
const MaterialsPage = lazy(() => import('../features/org/materials-page').then((m) => ({ default: m.MaterialsPage })));
const ImportPage = lazy(() => import('../features/org/import-page').then((m) => ({ default: m.ImportPage })));
const AccountsPage = lazy(() => import('../features/system/accounts-page').then((m) => ({ default: m.AccountsPage })));
const AuditLogPage = lazy(() => import('../features/system/audit-log-page').then((m) => ({ default: m.AuditLogPage })));
const ChangePasswordPage = lazy(() => import('../features/system/change-password-page').then((m) => ({ default: m.ChangePasswordPage })));
const SafetySignsPage = lazy(() => import('../features/safety-signs/safety-signs-page').then((m) => ({ default: m.SafetySignsPage })));
const HomePage = lazy(() => import('../features/home/home-page').then((m) => ({ default: m.HomePage })));
const MonthlySummaryPrintPage = lazy(() => import('../features/home/monthly-summary-print-page').then((m) => ({ default: m.MonthlySummaryPrintPage })));
const CalendarPage = lazy(() => import('../features/due-items/calendar-page').then((m) => ({ default: m.CalendarPage })));
const RiskMapPage = lazy(() => import('../features/publication/risk-map-page').then((m) => ({ default: m.RiskMapPage })));
const RiskMapPrintPage = lazy(() => import('../features/publication/risk-map-print-page').then((m) => ({ default: m.RiskMapPrintPage })));
const RiskCardPrintPage = lazy(() => import('../features/publication/risk-card-print-page').then((m) => ({ default: m.RiskCardPrintPage })));
const RiskCardPhonePage = lazy(() => import('../features/publication/risk-card-phone-page').then((m) => ({ default: m.RiskCardPhonePage })));
const NoticeBoardPrintPage = lazy(() => import('../features/publication/notice-board-print-page').then((m) => ({ default: m.NoticeBoardPrintPage })));
const QrCodesPrintPage = lazy(() => import('../features/publication/qr-codes-print-page').then((m) => ({ default: m.QrCodesPrintPage })));
const RisksPage = lazy(() => import('../features/risks/risks-page').then((m) => ({ default: m.RisksPage })));
const PostPage = lazy(() => import('../features/risks/post-page').then((m) => ({ default: m.PostPage })));
const TemplateWizardPage = lazy(() => import('../features/templates/template-wizard-page').then((m) => ({ default: m.TemplateWizardPage })));
const NewEnterprisePage = lazy(() => import('../features/templates/new-enterprise-page').then((m) => ({ default: m.NewEnterprisePage })));
const HazardLedgerPage = lazy(() => import('../features/hazards/hazard-ledger-page').then((m) => ({ default: m.HazardLedgerPage })));
const HazardDetailPage = lazy(() => import('../features/hazards/hazard-detail-page').then((m) => ({ default: m.HazardDetailPage })));
const HazardStatisticsPage = lazy(() => import('../features/hazards/hazard-statistics-page').then((m) => ({ default: m.HazardStatisticsPage })));
const InspectionListsPage = lazy(() => import('../features/inspections/inspection-lists-page').then((m) => ({ default: m.InspectionListsPage })));
const InspectionTasksPage = lazy(() => import('../features/inspections/inspection-tasks-page').then((m) => ({ default: m.InspectionTasksPage })));
const RiskCardsPrintPage = lazy(() => import('../features/publication/risk-cards-print-page').then((m) => ({ default: m.RiskCardsPrintPage })));
const NoticeBoardsPrintPage = lazy(() => import('../features/publication/notice-boards-print-page').then((m) => ({ default: m.NoticeBoardsPrintPage })));
const PublicationSettingsPage = lazy(() => import('../features/publication/publication-settings-page').then((m) => ({ default: m.PublicationSettingsPage })));
const ShiftsPage = lazy(() => import('../features/inspections/shifts-page').then((m) => ({ default: m.ShiftsPage })));
const StandardizationPage = lazy(() => import('../features/standardization/standardization-page').then((m) => ({ default: m.StandardizationPage })));
const AssessmentPage = lazy(() => import('../features/standardization/assessment-page').then((m) => ({ default: m.AssessmentPage })));
const EmergencyCardPrintPage = lazy(() => import('../features/emergency/emergency-card-print-page').then((m) => ({ default: m.EmergencyCardPrintPage })));
const PlansPage = lazy(() => import('../features/emergency/plans-page').then((m) => ({ default: m.PlansPage })));
const ClosureNoticePrintPage = lazy(() => import('../features/hazards/closure-notice-print-page').then((m) => ({ default: m.ClosureNoticePrintPage })));
const PlanPage = lazy(() => import('../features/emergency/plan-page').then((m) => ({ default: m.PlanPage })));
const SuppliesPage = lazy(() => import('../features/emergency/supplies-page').then((m) => ({ default: m.SuppliesPage })));
const ContactsPage = lazy(() => import('../features/emergency/contacts-page').then((m) => ({ default: m.ContactsPage })));
const DrillsPage = lazy(() => import('../features/emergency/drills-page').then((m) => ({ default: m.DrillsPage })));
const ObjectivesPage = lazy(() => import('../features/management/objectives-page').then((m) => ({ default: m.ObjectivesPage })));
const ChangeRequestsPage = lazy(() => import('../features/operations/change-requests-page').then((m) => ({ default: m.ChangeRequestsPage })));
const MonitoringPage = lazy(() => import('../features/improvement/monitoring-page').then((m) => ({ default: m.MonitoringPage })));
const AppraisalPage = lazy(() => import('../features/improvement/appraisal-page').then((m) => ({ default: m.AppraisalPage })));
const ReviewsPage = lazy(() => import('../features/improvement/reviews-page').then((m) => ({ default: m.ReviewsPage })));
const AuditsPage = lazy(() => import('../features/improvement/audits-page').then((m) => ({ default: m.AuditsPage })));
const CapaPage = lazy(() => import('../features/improvement/capa-page').then((m) => ({ default: m.CapaPage })));
const ContractorsPage = lazy(() => import('../features/operations/contractors-page').then((m) => ({ default: m.ContractorsPage })));
const DocumentsPage = lazy(() => import('../features/documents/documents-page').then((m) => ({ default: m.DocumentsPage })));
const LegalRegisterPage = lazy(() => import('../features/documents/legal-register-page').then((m) => ({ default: m.LegalRegisterPage })));
const DocumentPage = lazy(() => import('../features/documents/document-page').then((m) => ({ default: m.DocumentPage })));
const SpecialEquipmentPage = lazy(() => import('../features/operations/special-equipment-page').then((m) => ({ default: m.SpecialEquipmentPage })));
const HealthExamsPage = lazy(() => import('../features/operations/health-exams-page').then((m) => ({ default: m.HealthExamsPage })));
const PpePage = lazy(() => import('../features/operations/ppe-page').then((m) => ({ default: m.PpePage })));
const WorkplaceMonitoringPage = lazy(() => import('../features/operations/workplace-monitoring-page').then((m) => ({ default: m.WorkplaceMonitoringPage })));
const MeetingsPage = lazy(() => import('../features/operations/meetings-page').then((m) => ({ default: m.MeetingsPage })));
const PolicyPage = lazy(() => import('../features/management/policy-page').then((m) => ({ default: m.PolicyPage })));
const InitialReviewsPage = lazy(() => import('../features/management/initial-review-page').then((m) => ({ default: m.InitialReviewsPage })));
const DutiesPage = lazy(() => import('../features/management/duties-page').then((m) => ({ default: m.DutiesPage })));
const InitialReviewPage = lazy(() => import('../features/management/initial-review-page').then((m) => ({ default: m.InitialReviewPage })));
const CardsPage = lazy(() => import('../features/emergency/cards-page').then((m) => ({ default: m.CardsPage })));
const DueItemsPage = lazy(() => import('../features/due-items/due-items-page').then((m) => ({ default: m.DueItemsPage })));
const EngagementsPage = lazy(() => import('../features/consultancy/engagements-page').then((m) => ({ default: m.EngagementsPage })));
const ConsultantDeskPage = lazy(() => import('../features/consultancy/consultant-desk-page').then((m) => ({ default: m.ConsultantDeskPage })));
const CountyPage = lazy(() => import('../features/oversight/county-page').then((m) => ({ default: m.CountyPage })));
const OversightPage = lazy(() => import('../features/oversight/oversight-page').then((m) => ({ default: m.OversightPage })));
const AccidentsPage = lazy(() => import('../features/accidents/accidents-page').then((m) => ({ default: m.AccidentsPage })));
const TrainingSessionsPage = lazy(() => import('../features/training/training-sessions-page').then((m) => ({ default: m.TrainingSessionsPage })));
const TrainingSessionPage = lazy(() => import('../features/training/training-session-page').then((m) => ({ default: m.TrainingSessionPage })));
const TrainingRecordsPage = lazy(() => import('../features/training/training-records-page').then((m) => ({ default: m.TrainingRecordsPage })));
const PersonTrainingPage = lazy(() => import('../features/training/person-training-page').then((m) => ({ default: m.PersonTrainingPage })));
const CertificatesPage = lazy(() => import('../features/training/certificates-page').then((m) => ({ default: m.CertificatesPage })));
const AccidentScenariosPage = lazy(() => import('../features/frontline/accident-scenarios-page').then((m) => ({ default: m.AccidentScenariosPage })));
const AccidentScenarioPage = lazy(() => import('../features/frontline/accident-scenario-page').then((m) => ({ default: m.AccidentScenarioPage })));
const AccidentScenarioPrintPage = lazy(() => import('../features/frontline/accident-scenario-print-page').then((m) => ({ default: m.AccidentScenarioPrintPage })));
const PermitsPage = lazy(() => import('../features/frontline/permits-page').then((m) => ({ default: m.PermitsPage })));
const PermitPage = lazy(() => import('../features/frontline/permit-page').then((m) => ({ default: m.PermitPage })));
const PermitPrintPage = lazy(() => import('../features/frontline/permit-print-pages').then((m) => ({ default: m.PermitPrintPage })));
const PreworkPrintPage = lazy(() => import('../features/frontline/permit-print-pages').then((m) => ({ default: m.PreworkPrintPage })));
const KnowledgePage = lazy(() => import('../features/frontline/knowledge-page').then((m) => ({ default: m.KnowledgePage })));
const PointCallPage = lazy(() => import('../features/frontline/point-call-page').then((m) => ({ default: m.PointCallPage })));
const PointCallPrintPage = lazy(() => import('../features/frontline/point-call-print-page').then((m) => ({ default: m.PointCallPrintPage })));
const FixedPositionPage = lazy(() => import('../features/frontline/fixed-position-page').then((m) => ({ default: m.FixedPositionPage })));
const SetupPage = lazy(() => import('../features/setup/setup-page').then((m) => ({ default: m.SetupPage })));
const CredentialsPrintPage = lazy(() => import('../features/accounts/credentials-print-page').then((m) => ({ default: m.CredentialsPrintPage })));
const ConsultanciesAdminPage = lazy(() => import('../features/consultancy/consultancies-admin-page').then((m) => ({ default: m.ConsultanciesAdminPage })));
const JurisdictionsAdminPage = lazy(() => import('../features/oversight/jurisdictions-admin-page').then((m) => ({ default: m.JurisdictionsAdminPage })));
const MembersPage = lazy(() => import('../features/accounts/members-page').then((m) => ({ default: m.MembersPage })));
const NotificationSettingsPage = lazy(() => import('../features/notifications/notification-settings-page').then((m) => ({ default: m.NotificationSettingsPage })));

/** Item 10 (issue 9): a regulator lands on the overview of its enterprises, not on one arbitrary enterprise; the principal and the safety manager on their home page (issue 15 §7); a consultant on its desk of engagements (issue 17 §2). */
function HomeRedirect() {
  const me = useCurrentUser();
  const home =
    me.role === 'regulator' ? '/oversight' : me.role === 'principal' || me.role === 'safety_manager' ? '/home' : me.role === 'consultant' ? '/consultancy' : '/org/posts';
  return <Navigate to={home} replace />;
}

function NotFound() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return <Result status="404" title={t('app.notFound')} extra={<Button onClick={() => navigate('/')}>{t('app.backHome')}</Button>} />;
}

export const router = createBrowserRouter([
  { path: '/login', element: <LoginPage /> },
  { path: '/setup', element: <Suspense fallback={null}><SetupPage /></Suspense> },
  {
    element: <RequireAuth />,
    children: [
      // Print sheets and the phone card live outside the app layout (no menu, no header).
      { path: 'print/posts/:postId/risk-card', element: <Suspense fallback={null}><RiskCardPrintPage /></Suspense> },
      { path: 'print/areas/:areaId/notice-board', element: <Suspense fallback={null}><NoticeBoardPrintPage /></Suspense> },
      { path: 'print/monthly-summary', element: <Suspense fallback={null}><MonthlySummaryPrintPage /></Suspense> },
      { path: 'print/risk-map', element: <Suspense fallback={null}><RiskMapPrintPage /></Suspense> },
      { path: 'print/hazard-notices', element: <Suspense fallback={null}><ClosureNoticePrintPage /></Suspense> },
      { path: 'print/posts/:postId/emergency-card', element: <Suspense fallback={null}><EmergencyCardPrintPage /></Suspense> },
      { path: 'print/risk-cards', element: <Suspense fallback={null}><RiskCardsPrintPage /></Suspense> },
      { path: 'print/notice-boards', element: <Suspense fallback={null}><NoticeBoardsPrintPage /></Suspense> },
      { path: 'print/qr-codes', element: <Suspense fallback={null}><QrCodesPrintPage /></Suspense> },
      { path: 'print/credentials', element: <Suspense fallback={null}><CredentialsPrintPage /></Suspense> },
      { path: 'print/accident-scenarios/:scenarioId', element: <Suspense fallback={null}><AccidentScenarioPrintPage /></Suspense> },
      { path: 'print/permits/:permitId', element: <Suspense fallback={null}><PermitPrintPage /></Suspense> },
      { path: 'print/permits/:permitId/prework', element: <Suspense fallback={null}><PreworkPrintPage /></Suspense> },
      { path: 'print/posts/:postId/point-call', element: <Suspense fallback={null}><PointCallPrintPage /></Suspense> },
      { path: 'cards/posts/:postId', element: <Suspense fallback={null}><RiskCardPhonePage /></Suspense> },
      // Outside the app layout: the layout shows nothing but a notice until an enterprise is active.
      { path: 'templates/new-enterprise', element: <Suspense fallback={null}><NewEnterprisePage /></Suspense> },
      {
        element: <AppLayout />,
        children: [
          { index: true, element: <HomeRedirect /> },
          { path: 'org/enterprise', element: <EnterprisePage /> },
          { path: 'org/units', element: <OrgUnitsPage /> },
          { path: 'org/posts', element: <PostsPage /> },
          { path: 'org/people', element: <PeoplePage /> },
          { path: 'org/areas', element: <AreasPage /> },
          { path: 'org/equipment', element: <EquipmentPage /> },
          { path: 'org/materials', element: <MaterialsPage /> },
          { path: 'org/import', element: <ImportPage /> },
          { path: 'system/accounts', element: <AccountsPage /> },
          { path: 'system/audit-log', element: <AuditLogPage /> },
          { path: 'system/password', element: <ChangePasswordPage /> },
          { path: 'system/members', element: <MembersPage /> },
          { path: 'system/consultancies', element: <ConsultanciesAdminPage /> },
          { path: 'system/jurisdictions', element: <JurisdictionsAdminPage /> },
          { path: 'risk-map', element: <RiskMapPage /> },
          { path: 'safety-signs', element: <SafetySignsPage /> },
          { path: 'risks', element: <RisksPage /> },
          { path: 'accidents', element: <AccidentsPage /> },
          { path: 'oversight', element: <OversightPage /> },
          { path: 'oversight/county', element: <CountyPage /> },
          { path: 'consultancy', element: <ConsultantDeskPage /> },
          { path: 'engagements', element: <EngagementsPage /> },
          { path: 'posts/:postId', element: <PostPage /> },
          { path: 'templates/wizard', element: <TemplateWizardPage /> },
          { path: 'hazards', element: <HazardLedgerPage /> },
          { path: 'hazards/:hazardId', element: <HazardDetailPage /> },
          { path: 'hazard-statistics', element: <HazardStatisticsPage /> },
          { path: 'inspection-lists', element: <InspectionListsPage /> },
          { path: 'posts/:postId/inspection-list', element: <InspectionListsPage /> },
          { path: 'inspection-tasks', element: <InspectionTasksPage /> },
          { path: 'settings/shifts', element: <ShiftsPage /> },
          { path: 'settings/publication', element: <PublicationSettingsPage /> },
          { path: 'settings/notifications', element: <NotificationSettingsPage /> },
          { path: 'due-items', element: <DueItemsPage /> },
          { path: 'calendar', element: <CalendarPage /> },
          { path: 'home', element: <HomePage /> },
          { path: 'standardization', element: <StandardizationPage /> },
          { path: 'standardization/assessments/:assessmentId', element: <AssessmentPage /> },
          { path: 'emergency/plans', element: <PlansPage /> },
          { path: 'emergency/plans/:planId', element: <PlanPage /> },
          { path: 'emergency/supplies', element: <SuppliesPage /> },
          { path: 'emergency/contacts', element: <ContactsPage /> },
          { path: 'emergency/drills', element: <DrillsPage /> },
          { path: 'emergency/cards', element: <CardsPage /> },
          { path: 'management/objectives', element: <ObjectivesPage /> },
          { path: 'management/policy', element: <PolicyPage /> },
          { path: 'operations/changes', element: <ChangeRequestsPage /> },
          { path: 'management/initial-review', element: <InitialReviewsPage /> },
          { path: 'management/duties', element: <DutiesPage /> },
          { path: 'management/initial-review/:reviewId', element: <InitialReviewPage /> },
          { path: 'improvement/monitoring', element: <MonitoringPage /> },
          { path: 'improvement/appraisal', element: <AppraisalPage /> },
          { path: 'improvement/reviews', element: <ReviewsPage /> },
          { path: 'improvement/reviews/:id', element: <ReviewsPage /> },
          { path: 'improvement/audits', element: <AuditsPage /> },
          { path: 'improvement/audits/:id', element: <AuditsPage /> },
          { path: 'improvement/capas', element: <CapaPage /> },
          { path: 'improvement/capas/:id', element: <CapaPage /> },
          { path: 'operations/contractors', element: <ContractorsPage /> },
          { path: 'documents', element: <DocumentsPage /> },
          { path: 'documents/:documentId', element: <DocumentPage /> },
          { path: 'operations/special-equipment', element: <SpecialEquipmentPage /> },
          { path: 'operations/health-exams', element: <HealthExamsPage /> },
          { path: 'legal-register', element: <LegalRegisterPage /> },
          { path: 'operations/ppe', element: <PpePage /> },
          { path: 'operations/meetings', element: <MeetingsPage /> },
          { path: 'operations/monitoring', element: <WorkplaceMonitoringPage /> },
          { path: 'training/sessions', element: <TrainingSessionsPage /> },
          { path: 'training/sessions/:sessionId', element: <TrainingSessionPage /> },
          { path: 'training/records', element: <TrainingRecordsPage /> },
          { path: 'training/people/:personId', element: <PersonTrainingPage /> },
          { path: 'training/certificates', element: <CertificatesPage /> },
          { path: 'frontline/accident-scenarios', element: <AccidentScenariosPage /> },
          { path: 'frontline/accident-scenarios/:scenarioId', element: <AccidentScenarioPage /> },
          { path: 'frontline/permits', element: <PermitsPage /> },
          { path: 'frontline/permits/:permitId', element: <PermitPage /> },
          { path: 'frontline/knowledge', element: <KnowledgePage /> },
          { path: 'frontline/point-call', element: <PointCallPage /> },
          { path: 'frontline/fixed-position', element: <FixedPositionPage /> },
          { path: '*', element: <NotFound /> },
        ],
      },
    ],
  },
]);
