import { Users } from './testing/identities';
import { TestLedger } from './testing/test-ledger';
import { MemoryStub } from './testing/memory-stub';
import { MemoryWorld } from './testing/memory-world';
import { contracts, SystemContract } from './index';

describe('chaincode package', () => {
  it('exports every contract with SystemContract first and unique names', () => {
    const names = contracts.map((C) => new C().getName());
    expect(names).toEqual([
      'System',
      'Registry',
      'Period',
      'Allowance',
      'Offset',
      'Certificate',
      'Mrv',
      'Compliance',
      'Query',
      'Funds',
      'Market',
      'Auction',
      'Approval',
      'CarbonIndex',
    ]);
  });

  it('System:WhoAmI reports the caller', async () => {
    const ledger = new TestLedger();
    const answer = await ledger.evaluate(Users.operator1, (ctx) =>
      Promise.resolve(new SystemContract().WhoAmI(ctx)),
    );
    expect(JSON.parse(answer)).toMatchObject({ mspId: 'Enterprise1MSP', role: 'operator', entity: 'ENT1' });
  });

  it('the memory stub says clearly what it does not implement', () => {
    const stub = new MemoryStub(new MemoryWorld(), 'tx', 0, 'RegulatorMSP');
    const unsupported: (() => unknown)[] = [
      () => stub.getBinding(),
      () => stub.getStateByRangeWithPagination(),
      () => stub.getStateByPartialCompositeKeyWithPagination(),
      () => stub.getQueryResult(),
      () => stub.getQueryResultWithPagination(),
      () => stub.invokeChaincode(),
      () => stub.deletePrivateData(),
      () => stub.purgePrivateData(),
      () => stub.setPrivateDataValidationParameter(),
      () => stub.getPrivateDataValidationParameter(),
      () => stub.getPrivateDataByRange(),
      () => stub.getPrivateDataByPartialCompositeKey(),
      () => stub.getPrivateDataQueryResult(),
    ];
    for (const call of unsupported) {
      expect(call).toThrow('MemoryStub does not implement');
    }
  });
});
