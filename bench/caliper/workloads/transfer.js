'use strict';
// Allowance:Transfer of 1 t from accounts prepared by bench/caliper/prepare.ts. Each account has at most one
// transfer in flight (a transfer reads its own account's lots), so distinct accounts never conflict.
const fs = require('node:fs');
const { WorkloadModuleBase } = require('@hyperledger/caliper-core');

class Transfer extends WorkloadModuleBase {
  async initializeWorkloadModule(
    workerIndex,
    totalWorkers,
    roundIndex,
    roundArguments,
    sutAdapter,
    sutContext,
  ) {
    await super.initializeWorkloadModule(
      workerIndex,
      totalWorkers,
      roundIndex,
      roundArguments,
      sutAdapter,
      sutContext,
    );
    const ledger = JSON.parse(fs.readFileSync(roundArguments.ledgerFile, 'utf8'));
    this.sink = ledger.sinkAccount;
    this.free = ledger.slotAccounts
      .map((slot) => slot.account)
      .filter((_, i) => i % totalWorkers === workerIndex);
    if (this.free.length === 0) throw new Error(`worker ${workerIndex} has no account to transfer from`);
    this.next = 0;
  }

  async submitTransaction() {
    // A free account if there is one; with more load than accounts, reuse one (that transfer may conflict).
    const account = this.free.shift();
    const fromAccount = account ?? this.accounts[0];
    try {
      await this.sutAdapter.sendRequests({
        contractId: 'carbon',
        contractFunction: 'Allowance:Transfer',
        contractArguments: [JSON.stringify({ fromAccount, toAccount: this.sink, quantity: 1 })],
        invokerMspId: this.roundArguments.mspId,
        invokerIdentity: this.roundArguments.identity,
        readOnly: false,
      });
    } finally {
      if (account !== undefined) this.free.push(account);
    }
  }
}

module.exports.createWorkloadModule = () => new Transfer();
