import { useRefreshOnNotice } from '../notifications';
import { useUser } from '../session';
import { ApprovalsSection } from './approvals/ApprovalsSection';
import { AuctionBidsSection } from './auctions/AuctionBidsSection';
import { TransferForm } from './approvals/TransferForm';
import { TrustedAccountsSection } from './approvals/TrustedAccountsSection';
import { BilateralProposals } from './trader/BilateralProposals';
import { Fills } from './trader/Fills';
import { HoldingsAndFunds } from './trader/HoldingsAndFunds';
import { useRefreshTick, useRemembered, useSettled } from './trader/hooks';
import { ACCOUNT_PATTERN, INSTRUMENT_PATTERN, type MarketChoice } from './trader/market';
import { MarketSelector } from './trader/MarketSelector';
import { OpenOrders } from './trader/OpenOrders';
import { OrderBookSection } from './trader/OrderBookSection';
import { OrderTicket } from './trader/OrderTicket';

/** The order book and its chart take the page's whole width. */
const WIDE = { gridColumn: '1 / -1', display: 'grid', minWidth: 0 } as const;

const wellFormed = (value: string, pattern: RegExp): string | undefined =>
  pattern.test(value.trim()) ? value.trim() : undefined;

/**
 * The trader's market page: pick an instrument and the account to trade from, watch the book and the chart,
 * place and cancel orders, follow fills, holdings and funds, and negotiate bilateral trades. Everything
 * reloads after each action and whenever a notification arrives.
 */
export function TraderPage() {
  const user = useUser();
  const [instrument, setInstrument] = useRemembered(`carbon-ets:${user.name}:instrument`, '');
  const [account, setAccount] = useRemembered(`carbon-ets:${user.name}:account`, '');
  const [tick, refresh] = useRefreshTick();
  useRefreshOnNotice(refresh);
  // Actions use what is typed now; the lists load once typing has settled.
  const typed: MarketChoice = {
    instrument: wellFormed(instrument, INSTRUMENT_PATTERN),
    account: wellFormed(account, ACCOUNT_PATTERN),
  };
  const shown = useSettled(typed.instrument);
  const shownAccount = useSettled(typed.account);
  return (
    <>
      <MarketSelector
        instrument={instrument}
        account={account}
        onInstrument={setInstrument}
        onAccount={setAccount}
      />
      <OrderTicket choice={typed} onPlaced={refresh} />
      <div style={WIDE}>
        <OrderBookSection instrument={shown} tick={tick} />
      </div>
      <OpenOrders account={shownAccount} tick={tick} onChanged={refresh} />
      <HoldingsAndFunds account={shownAccount} tick={tick} />
      <Fills account={shownAccount} tick={tick} />
      <BilateralProposals choice={typed} tick={tick} onChanged={refresh} />
      <AuctionBidsSection />
      <TransferForm defaultAccount={typed.account} onTransferred={refresh} />
      <ApprovalsSection defaultAccount={shownAccount} />
      <TrustedAccountsSection defaultAccount={shownAccount} />
    </>
  );
}
