import type { EntityWithInstallations } from '@carbon-ets/contract';
import { Loadable, type LoadState, Section } from '../../components/ui';
import { SCROLL_X } from './form-layout';

/** The operator's entity and its installations, each with the holding account its units are surrendered from. */
export function InstallationsSection({ entity }: { entity: LoadState<EntityWithInstallations> }) {
  return (
    <Section title="Installations">
      <Loadable state={entity} empty={(value) => value.installations.length === 0}>
        {(value) => (
          <>
            <p className="muted">
              {value.name} ({value.id}), {value.kind}
            </p>
            <div style={SCROLL_X}>
              <table>
                <thead>
                  <tr>
                    <th>Installation</th>
                    <th>Name</th>
                    <th>Sector</th>
                    <th className="num">Capacity</th>
                    <th>Holding account</th>
                  </tr>
                </thead>
                <tbody>
                  {value.installations.map((installation) => (
                    <tr key={installation.id}>
                      <td>{installation.id}</td>
                      <td>{installation.name}</td>
                      <td>{installation.sector}</td>
                      <td className="num">
                        {Number(installation.capacity).toLocaleString('en-US')} {installation.capacityUnit}
                      </td>
                      <td>{installation.holdingAccountId ?? <span className="muted">none yet</span>}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </>
        )}
      </Loadable>
    </Section>
  );
}
