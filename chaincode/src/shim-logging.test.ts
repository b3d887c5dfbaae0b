import { Writable } from 'node:stream';
import * as winston from 'winston';
import { dropDisabledLogLevels } from './shim-logging';

/** A logger at `level` whose format counts the messages it formats and whose transport keeps what it writes. */
function countingLogger(level: string) {
  const formatted: string[] = [];
  const written: string[] = [];
  const count = winston.format((info) => {
    formatted.push(String(info.message));
    return info;
  });
  const memory = new Writable({
    objectMode: true,
    write(info: { message: unknown }, _encoding, next) {
      written.push(String(info.message));
      next();
    },
  });
  const logger = winston.createLogger({
    level,
    format: count(),
    // winston's typings declare its transports as interfaces, which this rule cannot match to a class.
    // eslint-disable-next-line @typescript-eslint/no-unsafe-class-instance-assignment
    transports: [new winston.transports.Stream({ stream: memory })],
  });
  return { logger, formatted, written };
}

describe('chaincode logging (winston as fabric-shim loads it)', () => {
  it('drops messages below the level before formatting them, and still writes the rest', () => {
    // This file's own module registry: winston is not yet changed here, and formats what it then drops.
    const before = countingLogger('info');
    before.logger.debug('a debug line');
    expect(before.formatted).toEqual(['a debug line']);
    expect(before.written).toEqual([]);

    dropDisabledLogLevels(winston);
    const { logger, formatted, written } = countingLogger('info');
    logger.debug('a debug line');
    logger.log('debug', 'another debug line');
    logger.info('an info line');
    logger.warn('a warning');
    logger.error('an error', { cause: 'x' });
    expect(formatted).toEqual(['an info line', 'a warning', 'an error']);
    expect(written).toEqual(['an info line', 'a warning', 'an error']);
  });

  it('follows a level changed later, and applying it twice changes nothing', () => {
    dropDisabledLogLevels(winston);
    dropDisabledLogLevels(winston);
    const { logger, formatted, written } = countingLogger('warn');
    logger.info('hidden');
    logger.level = 'debug';
    logger.debug('now shown');
    expect(formatted).toEqual(['now shown']);
    expect(written).toEqual(['now shown']);
  });
});
