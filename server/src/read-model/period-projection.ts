import { CompliancePeriod, ObjectType } from '@carbon-ets/contract';
import type { ServerDatabase } from '../store/database';
import { parseState, type ObjectWrite, type StateProjector } from './state-writes';

/** Compliance periods, for their deadlines (the notifications of deadlines approaching). */
export class PeriodProjection implements StateProjector {
  readonly types = [ObjectType.period];
  private readonly put;

  constructor(db: ServerDatabase) {
    this.put = db.prepare(
      `INSERT INTO rm_periods (year, status, json) VALUES (@year, @status, @json)
       ON CONFLICT (year) DO UPDATE SET status = excluded.status, json = excluded.json`,
    );
  }

  apply(write: ObjectWrite): void {
    // Periods are closed, never deleted.
    if (write.value === null) return;
    const period = parseState(CompliancePeriod, write);
    this.put.run({ year: period.year, status: period.status, json: write.value });
  }
}
