import { readFileSync } from 'node:fs';
import {
  AllowanceClient,
  AuctionClient,
  CertificateClient,
  ComplianceClient,
  FundsClient,
  MarketClient,
  MrvClient,
  OffsetClient,
  PeriodClient,
  QueryClient,
  RegistryClient,
} from '../../contracts';
import { type CommandContext, ExpectedError, requiredOption } from '../command';
import { formatRecord, formatTable } from '../output';

/**
 * Environment variable naming a block the org's peer must have committed before the command reads: a script
 * that wrote through another org's peer (`committed … in block N`) sets it to N to read its own write.
 */
const READ_AFTER_BLOCK_ENV = 'CARBON_READ_AFTER_BLOCK';

/** The contract façades as `--org/--user`; each committed write is noted on stderr with its tx id. */
export function facades(context: CommandContext): {
  registry: RegistryClient;
  period: PeriodClient;
  allowance: AllowanceClient;
  offset: OffsetClient;
  certificate: CertificateClient;
  mrv: MrvClient;
  compliance: ComplianceClient;
  query: QueryClient;
  funds: FundsClient;
  market: MarketClient;
  auction: AuctionClient;
} {
  const connection = context.connect();
  const readAfter = process.env[READ_AFTER_BLOCK_ENV];
  const options = {
    ...(readAfter !== undefined && /^\d+$/.test(readAfter) ? { readAfterBlock: BigInt(readAfter) } : {}),
    onCommit: (commit: { transaction: string; transactionId: string; blockNumber: bigint }) => {
      context.note(`committed ${commit.transaction} ${commit.transactionId} in block ${commit.blockNumber}`);
    },
  };
  return {
    registry: new RegistryClient(connection, options),
    period: new PeriodClient(connection, options),
    allowance: new AllowanceClient(connection, options),
    offset: new OffsetClient(connection, options),
    certificate: new CertificateClient(connection, options),
    mrv: new MrvClient(connection, options),
    compliance: new ComplianceClient(connection, options),
    query: new QueryClient(connection, options),
    funds: new FundsClient(connection, options),
    market: new MarketClient(connection, options),
    auction: new AuctionClient(connection, options),
  };
}

/** The option as a string, or undefined when not given. */
export function optionalText(context: CommandContext, name: string): string | undefined {
  const value = context.options[name];
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/** A required whole-number option (quantities, years); money goes through `money-options`. */
export function wholeOption(context: CommandContext, name: string): number {
  return parseWhole(requiredOption(context, name), `--${name}`);
}

/** A whole-number option, or undefined when not given. */
export function optionalWhole(context: CommandContext, name: string): number | undefined {
  const value = optionalText(context, name);
  return value === undefined ? undefined : parseWhole(value, `--${name}`);
}

/** Parses a whole number; no floats ever reach the ledger. */
export function parseWhole(value: string, what: string): number {
  if (!/^[0-9]+$/.test(value) || !Number.isSafeInteger(Number(value))) {
    throw new ExpectedError(`${what} must be a whole number, got "${value}"`);
  }
  return Number(value);
}

/** A year given as the first argument or as --period. */
export function periodArgument(context: CommandContext): number {
  const value = context.args[0] ?? optionalText(context, 'period');
  if (value === undefined) throw new ExpectedError('name the period, e.g. --period 2030');
  return parseWhole(value, 'period');
}

/** A JSON file given by the user: one clear line if it cannot be read or parsed. */
export function readJsonFile(file: string): unknown {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    throw new ExpectedError(`cannot read ${file}`);
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (err) {
    throw new ExpectedError(`${file} is not valid JSON: ${(err as Error).message}`);
  }
}

/** With --json the whole answer; otherwise `summary` (default: the answer) as a two-column table. */
export function show(
  context: CommandContext,
  answer: unknown,
  summary?: Readonly<Record<string, unknown>>,
): void {
  if (context.json) context.print(JSON.stringify(answer, null, 2));
  else context.print(formatRecord(summary ?? (answer as Record<string, unknown>)));
}

/** With --json the whole answer; otherwise a table (or `empty` when there are no rows). */
export function showTable(
  context: CommandContext,
  answer: unknown,
  header: readonly string[],
  rows: readonly (readonly (string | number | null | undefined)[])[],
  empty = '(none)',
): void {
  if (context.json) {
    context.print(JSON.stringify(answer, null, 2));
    return;
  }
  context.print(
    rows.length === 0
      ? empty
      : formatTable(
          header,
          rows.map((row) => row.map((cell) => (cell === null || cell === undefined ? '-' : String(cell)))),
        ),
  );
}

/** Today's UTC trading day, `YYYY-MM-DD`. */
export function today(): string {
  return new Date().toISOString().slice(0, 10);
}
