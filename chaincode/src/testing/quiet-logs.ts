// fabric-contract-api logs every decorator at info level when a contract class loads; tests only want warnings.
// Imported first by the testing helpers, before fabric-contract-api creates its loggers.
process.env.CORE_CHAINCODE_LOGGING_LEVEL ??= 'WARNING';

export {};
