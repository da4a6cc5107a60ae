/* An enterprise's whole data as one archive (issue 10 §8): an enterprise that leaves an installation
 * (a consultancy's, a county's) takes its evidence with it. The .zip holds
 *   ledgers/*.xlsx      its ledgers and lists, produced by the product's own export routes (the one
 *                       xlsx builder of platform/exports), as the caller would download them
 *   records/<table>.json every row of every table that belongs to the enterprise (enterprise_id),
 *                       the enterprise itself and its members' logins — never a password, PIN or token hash
 *   files/<name>        its uploaded files (photos, signatures, floor plan)
 *   manifest.json       what is inside
 * Read-only: nothing is changed, but the export is recorded in the audit log. */
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import type { AppDeps } from '../../app-deps.js';
import { withTransaction } from '../../db/with-transaction.js';
import { fileStoreOf } from '../../platform/files/file-store.js';
import { loadArchiver } from '../../platform/lazy-modules.js';
import { recordChange } from '../audit/audit.service.js';

/** Ledgers and lists of the enterprise, by the routes that serve them (file name in the archive → URL). */
const ledgerRoutes: [string, string][] = [
  ['风险管控与隐患排查清单.xlsx', '/api/v1/risk-list.xlsx'],
  ['隐患台账.xlsx', '/api/v1/hazards/ledger.xlsx'],
  ['培训台账.xlsx', '/api/v1/training-register.xlsx'],
  ['事故假想.xlsx', '/api/v1/accident-scenarios.xlsx'],
];

/** Tables left out: deliveries and invitations carry secrets (webhook keys, invitation tokens);
 * search_out_of_order is part of SQLite's search index (rowids of this database). */
const leftOutTables = new Set(['outbox', 'invitation', 'installation_setup', 'search_out_of_order']);
/** Columns never exported. */
const secretColumn = /(_hash|webhook_url)$/;

function withoutSecrets(row: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(row).filter(([k]) => !secretColumn.test(k)));
}

async function tablesWithEnterpriseId(deps: AppDeps): Promise<string[]> {
  if (deps.dialect === 'postgres') {
    const { rows } = await sql<{ table_name: string }>`
      select table_name from information_schema.columns
      where table_schema = current_schema() and column_name = 'enterprise_id' order by table_name`.execute(deps.db);
    return rows.map((r) => r.table_name);
  }
  const { rows } = await sql<{ name: string }>`
    select m.name from sqlite_master m, pragma_table_info(m.name) c
    where m.type = 'table' and c.name = 'enterprise_id' order by m.name`.execute(deps.db);
  return rows.map((r) => r.name);
}

export interface ExportCaller {
  userId: string;
  enterpriseId: string;
  cookie: string;
  locale: string;
}

/** Builds the archive as a stream (files are read as it is written, never all in memory). */
export async function exportEnterprise(deps: AppDeps, app: FastifyInstance, caller: ExportCaller): Promise<NodeJS.ReadableStream> {
  const zip = loadArchiver()('zip', { zlib: { level: 6 } });
  const now = deps.clock.now();
  const ledgers: string[] = [];
  for (const [name, url] of ledgerRoutes) {
    const res = await app.inject({ method: 'GET', url, headers: { cookie: caller.cookie, 'accept-language': caller.locale } });
    if (res.statusCode !== 200) continue; // a ledger the caller may not read is left out (and not listed)
    zip.append(res.rawPayload, { name: `ledgers/${name}` });
    ledgers.push(name);
  }
  const records: Record<string, number> = {};
  const enterprise = (await sql<Record<string, unknown>>`select * from enterprise where id = ${caller.enterpriseId}`.execute(deps.db)).rows;
  zip.append(JSON.stringify(enterprise.map(withoutSecrets), null, 1), { name: 'records/enterprise.json' });
  records.enterprise = enterprise.length;
  const logins = (
    await sql<Record<string, unknown>>`
      select u.* from ${sql.table('user')} u where u.id in (select user_id from membership where enterprise_id = ${caller.enterpriseId}) order by u.id`.execute(deps.db)
  ).rows.map(withoutSecrets);
  zip.append(JSON.stringify(logins, null, 1), { name: 'records/user.json' });
  records.user = logins.length;
  for (const table of await tablesWithEnterpriseId(deps)) {
    if (leftOutTables.has(table)) continue;
    const rows = (await sql<Record<string, unknown>>`select * from ${sql.table(table)} where enterprise_id = ${caller.enterpriseId}`.execute(deps.db)).rows.map(withoutSecrets);
    zip.append(JSON.stringify(rows, null, 1), { name: `records/${table}.json` });
    records[table] = rows.length;
  }
  const store = fileStoreOf(deps.config.dataDir);
  const files = await store.list(caller.enterpriseId);
  for (const rel of files) {
    const content = await store.read(rel);
    if (content) zip.append(content, { name: `files/${path.posix.basename(rel)}` });
  }
  zip.append(JSON.stringify({ format: 'shuangkong-enterprise-export', version: 1, enterpriseId: caller.enterpriseId, createdAt: now.toISOString(), ledgers, records, files: files.length }, null, 2), {
    name: 'manifest.json',
  });
  await withTransaction(deps.db, (trx) =>
    recordChange(trx, { userId: caller.userId, enterpriseId: caller.enterpriseId }, now, { entity: 'enterprise', entityId: caller.enterpriseId, action: 'export', after: { ledgers, files: files.length } }),
  );
  void zip.finalize();
  return zip;
}
