/**
 * The audit log's one writer: who changed what, when, with the conference's id in `detail` so
 * the conference's edit page can list recent changes (db/conferences.ts). Shared by the forms'
 * queries and the Jekyll import, which runs outside Next (no `server-only` here).
 */
import type { DB } from './index';
import { auditLog } from './schema';

export type AuditWriter = Pick<DB, 'insert'>;

export type AuditEntry = {
  actorId: number;
  action: string;
  entity: string;
  entityId: number;
  conferenceId?: number | null;
  detail?: Record<string, unknown>;
};

export function audit(tx: AuditWriter, e: AuditEntry) {
  const detail = e.conferenceId === undefined || e.conferenceId === null ? { ...e.detail } : { conferenceId: e.conferenceId, ...e.detail };
  tx.insert(auditLog).values({ actorId: e.actorId, action: e.action, entity: e.entity, entityId: e.entityId, detail: JSON.stringify(detail) }).run();
}
