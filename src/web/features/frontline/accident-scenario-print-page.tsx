import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { henanAccidentTypes } from '../../../reference/accident-types.js';
import { currentLocale } from '../../app/i18n/i18n';
import { PrintSheet, PrintState } from '../publication/print-sheet';
import { useScenario } from './frontline-api';

/**
 * /print/accident-scenarios/:id — one post's 事故假想 on one A4 page in the layout of seed 003 附件1:
 * the row titles down the left, written vertically as printed; all 20 accident types with the
 * post's ticked. Below the table (ours, not in the seed): the workers' signatures and the review.
 */
export function AccidentScenarioPrintPage() {
  const { scenarioId = '' } = useParams();
  const { t } = useTranslation();
  const { data: d, isPending, error } = useScenario(scenarioId);
  if (!d) return <PrintState isPending={isPending} error={error} />;
  const locale = currentLocale();
  const cell = { border: '1px solid #222', padding: '6px 10px', verticalAlign: 'top' as const, fontSize: 13, lineHeight: 1.6 };
  const head = { ...cell, width: 64, textAlign: 'center' as const, verticalAlign: 'middle' as const, fontWeight: 700, whiteSpace: 'pre-line' as const, fontSize: 14 };
  const text = (s: string, minHeight: number) => <div style={{ whiteSpace: 'pre-wrap', minHeight }}>{s}</div>;
  const day = (iso: string) => iso.slice(0, 10);
  return (
    <PrintSheet orientation="portrait" testId="accident-scenario-print">
      <h1 style={{ textAlign: 'center', fontSize: 22, margin: '4px 0 6px', letterSpacing: 2 }}>{t('frontlineUi.sheet.title')}</h1>
      <div style={{ display: 'flex', justifyContent: 'space-between', fontSize: 13, margin: '0 0 6px' }}>
        <span>
          {t('frontlineUi.sheet.enterprise')}：{d.enterpriseName}
        </span>
        <span>
          {t('frontlineUi.sheet.post')}：<strong>{d.postName}</strong>
          {d.orgUnitName ? `（${d.orgUnitName}）` : ''}
        </span>
        <span>
          {t('frontlineUi.sheet.year')}：{d.year}
        </span>
      </div>
      <table style={{ width: '100%', borderCollapse: 'collapse' }} data-testid="scenario-sheet">
        <tbody>
          <tr>
            <th style={head}>{t('frontlineUi.sheet.accidentTypes')}</th>
            <td style={cell} data-testid="sheet-accident-types">
              {henanAccidentTypes.map((a) => (
                <span key={a.seq} style={{ display: 'inline-block', marginRight: 10, fontWeight: d.accidentSeqs.includes(a.seq) ? 700 : 400 }} data-ticked={d.accidentSeqs.includes(a.seq)}>
                  {d.accidentSeqs.includes(a.seq) ? '☑' : '☐'}（{a.seq}）{a.label[locale]}
                </span>
              ))}
            </td>
          </tr>
          <tr>
            <th style={head}>{t('frontlineUi.sheet.scenes')}</th>
            <td style={cell}>{text(d.scenes, 120)}</td>
          </tr>
          <tr>
            <th style={head}>{t('frontlineUi.sheet.checks')}</th>
            <td style={cell}>{text(d.checks, 160)}</td>
          </tr>
          <tr>
            <th style={head}>{t('frontlineUi.sheet.emergency')}</th>
            <td style={cell}>{text(d.emergency, 140)}</td>
          </tr>
          <tr>
            <th style={head}>{t('frontlineUi.sheet.improvements')}</th>
            <td style={cell}>{text(d.improvements.map((i) => `${i.index + 1}. ${i.text}`).join('\n'), 110)}</td>
          </tr>
        </tbody>
      </table>
      <div style={{ fontSize: 13, marginTop: 10, lineHeight: 1.8 }} data-testid="sheet-signatures">
        <div>
          {t('frontlineUi.sheet.signatures')}（{t('frontlineUi.scenarios.revision', { revision: d.revision })}）：
          {d.workers.map((w) => (
            <span key={w.id} style={{ marginRight: 14, whiteSpace: 'nowrap', display: 'inline-block' }}>
              {w.name} {w.signedAt ? day(w.signedAt) : `（${t('frontlineUi.sheet.unsigned')}）`}
            </span>
          ))}
        </div>
        <div>
          {t('frontlineUi.sheet.review')}：{d.reviewedBy ? `${d.reviewedBy.name} ${day(d.reviewedBy.signedAt)}` : '＿＿＿＿＿＿'}
        </div>
      </div>
    </PrintSheet>
  );
}
