import type { ObjectHistory, ObjectTypeName } from '@carbon-ets/contract';
import { useState } from 'react';
import { api } from '../../api';
import { Field, Loadable, Section, Select, useLoad } from '../../components/ui';
import { blockIndex } from './block-index';
import { downloadCsv } from './csv';
import { HistoryTable } from './HistoryTable';
import { idPartsOf, isObjectType, OBJECT_TYPE_NAMES } from './object-types';
import { submitterOf } from './submitter';
import { FORM_LAYOUT } from '../operator/form-layout';

interface Asked {
  readonly type: ObjectTypeName;
  readonly parts: readonly string[];
}

/** Any object of the world state → every committed version, with its transaction, block, time and submitter. */
export function HistoryExplorer() {
  const [type, setType] = useState<ObjectTypeName>('report');
  const [id, setId] = useState('');
  const [asked, setAsked] = useState<Asked | undefined>();
  const history = useLoad(async () => {
    if (asked === undefined) return null;
    const path = asked.parts.map(encodeURIComponent).join('/');
    return api<ObjectHistory>('GET', `/api/v1/history/${asked.type}/${path}`);
  }, [asked]);
  const blocks = useLoad(
    async () => (history.value === undefined || history.value === null ? undefined : blockIndex()),
    [history.value],
  );
  const exportCsv = (value: ObjectHistory) => {
    downloadCsv(`history-${value.type}-${value.id.join('-')}.csv`, [
      ['version', 'transactionId', 'block', 'timestamp', 'submitter', 'deleted', 'value'],
      ...value.history.map((entry, index) => [
        value.history.length - index,
        entry.txId,
        blocks.value?.get(entry.txId) ?? '',
        entry.timestamp,
        submitterOf(entry.value) ?? '',
        entry.isDelete,
        entry.isDelete ? '' : JSON.stringify(entry.value),
      ]),
    ]);
  };
  return (
    <Section title="History explorer">
      <form
        style={FORM_LAYOUT}
        onSubmit={(event) => {
          event.preventDefault();
          setAsked({
            type,
            parts: id
              .split('/')
              .map((part) => part.trim())
              .filter((part) => part !== ''),
          });
          history.reload();
        }}
      >
        <div className="row">
          <Select
            label="Object type"
            name="object-type"
            value={type}
            options={OBJECT_TYPE_NAMES}
            onChange={(value) => {
              if (isObjectType(value)) setType(value);
            }}
          />
          <Field
            label="Object id"
            name="object-id"
            value={id}
            onChange={setId}
            placeholder={idPartsOf(type)}
          />
        </div>
        <p className="muted">Id parts separated by “/”: {idPartsOf(type)}</p>
        <div>
          <button type="submit">Show history</button>
        </div>
      </form>
      {asked !== undefined && (
        <Loadable state={history}>
          {(value) =>
            value?.type !== asked.type || value.id.join('/') !== asked.parts.join('/') ? (
              <p className="muted">Loading…</p>
            ) : (
              <>
                <div className="card-head">
                  <p>
                    {value.type} {value.id.join('/')}: {value.history.length} version
                    {value.history.length === 1 ? '' : 's'}
                  </p>
                  <button
                    type="button"
                    className="secondary"
                    disabled={value.history.length === 0}
                    onClick={() => {
                      exportCsv(value);
                    }}
                  >
                    Export history CSV
                  </button>
                </div>
                {value.history.length === 0 ? (
                  <p className="muted">No versions: the object was never written.</p>
                ) : (
                  <HistoryTable history={value.history} blocks={blocks.value} />
                )}
                {blocks.error !== undefined && <p className="error">Blocks unknown: {blocks.error}</p>}
              </>
            )
          }
        </Loadable>
      )}
    </Section>
  );
}
