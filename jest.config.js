/** @type {import('jest').Config} */
const tsJest = ['ts-jest', { tsconfig: '<rootDir>/tsconfig.jest.json' }];
// Tests run the workspaces' current sources, not their last build in dist/.
const moduleNameMapper = {
  '^@carbon-ets/contract$': '<rootDir>/contract/src/index.ts',
  '^@carbon-ets/gateway-client$': '<rootDir>/gateway-client/src/index.ts',
  '^@carbon-ets/network$': '<rootDir>/network/src/index.ts',
  '^@carbon-ets/server$': '<rootDir>/server/src/index.ts',
};

module.exports = {
  reporters: ['default', '<rootDir>/test/support/summary-reporter.js'],
  // Integration tests wait on block commits; the network itself is started by globalSetup, outside this limit.
  testTimeout: 120000,
  // `npm test` runs with --coverage: the chaincode must keep ≥ 90 % of its lines covered by unit tests.
  collectCoverageFrom: ['chaincode/src/**/*.ts', '!chaincode/src/**/*.test.ts', '!chaincode/src/testing/**'],
  coverageThreshold: { './chaincode/src/': { lines: 90 } },
  coverageReporters: ['text-summary'],
  projects: [
    {
      displayName: 'unit',
      testEnvironment: 'node',
      transform: { '^.+\\.ts$': tsJest },
      moduleNameMapper,
      roots: [
        '<rootDir>/contract/src',
        '<rootDir>/chaincode/src',
        '<rootDir>/gateway-client/src',
        '<rootDir>/network/src',
        '<rootDir>/server/src',
        '<rootDir>/web/src',
        '<rootDir>/bench',
      ],
      testMatch: ['**/*.test.ts'],
    },
    {
      displayName: 'integration',
      testEnvironment: 'node',
      transform: { '^.+\\.ts$': tsJest },
      moduleNameMapper,
      roots: ['<rootDir>/test'],
      testMatch: ['**/*.test.ts'],
      testPathIgnorePatterns: ['/test/faults/'],
      setupFiles: ['<rootDir>/test/support/connection-dir.ts'],
      globalSetup: '<rootDir>/test/support/global-setup.ts',
      globalTeardown: '<rootDir>/test/support/global-teardown.ts',
    },
    {
      // `npm run test:faults`: the consortium in multi-host mode (one network namespace per host), faulted.
      displayName: 'faults',
      testEnvironment: 'node',
      transform: { '^.+\\.ts$': tsJest },
      moduleNameMapper,
      roots: ['<rootDir>/test/faults'],
      testMatch: ['**/*.test.ts'],
      setupFiles: ['<rootDir>/test/support/connection-dir.ts'],
      globalSetup: '<rootDir>/test/faults/support/global-setup.ts',
      globalTeardown: '<rootDir>/test/support/global-teardown.ts',
    },
  ],
};
