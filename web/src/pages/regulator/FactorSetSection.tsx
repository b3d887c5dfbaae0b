import type { FactorSet } from '@carbon-ets/contract';
import { useState } from 'react';
import { api, newRequestId } from '../../api';
import { Field, Outcome, Section, useAction } from '../../components/ui';
import { decimal, otherError, positiveInteger, required } from './forms';

const SHOWN = ['id', 'version', 'description', 'ncv', 'emissionFactor', 'oxidation', 'gridFactor'];

/**
 * Publishes a version of an emission-factor set: natural gas (IPCC 2006 defaults) and the grid factor (China
 * 2022), prefilled. Reports name the set and version, so a published version never changes.
 */
export function FactorSetSection() {
  const [id, setId] = useState('');
  const [version, setVersion] = useState('1');
  const [description, setDescription] = useState('IPCC 2006 defaults with the China 2022 grid factor');
  const [ncv, setNcv] = useState('48.0');
  const [emissionFactor, setEmissionFactor] = useState('56100');
  const [oxidation, setOxidation] = useState('1');
  const [gridFactor, setGridFactor] = useState('0.5703');
  const action = useAction(() =>
    api<FactorSet>(
      'POST',
      '/api/v1/factor-sets',
      {
        id: required(id, 'id', 'Factor set id'),
        version: positiveInteger(version, 'version', 'Version'),
        description: required(description, 'description', 'Description'),
        fuels: {
          natural_gas: {
            ncv: decimal(ncv, 'ncv', 'Natural gas NCV'),
            emissionFactor: decimal(emissionFactor, 'emissionFactor', 'Natural gas emission factor'),
            oxidation: decimal(oxidation, 'oxidation', 'Oxidation factor'),
          },
        },
        gridFactor: decimal(gridFactor, 'gridFactor', 'Grid factor'),
      },
      newRequestId(),
    ),
  );
  return (
    <Section title="Factor set">
      <form
        className="reg-form"
        onSubmit={(event) => {
          action.submit(event, (set) => `Factor set ${set.id} version ${set.version} published.`);
        }}
      >
        <div className="row">
          <Field
            label="Factor set id"
            name="factor-set-id"
            value={id}
            onChange={setId}
            placeholder="FS-2025"
            error={action.fieldError('id')}
          />
          <Field
            label="Version"
            name="factor-set-version"
            value={version}
            onChange={setVersion}
            inputMode="numeric"
            error={action.fieldError('version')}
          />
        </div>
        <Field
          label="Description"
          name="factor-set-description"
          value={description}
          onChange={setDescription}
          error={action.fieldError('description')}
        />
        <div className="row">
          <Field
            label="Natural gas NCV (GJ/t)"
            name="factor-set-ncv"
            value={ncv}
            onChange={setNcv}
            inputMode="decimal"
            error={action.fieldError('ncv')}
          />
          <Field
            label="Natural gas emission factor (kg CO2/TJ)"
            name="factor-set-emission-factor"
            value={emissionFactor}
            onChange={setEmissionFactor}
            inputMode="decimal"
            error={action.fieldError('emissionFactor')}
          />
        </div>
        <div className="row">
          <Field
            label="Oxidation factor"
            name="factor-set-oxidation"
            value={oxidation}
            onChange={setOxidation}
            inputMode="decimal"
            error={action.fieldError('oxidation')}
          />
          <Field
            label="Grid factor (t CO2/MWh)"
            name="factor-set-grid"
            value={gridFactor}
            onChange={setGridFactor}
            inputMode="decimal"
            error={action.fieldError('gridFactor')}
          />
        </div>
        <Outcome error={otherError(action, SHOWN)} done={action.done} />
        <div className="reg-actions">
          <button type="submit" disabled={action.busy}>
            Publish factor set
          </button>
        </div>
      </form>
    </Section>
  );
}
