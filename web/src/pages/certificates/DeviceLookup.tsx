import type { CertificateDevice, CertificateMonth } from '@carbon-ets/contract';
import { useState } from 'react';
import { api, ApiFailure } from '../../api';
import { Field, Loadable, Num, Time, useLoad } from '../../components/ui';
import { formatMwh } from '../../format';
import { ID_PATTERN, YEAR_PATTERN } from '../operator/useCurrentReport';
import { useDebounced } from '../operator/useDebounced';
import { CERTIFICATE_EVENTS, useRefreshOn } from '../regulator/refresh';
import { daysOfMonth, issuedDaysInMonth, monthsOfYear } from './production-days';

/** A device and the months of a year with production issued for it. */
interface DeviceRecord {
  readonly device: CertificateDevice | null;
  readonly months: readonly CertificateMonth[];
}

/** `GET` that answers null where the ledger has no such object. */
async function unlessMissing<T>(path: string): Promise<T | null> {
  try {
    return await api<T>('GET', path);
  } catch (err) {
    if (err instanceof ApiFailure && err.code === 'NOT_FOUND') return null;
    throw err;
  }
}

/**
 * The device and its issued months of `year`: the ledger keeps one record per device and month
 * (`certificateMonth ~ device ~ YYYY-MM`), read here by key, twelve point reads.
 */
async function lookUpDevice(deviceId: string, year: string): Promise<DeviceRecord> {
  const id = encodeURIComponent(deviceId);
  const [device, months] = await Promise.all([
    unlessMissing<CertificateDevice>(`/api/v1/certificate-devices/${id}`),
    Promise.all(
      monthsOfYear(Number(year)).map((month) =>
        unlessMissing<CertificateMonth>(`/api/v1/objects/certificateMonth/${id}/${month}`),
      ),
    ),
  ]);
  return { device, months: months.filter((month) => month !== null) };
}

/** Looks up a generating device: its installation, MWh issued, next serial and the production months issued. */
export function DeviceLookup({ issued }: { issued: number }) {
  const [deviceId, setDevice] = useState('');
  const [year, setYear] = useState(String(new Date().getUTCFullYear()));
  const device = useDebounced(deviceId.trim());
  const settledYear = useDebounced(year.trim());
  const record = useLoad(
    async () =>
      ID_PATTERN.test(device) && YEAR_PATTERN.test(settledYear) ? lookUpDevice(device, settledYear) : null,
    [device, settledYear, issued],
  );
  useRefreshOn(CERTIFICATE_EVENTS, () => {
    record.reload();
  });
  return (
    <div className="reg-form" role="group" aria-label="Device lookup">
      <h3>Device lookup</h3>
      <div className="row">
        <Field label="Lookup device" name="device-lookup-id" value={deviceId} onChange={setDevice} />
        <Field
          label="Production year"
          name="device-lookup-year"
          value={year}
          onChange={setYear}
          inputMode="numeric"
        />
      </div>
      <Loadable state={record}>
        {(found) =>
          found === null ? (
            <p className="muted">Enter a device id to see what was issued for it.</p>
          ) : found.device === null ? (
            <p className="muted">No certificates were ever issued for device {device}.</p>
          ) : (
            <DeviceView device={found.device} months={found.months} year={settledYear} />
          )
        }
      </Loadable>
    </div>
  );
}

function DeviceView({
  device,
  months,
  year,
}: {
  device: CertificateDevice;
  months: readonly CertificateMonth[];
  year: string;
}) {
  return (
    <>
      <p data-testid="device-summary">
        {device.id} of installation {device.installationId} ({device.entityId}): {formatMwh(device.issued)}{' '}
        issued since <Time iso={device.firstIssuedAt} />, next serial{' '}
        {device.nextSerial.toLocaleString('en-US')}.
      </p>
      {months.length === 0 ? (
        <p className="muted">
          No production of {year} issued for {device.id}.
        </p>
      ) : (
        <table aria-label={`Production issued for ${device.id} in ${year}`}>
          <thead>
            <tr>
              <th>Month</th>
              <th className="num">Days issued</th>
              <th>Production periods</th>
            </tr>
          </thead>
          <tbody>
            {months.map((month) => (
              <tr key={month.month}>
                <td>{month.month}</td>
                <Num>
                  {issuedDaysInMonth(month.month, month.periods)} of {daysOfMonth(month.month)}
                </Num>
                <td>{month.periods.map((period) => `${period.from} – ${period.to}`).join(', ')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
