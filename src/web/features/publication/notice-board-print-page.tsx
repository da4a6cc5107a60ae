import type { CSSProperties } from 'react';
import type { NoticeBoard } from '../../../schemas/publication.js';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { paintOf } from './level-colours';
import { PrintSheet, PrintState } from './print-sheet';
import { formatStamp, label, useNoticeBoard } from './publication-api';

const cell: CSSProperties = { border: '1px solid #8c8c8c', padding: '4px 6px', verticalAlign: 'top', fontSize: 13, lineHeight: 1.5 };

/** /print/areas/:areaId/notice-board — 风险公告栏, A4 landscape. */
export function NoticeBoardPrintPage() {
  const { areaId = '' } = useParams();
  const { data: board, isPending, error } = useNoticeBoard(areaId);
  if (!board) return <PrintState isPending={isPending} error={error} />;
  return (
    <PrintSheet orientation="landscape" testId="notice-board-print">
      <NoticeBoardContent board={board} />
    </PrintSheet>
  );
}

/** The board itself: one A4 landscape sheet, alone or in the batch job (/print/notice-boards). */
export function NoticeBoardContent({ board }: { board: NoticeBoard }) {
  const { t } = useTranslation();
  const paint = paintOf(board.level);
  return (
    <>
      <header style={{ background: paint.fill, color: paint.text, padding: '10px 16px', borderRadius: 4, display: 'flex', alignItems: 'center' }}>
        <div style={{ flex: 1 }}>
          <div style={{ fontSize: 28, fontWeight: 800, letterSpacing: 4 }}>{t('publication.board.title')}</div>
          <div style={{ fontSize: 18, fontWeight: 700 }}>
            {t('publication.board.area')}：{board.area.name}
          </div>
        </div>
        <div style={{ border: `2px solid ${paint.text}`, borderRadius: 6, padding: '6px 14px', fontSize: 22, fontWeight: 800 }}>{t(`level.${board.level}`)}</div>
      </header>
      <table style={{ width: '100%', borderCollapse: 'collapse', marginTop: 8 }}>
        <thead>
          <tr style={{ background: '#f0f0f0' }}>
            {(['post', 'object', 'level', 'accidents', 'measures', 'responsible'] as const).map((k) => (
              <th key={k} style={{ ...cell, fontWeight: 700 }}>
                {t(`publication.board.col.${k}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {board.risks.map((r) => {
            const p = paintOf(r.level);
            return (
              <tr key={r.id}>
                <td style={cell}>{r.postName}</td>
                <td style={cell}>{r.objectName}</td>
                <td style={{ ...cell, background: p.fill, color: p.text, fontWeight: 700, whiteSpace: 'nowrap' }}>{t(`level.${r.level}`)}</td>
                <td style={cell}>{r.accidentTypes.map((a) => label(a.label)).join('、')}</td>
                <td style={cell}>
                  <ol style={{ margin: 0, paddingInlineStart: 18 }}>
                    {r.keyMeasures.map((m) => (
                      <li key={m}>{m}</li>
                    ))}
                  </ol>
                </td>
                <td style={cell}>
                  {r.responsiblePerson ?? '—'}
                  <div style={{ color: '#595959', fontSize: 11 }}>{t(`publication.tier.${r.controlTier}`)}</div>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <div style={{ display: 'flex', gap: 12, marginTop: 8 }}>
        <div style={{ flex: 2, border: '1px solid #bfbfbf', borderRadius: 4, padding: '6px 10px', fontSize: 13 }}>
          <b>{t('publication.card.emergency')}</b>
          <ol style={{ margin: 0, paddingInlineStart: 20 }}>
            {board.emergency.actions.length ? board.emergency.actions.map((a) => <li key={a}>{a}</li>) : <li>{t('publication.card.noActions')}</li>}
          </ol>
        </div>
        <div style={{ flex: 1, border: '2px solid #e60012', borderRadius: 4, padding: '6px 10px' }}>
          <b style={{ color: '#e60012' }}>{t('publication.card.phones')}</b>
          {board.emergency.phones.map((p) => (
            <div key={p.kind} style={{ fontSize: 17, fontWeight: 700 }}>
              {t(`publication.phone.${p.kind}`)} {p.number}
            </div>
          ))}
        </div>
      </div>
      <footer style={{ marginTop: 6, fontSize: 11, color: '#595959', display: 'flex', justifyContent: 'space-between', gap: 8, flexWrap: 'wrap' }} data-testid="board-footer">
        {board.footer && <span>{board.footer}</span>}
        <span>
          {board.enterprise.name} · {t('publication.board.people')}：{board.responsiblePeople.join('、') || '—'}
        </span>
        <span>
          {t('publication.card.version')}：{formatStamp(board.version)}
        </span>
      </footer>
    </>
  );
}
