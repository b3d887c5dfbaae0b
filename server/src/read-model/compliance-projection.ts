import { ComplianceRecord, EmissionReport, ObjectType } from '@carbon-ets/contract';
import type { ServerDatabase } from '../store/database';
import { parseState, type ObjectWrite, type StateProjector } from './state-writes';

/**
 * Emission reports (`report ~ period ~ installationId`: the current version, replaced by a correction) and
 * compliance records (`compliance ~ period ~ installationId`: verified emissions, surrendered totals and the
 * final outcome of a closed period).
 */
export class ComplianceProjection implements StateProjector {
  readonly types = [ObjectType.report, ObjectType.compliance];
  private readonly putReport;
  private readonly putRecord;

  constructor(db: ServerDatabase) {
    this.putReport = db.prepare(
      `INSERT INTO rm_reports (period, installation_id, entity_id, version, status, json)
       VALUES (@period, @installationId, @entityId, @version, @status, @json)
       ON CONFLICT (period, installation_id) DO UPDATE SET entity_id = excluded.entity_id,
         version = excluded.version, status = excluded.status, json = excluded.json`,
    );
    this.putRecord = db.prepare(
      `INSERT INTO rm_compliance (period, installation_id, json) VALUES (@period, @installationId, @json)
       ON CONFLICT (period, installation_id) DO UPDATE SET json = excluded.json`,
    );
  }

  apply(write: ObjectWrite): void {
    // Reports and compliance records are replaced, never deleted.
    if (write.value === null) return;
    if (write.type === ObjectType.report) {
      const report = parseState(EmissionReport, write);
      this.putReport.run({
        period: report.period,
        installationId: report.installationId,
        entityId: report.entityId,
        version: report.version,
        status: report.status,
        json: write.value,
      });
    } else {
      const record = parseState(ComplianceRecord, write);
      this.putRecord.run({ period: record.period, installationId: record.installationId, json: write.value });
    }
  }
}
