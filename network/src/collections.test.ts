import { commercialCollections } from './collections';
import { loadTopology } from './topology';

describe('commercial collections', () => {
  it('one per enterprise org, shared with the supervisors only, written only with the owner’s peer', () => {
    const collections = commercialCollections(loadTopology());
    expect(collections.map((collection) => collection.name)).toEqual([
      'commercial-Enterprise1MSP',
      'commercial-Enterprise2MSP',
    ]);
    expect(collections[0]).toEqual({
      name: 'commercial-Enterprise1MSP',
      policy: "OR('Enterprise1MSP.member', 'RegulatorMSP.member', 'VerifierMSP.member', 'AuditorMSP.member')",
      requiredPeerCount: 1,
      maxPeerCount: 3,
      blockToLive: 0,
      memberOnlyRead: true,
      memberOnlyWrite: true,
      endorsementPolicy: { signaturePolicy: "OR('Enterprise1MSP.peer')" },
    });
    expect(collections[1]?.policy).not.toContain('Enterprise1MSP');
  });
});
