import { useState } from 'react';
import { Field, Loadable, Section, useLoad } from '../../components/ui';
import { useRefreshOnNotice } from '../../notifications';
import { downloadCsv } from './csv';
import { loadStatement, statementRows } from './statement';
import { StatementView } from './StatementView';
import { FORM_LAYOUT } from '../operator/form-layout';

/** Any account's statement (holdings, funds, trades), and the same as a CSV file. */
export function AccountStatement() {
  const [account, setAccount] = useState('');
  const [asked, setAsked] = useState<string | undefined>();
  const statement = useLoad(async () => (asked === undefined ? null : loadStatement(asked)), [asked]);
  useRefreshOnNotice(() => {
    if (asked !== undefined) statement.reload();
  });
  const shown =
    statement.value !== undefined && statement.value !== null && statement.value.accountId === asked;
  return (
    <Section title="Account statement">
      <form
        style={FORM_LAYOUT}
        onSubmit={(event) => {
          event.preventDefault();
          setAsked(account.trim());
          statement.reload();
        }}
      >
        <Field label="Statement account" name="statement-account" value={account} onChange={setAccount} />
        <div style={{ display: 'flex', gap: 8 }}>
          <button type="submit">Show statement</button>
          <button
            type="button"
            className="secondary"
            disabled={!shown}
            onClick={() => {
              if (statement.value !== undefined && statement.value !== null) {
                downloadCsv(`statement-${statement.value.accountId}.csv`, statementRows(statement.value));
              }
            }}
          >
            Export CSV
          </button>
        </div>
      </form>
      {asked !== undefined && (
        <Loadable state={statement}>
          {(value) =>
            value?.accountId !== asked ? (
              <p className="muted">Loading…</p>
            ) : (
              <StatementView statement={value} />
            )
          }
        </Loadable>
      )}
    </Section>
  );
}
