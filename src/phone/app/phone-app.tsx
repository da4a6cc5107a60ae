import { BrowserRouter, Navigate, Route, Routes } from 'react-router';
import { TrainingSessionPage } from '../training/training-session-page';
import { DrillSignInPage } from '../emergency/drill-sign-in-page';
import { PostEmergencyPage } from '../emergency/post-emergency-page';
import { AnonymousReportPage } from '../hazards/anonymous-report-page';
import { HazardPage } from '../hazards/hazard-page';
import { HazardsPage } from '../hazards/hazards-page';
import { ReportPage } from '../hazards/report-page';
import { PermitPage } from '../frontline/permit-page';
import { PermitsPage } from '../frontline/permits-page';
import { FixedPositionPhonePage } from '../frontline/fixed-position-page';
import { PointCallPhonePage } from '../frontline/point-call-page';
import { QuizPage } from '../frontline/quiz-page';
import { ScenarioPage } from '../frontline/scenario-page';
import { InspectionPage } from '../tasks/inspection-page';
import { PlacePage } from '../tasks/place-page';
import { TasksPage } from '../tasks/tasks-page';
import { BadgePage } from './badge-page';
import { InvitePage } from './invite-page';
import { DutyListPage } from '../duties/duty-list-page';
import { LoginPage } from './login-page';
import { RequireLogin, SessionProvider } from './session';

const guarded = (page: React.ReactNode) => <RequireLogin>{page}</RequireLogin>;

/** Routes under /m (the server answers the phone shell for /m and /m/*). */
export function PhoneApp() {
  return (
    <SessionProvider>
      <BrowserRouter basename="/m">
        <Routes>
          <Route path="/login" element={<LoginPage />} />
          {/* Issue 8: an invitation QR sets the PIN; a badge QR + PIN signs in; both remember the phone. */}
          <Route path="/invite/:token" element={<InvitePage />} />
          <Route path="/badge/:token" element={<BadgePage />} />
          <Route path="/tasks" element={guarded(<TasksPage />)} />
          <Route path="/tasks/:taskId" element={guarded(<InspectionPage />)} />
          <Route path="/p/:postId" element={guarded(<PlacePage />)} />
          <Route path="/p/:postId/emergency" element={guarded(<PostEmergencyPage />)} />
          <Route path="/p/:postId/duties" element={guarded(<DutyListPage />)} />
          <Route path="/drills/:drillId" element={guarded(<DrillSignInPage />)} />
          <Route path="/p/:postId/scenario" element={guarded(<ScenarioPage />)} />
          <Route path="/p/:postId/quiz" element={guarded(<QuizPage />)} />
          <Route path="/p/:postId/point-call" element={guarded(<PointCallPhonePage />)} />
          <Route path="/a/:placeId/fixed-position" element={guarded(<FixedPositionPhonePage />)} />
          <Route path="/a/:placeId" element={guarded(<PlacePage kind="area" />)} />
          <Route path="/e/:placeId" element={guarded(<PlacePage kind="equipment" />)} />
          {/* No login: the post's report page for contractors and visitors (issue 5 §4). */}
          <Route path="/r/:postId" element={<AnonymousReportPage />} />
          <Route path="/report" element={guarded(<ReportPage />)} />
          <Route path="/hazards" element={guarded(<HazardsPage />)} />
          <Route path="/hazards/:hazardId" element={guarded(<HazardPage />)} />
          <Route path="/permits" element={guarded(<PermitsPage />)} />
          <Route path="/permits/:permitId" element={guarded(<PermitPage />)} />
          <Route path="/training/:sessionId" element={guarded(<TrainingSessionPage />)} />
          <Route path="*" element={<Navigate to="/tasks" replace />} />
        </Routes>
      </BrowserRouter>
    </SessionProvider>
  );
}
