import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { planContentKeys } from '../../../reference/emergency-plans.js';
import { PrintSheet, PrintState } from '../publication/print-sheet';
import { usePostEmergencyCard } from './emergency-api';

const stepKeys = ['stop', 'alarm', 'isolate', 'firstAid', 'evacuation', 'assemblyPoint'] as const;

/** /print/posts/:postId/emergency-card — 岗位应急处置卡 on one A4 page: first steps, on-site plan, numbers. */
export function EmergencyCardPrintPage() {
  const { postId = '' } = useParams();
  const { t } = useTranslation();
  const { data, isPending, error } = usePostEmergencyCard(postId);
  if (!data) return <PrintState isPending={isPending} error={error} />;
  const plan = data.onsitePlan;
  const cell = { border: '1px solid #333', padding: '4px 8px', verticalAlign: 'top' as const };
  return (
    <PrintSheet orientation="portrait" testId="emergency-card-print">
      <h1 style={{ textAlign: 'center', fontSize: 24, margin: '0 0 4px', color: '#b71c1c' }}>{t('emergencyUi.card.title')}</h1>
      <div style={{ textAlign: 'center', marginBottom: 12 }}>
        {data.enterpriseName} · {t('emergencyUi.card.post')}：<strong>{data.postName}</strong>
      </div>
      <h2 style={{ fontSize: 16, margin: '8px 0 4px' }}>{t('emergencyUi.card.firstSteps')}</h2>
      <table style={{ width: '100%', borderCollapse: 'collapse', fontSize: 13 }}>
        <tbody>
          {stepKeys.map((k) => (
            <tr key={k}>
              <th style={{ ...cell, width: '18%', background: '#fdecea' }}>{t(`emergencyUi.card.steps.${k}`)}</th>
              <td style={cell}>{data.firstSteps?.[k] || t('emergencyUi.card.notSet')}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h2 style={{ fontSize: 16, margin: '12px 0 4px' }}>
        {t('emergencyUi.card.onsitePlan')}
        {plan ? `：${plan.title}（${t('emergencyUi.plan.version', { no: plan.versionNo })}，${plan.issuedOn ?? ''}）` : ''}
      </h2>
      {plan ? (
        <table style={{ width: '100%', borderCollapse: 'collapse', fontSize: 12 }}>
          <tbody>
            {planContentKeys
              .filter((k) => k !== 'externalContacts' && k !== 'resources')
              .map((k) => (
                <tr key={k}>
                  <th style={{ ...cell, width: '30%', textAlign: 'left' }}>{t(`emergencyUi.contents.${k}`)}</th>
                  <td style={{ ...cell, whiteSpace: 'pre-wrap' }}>{String(plan.contents[k] ?? '')}</td>
                </tr>
              ))}
          </tbody>
        </table>
      ) : (
        <p>{t('emergencyUi.card.noOnsitePlan')}</p>
      )}
      <h2 style={{ fontSize: 16, margin: '12px 0 4px' }}>{t('emergencyUi.card.callTree')}</h2>
      <table style={{ width: '100%', borderCollapse: 'collapse', fontSize: 14 }} data-testid="card-contacts">
        <tbody>
          {[...data.contacts, ...(plan?.contents.externalContacts ?? []).map((c, i) => ({ id: `p${i}`, name: c.name, organisation: '', duty: '', phone: c.phone }))].map((c) => (
            <tr key={c.id}>
              <td style={cell}>{[c.organisation, c.name].filter(Boolean).join(' ')}</td>
              <td style={cell}>{c.duty}</td>
              <td style={{ ...cell, fontWeight: 700, fontSize: 16 }}>{c.phone}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {data.supplies.length > 0 && (
        <>
          <h2 style={{ fontSize: 16, margin: '12px 0 4px' }}>{t('emergencyUi.card.supplies')}</h2>
          <div style={{ fontSize: 13 }}>{data.supplies.map((s) => `${s.name} ${s.quantity}${s.unit}（${s.location || '—'}）`).join('；')}</div>
        </>
      )}
    </PrintSheet>
  );
}
