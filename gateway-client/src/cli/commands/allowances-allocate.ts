import { Allowance, type AllocationResult, type RequestOf } from '@carbon-ets/contract';
import { type Command, type CommandContext, ExpectedError, requiredOption } from '../command';
import { contractRequest } from './contract-request';
import { facades, optionalText, optionalWhole, show, wholeOption } from './support';

/** The allocation record's lines a table shows after a pre-allocation, a true-up or a return. */
function showAllocation(context: CommandContext, result: AllocationResult): void {
  const { allocation } = result;
  show(context, result, {
    installation: allocation.installationId,
    account: allocation.accountId,
    quantity: allocation.quantity,
    final: allocation.finalQuantity ?? '-',
    'return due': allocation.returnDue ?? 0,
    returned: allocation.returned ?? 0,
    parts: (allocation.parts ?? []).map((part) => `${part.part} ${part.quantity}`).join(', '),
    lots: result.lots.map((lot) => lot.id).join(', '),
  });
}

export const allowancesPlanCommand: Command = {
  name: 'allowances plan',
  summary:
    "Regulator: sets an installation's allocation plan line: --quantity (fixed) or --benchmark, --ceiling, --pre-base with --pre-share",
  options: {
    period: { type: 'string', description: 'the period (= vintage)' },
    installation: { type: 'string', description: 'the installation' },
    quantity: { type: 'string', description: 'a fixed final allocation, tonnes' },
    benchmark: {
      type: 'string',
      description: 'a benchmark id of the period, e.g. gas (output comes with the true-up)',
    },
    correction: { type: 'string', description: 'comma-separated correction factors, e.g. 1,0.97' },
    'pre-base': {
      type: 'string',
      description: "the pre-allocation's base figure, tonnes (e.g. last year's allocation)",
    },
    'pre-share': {
      type: 'string',
      description: 'the share of the base paid early, basis points (7000 = 70 %)',
    },
    ceiling: { type: 'string', description: 'the most the installation can be allocated, tonnes' },
  },
  async run(context) {
    const quantity = optionalWhole(context, 'quantity');
    const benchmarkId = optionalText(context, 'benchmark');
    if ((quantity === undefined) === (benchmarkId === undefined))
      throw new ExpectedError('give either --quantity (fixed) or --benchmark');
    const correction = optionalText(context, 'correction');
    const base = optionalWhole(context, 'pre-base');
    const share = optionalWhole(context, 'pre-share');
    const line: RequestOf<typeof Allowance.setAllocationPlan>['lines'][number] = {
      installationId: requiredOption(context, 'installation'),
      ...(quantity !== undefined
        ? { method: 'fixed', quantity }
        : {
            method: 'benchmark',
            benchmarkId: benchmarkId ?? '',
            ...(correction === undefined ? {} : { correctionFactors: correction.split(',') }),
          }),
      ...(base === undefined ? {} : { preAllocationBase: base }),
      ...(share === undefined ? {} : { preAllocationShareBasisPoints: share }),
      ceiling: wholeOption(context, 'ceiling'),
    };
    const result = await facades(context).allowance.setAllocationPlan(
      contractRequest(Allowance.setAllocationPlan, { period: wholeOption(context, 'period'), lines: [line] }),
    );
    const [recorded] = result.lines;
    show(context, result, {
      installation: recorded?.installationId,
      method: recorded?.method,
      'pre-allocation': recorded?.preAllocation,
      ceiling: recorded?.ceiling,
      version: recorded?.version,
    });
  },
};

export const allowancesAllocateCommand: Command = {
  name: 'allowances allocate',
  summary:
    "Regulator: free allocation by the installation's plan line: --part pre-allocation, or --part true-up (--output for benchmark lines)",
  options: {
    period: { type: 'string', description: 'the period (= vintage)' },
    installation: { type: 'string', description: 'the installation (its holding account receives)' },
    part: { type: 'string', description: 'pre-allocation or true-up' },
    output: {
      type: 'string',
      description: 'true-up of a benchmark line: verified output (decimal, e.g. 1200000)',
    },
  },
  async run(context) {
    const period = wholeOption(context, 'period');
    const installationId = requiredOption(context, 'installation');
    const part = requiredOption(context, 'part');
    const output = optionalText(context, 'output');
    const allowance = facades(context).allowance;
    if (part === 'pre-allocation') {
      if (output !== undefined) throw new ExpectedError('--output applies to --part true-up only');
      showAllocation(
        context,
        await allowance.preAllocate(contractRequest(Allowance.preAllocate, { period, installationId })),
      );
    } else if (part === 'true-up') {
      const request: RequestOf<typeof Allowance.trueUp> = {
        period,
        installationId,
        ...(output === undefined ? {} : { verifiedOutput: output }),
      };
      showAllocation(context, await allowance.trueUp(contractRequest(Allowance.trueUp, request)));
    } else {
      throw new ExpectedError('--part must be pre-allocation or true-up');
    }
  },
};

export const allowancesReturnCommand: Command = {
  name: 'allowances return',
  summary:
    "Operator: returns allowances of the period's vintage to NATIONAL-ALLOCATION against the installation's return obligation",
  options: {
    period: { type: 'string', description: 'the period (= vintage)' },
    installation: { type: 'string', description: 'the installation (its holding account gives)' },
    quantity: { type: 'string', description: 'tonnes, at most the return due' },
  },
  async run(context) {
    const request: RequestOf<typeof Allowance.returnAllocation> = {
      period: wholeOption(context, 'period'),
      installationId: requiredOption(context, 'installation'),
      quantity: wholeOption(context, 'quantity'),
    };
    showAllocation(
      context,
      await facades(context).allowance.returnAllocation(contractRequest(Allowance.returnAllocation, request)),
    );
  },
};
