/* The first and last meetings of a self-assessment (seed 002 phase 5: 《安全会议记录（自评首次/末次会议）》)
 * are signed by their attendees through the one sign-off mechanism (platform/sign-off). */
import { fromDbJson } from '../../db/codecs.js';
import { registerSignOffSubject } from '../../platform/sign-off/sign-off-registry.js';
import * as repo from './standardization.repository.js';

export const meetingSignOffType = 'standardization-meeting';

export function registerMeetingSignOff(): void {
  registerSignOffSubject({
    type: meetingSignOffType,
    entity: 'self_assessment',
    async describe({ db, enterpriseId, subjectId }) {
      const meeting = await repo.findMeeting(db, enterpriseId, subjectId);
      if (!meeting) return null;
      const kindZh = meeting.kind === 'first' ? '首次' : '末次';
      const kindEn = meeting.kind === 'first' ? 'first' : 'last';
      return {
        title: `${meeting.title} ${kindZh}会议（${meeting.held_on}）`,
        revision: '',
        isOpen: true,
        closedReason: null,
        expected: (fromDbJson<string[]>(meeting.attendee_person_ids) ?? []).map((personId) => ({
          personId,
          role: 'attendee',
          roleLabel: { 'zh-CN': '参会人', 'en-US': 'Attendee' },
          statement: { 'zh-CN': `本人参加了自评${kindZh}会议，会议记录属实。`, 'en-US': `I attended the ${kindEn} meeting of the self-assessment; the minutes are true.` },
        })),
      };
    },
  });
}
