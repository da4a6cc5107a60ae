import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { henanAccidentTypes } from '../../../reference/accident-types.js';
import { hazardousWorkTypes } from '../../../reference/hazardous-work-types.js';
import { preworkChecks } from '../../../reference/work-permit-rules.js';
import type { SignOffDto } from '../../../schemas/sign-offs.js';
import { currentLocale } from '../../app/i18n/i18n';
import { formatDateTime, useEnterpriseTimeZone } from '../hazards/hazard-api';
import { PrintSheet, PrintState } from '../publication/print-sheet';
import { useSignOffSheet } from '../sign-offs/sign-off-list';
import { usePermit } from './frontline-api';

const cell = { border: '1px solid #222', padding: '5px 8px', verticalAlign: 'top' as const, fontSize: 13, lineHeight: 1.55 };
const head = { ...cell, width: 64, textAlign: 'center' as const, verticalAlign: 'middle' as const, fontWeight: 700, whiteSpace: 'pre-line' as const };

/** The signature in force of a person in a role: the drawn image, or a note that it was confirmed logged in. */
function Signature({ entry, loginNote, when }: { entry: SignOffDto | undefined; loginNote: string; when: (iso: string) => string }) {
  if (!entry) return <span style={{ display: 'inline-block', minWidth: 90, borderBottom: '1px solid #555' }}>&nbsp;</span>;
  return (
    <span style={{ display: 'inline-flex', alignItems: 'center', gap: 6, marginRight: 14 }}>
      <strong>{entry.personName}</strong>
      {entry.signatureAttachmentId ? <img src={`/api/v1/attachments/${entry.signatureAttachmentId}`} alt={entry.personName} style={{ height: 30 }} /> : <span style={{ fontSize: 11 }}>{loginNote}</span>}
      <span style={{ fontSize: 11 }}>{when(entry.signedAt)}</span>
    </span>
  );
}

function useCurrentSignature(subjectId: string) {
  const sheet = useSignOffSheet('work-permit', subjectId);
  return (role: string, personId: string) => sheet.data?.items.find((e) => e.isCurrent && e.action === 'sign' && e.role === role && e.personId === personId);
}

/** /print/permits/:permitId — the permit on one A4 page (our layout; the seed gives none for the permit itself). */
export function PermitPrintPage() {
  const { permitId = '' } = useParams();
  const { t, i18n } = useTranslation();
  const timeZone = useEnterpriseTimeZone();
  const { data: p, isPending, error } = usePermit(permitId);
  const signatureOf = useCurrentSignature(permitId);
  if (!p) return <PrintState isPending={isPending} error={error} />;
  const when = (iso: string | null) => formatDateTime(iso, timeZone, i18n.language);
  const loginNote = t('frontlineUi.permitSheet.loginSigned');
  const row = (label: string, value: React.ReactNode) => (
    <tr>
      <th style={{ ...head, width: 96 }}>{label}</th>
      <td style={cell} colSpan={3}>
        {value}
      </td>
    </tr>
  );
  return (
    <PrintSheet orientation="portrait" testId="permit-print">
      <h1 style={{ textAlign: 'center', fontSize: 22, margin: '2px 0 4px', letterSpacing: 2 }}>
        {p.workTypeLabel}
        {t('frontlineUi.permitSheet.title').replace('危险作业', '')}
      </h1>
      <div style={{ display: 'flex', justifyContent: 'space-between', fontSize: 12, marginBottom: 4 }}>
        <span>
          {t('frontlineUi.permitSheet.number')}：{p.id.slice(0, 8).toUpperCase()}
        </span>
        <span>
          {t('frontlineUi.permits.statuses.' + p.effectiveStatus)}
        </span>
        <span>
          {t('frontlineUi.permitSheet.issuedAt')}：{when(p.createdAt)}
        </span>
      </div>
      <table style={{ width: '100%', borderCollapse: 'collapse' }} data-testid="permit-sheet">
        <tbody>
          {row(t('frontlineUi.permits.workType'), `${p.workTypeLabel}${p.grade ? ` · ${hazardousWorkTypes.find((w) => w.code === p.workType)?.grades.find((g) => g.code === p.grade)?.label[currentLocale()] ?? p.grade}` : ''}`)}
          {row(t('frontlineUi.permits.content'), p.content)}
          {row(t('frontlineUi.permits.place'), p.place)}
          {row(t('frontlineUi.permits.window'), `${when(p.windowStart)} – ${when(p.windowEnd)}`)}
          {row(
            t('frontlineUi.permits.workers'),
            p.prework.map((w) => (
              <div key={w.person.id}>
                {w.person.name}
                {w.requiredCertificates.length > 0 &&
                  `（${w.requiredCertificates.map((c) => c.label).join('、')}：${w.certificates === null ? t('frontlineUi.permits.certNotRecorded') : w.certificates.length ? w.certificates.map((c) => c.number).join('、') : t('frontlineUi.permits.certMissing')}）`}
              </div>
            )),
          )}
          {row(t('frontlineUi.permits.guardian'), p.guardian.name)}
          {row(t('frontlineUi.permits.riskList'), p.risks.length ? p.risks.map((r, i) => <div key={i}>{`${i + 1}. ${r}`}</div>) : '—')}
          {row(t('frontlineUi.permits.accidentTypes'), p.accidentTypes.map((a) => `（${a.seq}）${a.label}`).join('；') || '—')}
          {row(t('frontlineUi.permits.scenes'), p.scenes || '—')}
          {row(
            t('frontlineUi.permits.measures'),
            p.measures.map((m) => (
              <div key={m.index} style={{ display: 'flex', justifyContent: 'space-between', gap: 8 }}>
                <span>
                  {m.index + 1}. {m.text}
                </span>
                <Signature entry={signatureOf(`measure.${m.index}`, m.responsible.id)} loginNote={loginNote} when={when} />
              </div>
            )),
          )}
          {p.needsGasTest &&
            row(
              t('frontlineUi.permits.gas'),
              p.gasReadings.length
                ? p.gasReadings.map((g) => (
                    <div key={g.id}>
                      {when(g.measuredAt)} · {g.point} · {g.substance} {g.value} {g.unit} · {g.isPass ? t('frontlineUi.permits.pass') : t('frontlineUi.permits.fail')} · {g.tester.name}
                    </div>
                  ))
                : t('frontlineUi.permits.noGas'),
            )}
          {row(t('frontlineUi.permitSheet.approverSign'), <Signature entry={signatureOf('approver', p.approver.id)} loginNote={loginNote} when={when} />)}
          {row(t('frontlineUi.permitSheet.guardianSign'), <Signature entry={signatureOf('guardian', p.guardian.id)} loginNote={loginNote} when={when} />)}
          {row(t('frontlineUi.permitSheet.siteCleared'), <Signature entry={signatureOf('site_cleared', p.guardian.id)} loginNote={loginNote} when={when} />)}
        </tbody>
      </table>
    </PrintSheet>
  );
}

/**
 * /print/permits/:permitId/prework — seed 003 附件2 "危险作业现场风险“一备三查”表" on one A4 page, its
 * row titles written vertically as printed; each worker's four checks ticked, and their signatures.
 */
export function PreworkPrintPage() {
  const { permitId = '' } = useParams();
  const { t, i18n } = useTranslation();
  const timeZone = useEnterpriseTimeZone();
  const { data: p, isPending, error } = usePermit(permitId);
  const signatureOf = useCurrentSignature(permitId);
  if (!p) return <PrintState isPending={isPending} error={error} />;
  const when = (iso: string | null) => formatDateTime(iso, timeZone, i18n.language);
  const locale = currentLocale();
  const seqs = p.accidentTypes.map((a) => a.seq);
  return (
    <PrintSheet orientation="portrait" testId="prework-print">
      <h1 style={{ textAlign: 'center', fontSize: 22, margin: '4px 0 8px', letterSpacing: 1 }}>{t('frontlineUi.preworkSheet.title')}</h1>
      <div style={{ display: 'flex', justifyContent: 'space-between', fontSize: 12, marginBottom: 4 }}>
        <span>
          {t('frontlineUi.permitSheet.number')}：{p.id.slice(0, 8).toUpperCase()}
        </span>
        <span>
          {t('frontlineUi.permits.window')}：{when(p.windowStart)} – {when(p.windowEnd)}
        </span>
      </div>
      <table style={{ width: '100%', borderCollapse: 'collapse' }} data-testid="prework-sheet">
        <tbody>
          <tr>
            <th style={head}>{t('frontlineUi.preworkSheet.content')}</th>
            <td style={{ ...cell, height: 90 }} colSpan={2}>
              <div>
                {p.workTypeLabel}：{p.content}
              </div>
              <div style={{ fontSize: 12 }}>
                {t('frontlineUi.permits.place')}：{p.place} · {t('frontlineUi.permits.guardian')}：{p.guardian.name}
              </div>
            </td>
          </tr>
          <tr>
            <th style={head}>{t('frontlineUi.preworkSheet.accidentTypes')}</th>
            <td style={cell} colSpan={2} data-testid="prework-accident-types">
              {henanAccidentTypes.map((a) => (
                <span key={a.seq} style={{ display: 'inline-block', marginRight: 10, fontWeight: seqs.includes(a.seq) ? 700 : 400 }} data-ticked={seqs.includes(a.seq)}>
                  {seqs.includes(a.seq) ? '☑' : '☐'}（{a.seq}）{a.label[locale]}
                </span>
              ))}
            </td>
          </tr>
          <tr>
            <th style={head}>{t('frontlineUi.preworkSheet.scenes')}</th>
            <td style={{ ...cell, height: 110, whiteSpace: 'pre-wrap' }} colSpan={2}>
              {p.scenes}
            </td>
          </tr>
          {preworkChecks.map((c, i) => (
            <tr key={c.code}>
              {i === 0 && (
                <th style={head} rowSpan={preworkChecks.length}>
                  {t('frontlineUi.preworkSheet.prework')}
                </th>
              )}
              <td style={{ ...cell, width: 150, height: 78, fontWeight: 600 }}>
                {c.seq}
                {c.label[locale]}。
              </td>
              <td style={cell} data-testid={`prework-${c.code}`}>
                {p.prework.map((w) => (
                  <span key={w.person.id} style={{ display: 'inline-block', marginRight: 14, whiteSpace: 'nowrap' }}>
                    {w.checks.includes(c.code) ? '☑' : '☐'} {w.person.name}
                  </span>
                ))}
              </td>
            </tr>
          ))}
          <tr>
            <th style={head}>{t('frontlineUi.preworkSheet.sign')}</th>
            <td style={{ ...cell, height: 90 }} colSpan={2} data-testid="prework-signatures">
              {p.prework.map((w) => (
                <Signature key={w.person.id} entry={signatureOf('prework', w.person.id)} loginNote={t('frontlineUi.permitSheet.loginSigned')} when={when} />
              ))}
            </td>
          </tr>
        </tbody>
      </table>
    </PrintSheet>
  );
}
