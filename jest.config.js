/** @type {import('jest').Config} */
const tsJest = ['ts-jest', { tsconfig: '<rootDir>/tsconfig.jest.json' }];

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
      roots: [
        '<rootDir>/chaincode/src',
        '<rootDir>/gateway-client/src',
        '<rootDir>/network/src',
        '<rootDir>/bench',
      ],
      testMatch: ['**/*.test.ts'],
    },
    {
      displayName: 'integration',
      testEnvironment: 'node',
      transform: { '^.+\\.ts$': tsJest },
      roots: ['<rootDir>/test'],
      testMatch: ['**/*.test.ts'],
      globalSetup: '<rootDir>/test/support/global-setup.ts',
      globalTeardown: '<rootDir>/test/support/global-teardown.ts',
    },
  ],
};
