import type { EmissionFactorSet } from '@carbon-ets/contract';
import { fuelName } from './report-draft';

/** The factors a report will be computed with: each fuel's NCV and emission factor, and the grid factor. */
export function FactorSetSummary({ set }: { set: EmissionFactorSet }) {
  return (
    <details>
      <summary>
        Factor set {set.id} version {set.version}: {set.description}
      </summary>
      <table>
        <thead>
          <tr>
            <th>Activity</th>
            <th className="num">NCV (GJ/t)</th>
            <th className="num">Emission factor</th>
            <th className="num">Oxidation</th>
          </tr>
        </thead>
        <tbody>
          {Object.entries(set.fuels).map(([fuel, factors]) => (
            <tr key={fuel}>
              <td>{fuelName(fuel)}</td>
              <td className="num">{factors.ncv}</td>
              <td className="num">
                {factors.emissionFactor !== undefined
                  ? `${factors.emissionFactor} kg CO₂/TJ`
                  : `${factors.carbonContent ?? '–'} tC/TJ`}
              </td>
              <td className="num">{factors.oxidation}</td>
            </tr>
          ))}
          <tr>
            <td>Grid electricity</td>
            <td className="num">–</td>
            <td className="num">{set.gridFactor} t CO₂/MWh</td>
            <td className="num">–</td>
          </tr>
        </tbody>
      </table>
    </details>
  );
}
