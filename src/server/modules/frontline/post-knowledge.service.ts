/* 应知应会 (issue 11 §6): the quiz is generated from the post's risks, measures and emergency actions
 * (pure, domain/frontline/post-quiz.ts) with a seed handed to the phone; the answers come back with
 * the seed, the server regenerates the quiz and scores it. Each attempt is kept insert-only. */
import { generatePostQuiz, type QuizFacts, quizFingerprint, scoreQuiz } from '../../../domain/frontline/post-quiz.js';
import type { Locale } from '../../../i18n/locale.js';
import type { EnterpriseRole } from '../../../schemas/auth.js';
import type { PostKnowledgeCheckDetail, PostKnowledgeCheckDto, PostKnowledgeCheckInput, PostQuizDto } from '../../../schemas/post-knowledge.js';
import type { AppDeps } from '../../app-deps.js';
import { fromDbJson } from '../../db/codecs.js';
import type { PostKnowledgeCheckTable } from '../../db/database.js';
import { afterKey } from '../../db/keyset.js';
import { withTransaction, type Executor } from '../../db/with-transaction.js';
import { AppError, notFound } from '../../platform/http/app-error.js';
import { decodeCursor, toPage } from '../../platform/http/cursor.js';
import { fieldError, referenceMissing } from '../../platform/http/validation.js';
import { newId } from '../../platform/ids.js';
import { recordChange } from '../audit/audit.service.js';
import { listLiveMeasuresOfRisks, listPublishedRisksOfPost } from '../publication/publication.repository.js';
import { findPostEmergency, findPostWithUnit } from './accident-scenarios.repository.js';

/** Who sees everyone's results; others see their own. */
export const knowledgeReaderRoles = ['principal', 'safety_manager', 'dept_head', 'team_leader', 'consultant', 'regulator'] as const satisfies readonly EnterpriseRole[];

export interface KnowledgeActor {
  userId: string;
  enterpriseId: string;
  role: EnterpriseRole;
}

const stepKeys = ['stop', 'alarm', 'isolate', 'firstAid', 'evacuation'] as const;

async function quizFacts(db: Executor, enterpriseId: string, postId: string): Promise<QuizFacts> {
  const risks = await listPublishedRisksOfPost(db, enterpriseId, postId);
  const measures = await listLiveMeasuresOfRisks(db, enterpriseId, risks.map((r) => r.id));
  const emergency = await findPostEmergency(db, enterpriseId, postId);
  const steps = fromDbJson<Record<string, string>>(emergency.steps) ?? {};
  return {
    risks: risks.map((r) => ({ objectName: r.object_name, accidentTypeCodes: fromDbJson<string[]>(r.accident_type_codes) ?? [], measures: measures.filter((m) => m.risk_id === r.id).map((m) => m.text) })),
    emergencyActions: [...emergency.emergencyActions.split(/\r?\n/), ...stepKeys.map((k) => steps[k] ?? '')].map((s) => s.replace(/^\s*\d+[.、．]\s*/, '').trim()).filter(Boolean),
  };
}

async function livePost(db: Executor, enterpriseId: string, postId: string, field = 'postId') {
  const post = await findPostWithUnit(db, enterpriseId, postId);
  if (!post || post.archived_at) throw field === 'id' ? notFound('post') : referenceMissing(field);
  return post;
}

export async function getPostQuiz(deps: AppDeps, enterpriseId: string, postId: string, locale: Locale): Promise<PostQuizDto> {
  const post = await livePost(deps.db, enterpriseId, postId, 'id');
  const seed = newId().replace(/-/g, '').slice(-16);
  const questions = generatePostQuiz(await quizFacts(deps.db, enterpriseId, postId), seed, locale);
  return { postId, postName: post.name, seed, fingerprint: quizFingerprint(questions), questions: questions.map(({ answerIndex: _a, ...q }) => q) };
}

type StoredQuestion = PostKnowledgeCheckDetail['questions'][number];

async function names(db: Executor, enterpriseId: string, rows: readonly PostKnowledgeCheckTable[]) {
  const personIds = [...new Set(rows.map((r) => r.person_id))];
  const postIds = [...new Set(rows.map((r) => r.post_id))];
  const [people, posts] = await Promise.all([
    personIds.length ? db.selectFrom('person').select(['id', 'name']).where('enterprise_id', '=', enterpriseId).where('id', 'in', personIds).execute() : [],
    postIds.length ? db.selectFrom('post').select(['id', 'name']).where('enterprise_id', '=', enterpriseId).where('id', 'in', postIds).execute() : [],
  ]);
  return { person: new Map(people.map((p) => [p.id, p.name])), post: new Map(posts.map((p) => [p.id, p.name])) };
}

function toDto(r: PostKnowledgeCheckTable, n: Awaited<ReturnType<typeof names>>): PostKnowledgeCheckDto {
  return {
    id: r.id,
    postId: r.post_id,
    postName: n.post.get(r.post_id) ?? '-',
    personId: r.person_id,
    personName: n.person.get(r.person_id) ?? '-',
    score: r.score,
    total: r.total,
    isPassed: r.is_passed === 1,
    isAcknowledged: r.is_acknowledged === 1,
    createdAt: r.created_at,
  };
}

async function callerPersonId(db: Executor, actor: KnowledgeActor): Promise<string | null> {
  const m = await db.selectFrom('membership').select('person_id').where('enterprise_id', '=', actor.enterpriseId).where('user_id', '=', actor.userId).executeTakeFirst();
  return m?.person_id ?? null;
}

/** Scores the answers against the quiz regenerated from the seed; refused when the post changed since (409). */
export async function submitKnowledgeCheck(deps: AppDeps, actor: KnowledgeActor, input: PostKnowledgeCheckInput, locale: Locale): Promise<PostKnowledgeCheckDetail> {
  const now = deps.clock.now();
  const id = newId();
  return withTransaction(deps.db, async (trx) => {
    await livePost(trx, actor.enterpriseId, input.postId);
    const personId = await callerPersonId(trx, actor);
    if (!personId) throw fieldError('postId', { 'zh-CN': '您的账号没有关联到人员，不能记录答题结果；请安全管理人员关联', 'en-US': 'Your login is not linked to a person, so the result cannot be recorded; ask the safety manager to link it' });
    const questions = generatePostQuiz(await quizFacts(trx, actor.enterpriseId, input.postId), input.seed, locale);
    if (quizFingerprint(questions) !== input.fingerprint) {
      throw new AppError('CONFLICT', { detail: '岗位内容已更新，请重新答题 / the post changed since the quiz was made; take it again' });
    }
    if (input.answers.length !== questions.length) throw fieldError('answers', { 'zh-CN': `请回答全部 ${questions.length} 道题`, 'en-US': `Answer all ${questions.length} questions` });
    const result = scoreQuiz(questions, input.answers);
    const stored: StoredQuestion[] = questions.map((q, i) => ({ ...q, chosenIndex: input.answers[i] ?? null }));
    const row: PostKnowledgeCheckTable = {
      id,
      enterprise_id: actor.enterpriseId,
      post_id: input.postId,
      person_id: personId,
      user_id: actor.userId,
      seed: input.seed,
      questions: JSON.stringify(stored),
      score: result.score,
      total: result.total,
      is_passed: result.isPassed ? 1 : 0,
      is_acknowledged: 1,
      client_id: input.clientId ?? null,
      created_at: now.toISOString(),
    };
    await trx.insertInto('post_knowledge_check').values(row).execute();
    await recordChange(trx, actor, now, { entity: 'post_knowledge_check', entityId: id, action: 'create', after: { postId: input.postId, personId, score: result.score, total: result.total } });
    return { ...toDto(row, await names(trx, actor.enterpriseId, [row])), questions: stored };
  });
}

/** Results, newest first, keyset-paged on post_knowledge_check_{list,person_page,post_page}_idx (list-plans.int.test.ts). */
export function listKnowledgeCheckRows(db: Executor, enterpriseId: string, f: { postId?: string; personId?: string; year?: number; after?: { at: string; id: string }; limit: number }) {
  let q = db.selectFrom('post_knowledge_check').selectAll().where('enterprise_id', '=', enterpriseId);
  if (f.postId) q = q.where('post_id', '=', f.postId);
  if (f.personId) q = q.where('person_id', '=', f.personId);
  if (f.year) {
    // The year in China's time (UTC+8).
    q = q.where('created_at', '>=', new Date(Date.UTC(f.year, 0, 1) - 8 * 3_600_000).toISOString()).where('created_at', '<', new Date(Date.UTC(f.year + 1, 0, 1) - 8 * 3_600_000).toISOString());
  }
  if (f.after) q = q.where(afterKey('created_at', 'id', f.after, 'desc'));
  return q.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(f.limit).execute();
}

/** Everyone's results for the readers, one's own for the others. */
export async function listKnowledgeChecks(
  deps: AppDeps,
  actor: KnowledgeActor,
  query: { postId?: string; personId?: string; year?: number; limit: number; cursor?: string },
): Promise<{ items: PostKnowledgeCheckDto[]; nextCursor: string | null }> {
  let personId = query.personId;
  if (!(knowledgeReaderRoles as readonly string[]).includes(actor.role)) {
    const me = await callerPersonId(deps.db, actor);
    if (!me || (personId && personId !== me)) return { items: [], nextCursor: null };
    personId = me;
  }
  const rows = await listKnowledgeCheckRows(deps.db, actor.enterpriseId, { ...query, personId, after: decodeCursor(query.cursor), limit: query.limit + 1 });
  const n = await names(deps.db, actor.enterpriseId, rows.slice(0, query.limit));
  return toPage(rows, query.limit, (r) => ({ at: r.created_at, id: r.id }), (r) => toDto(r, n));
}
