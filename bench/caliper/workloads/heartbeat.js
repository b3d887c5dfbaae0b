'use strict';
// The minimal transaction: System:Heartbeat, one blind write. Each worker cycles through 64 keys of its own.
const { WorkloadModuleBase } = require('@hyperledger/caliper-core');

class Heartbeat extends WorkloadModuleBase {
  constructor() {
    super();
    this.sent = 0;
  }

  async submitTransaction() {
    this.sent++;
    await this.sutAdapter.sendRequests({
      contractId: 'carbon',
      contractFunction: 'System:Heartbeat',
      contractArguments: [`caliper-w${this.workerIndex}-${this.sent % 64}`],
      invokerMspId: this.roundArguments.mspId,
      invokerIdentity: this.roundArguments.identity,
      readOnly: false,
    });
  }
}

module.exports.createWorkloadModule = () => new Heartbeat();
