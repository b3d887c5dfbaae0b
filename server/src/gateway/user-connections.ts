import { type CarbonConnection, connectAs } from '@carbon-ets/gateway-client';

/**
 * One Gateway connection per user of the org, opened on first use with that user's own CA-issued identity from
 * the org's wallet: the server never submits as anyone but the user who asked.
 */
export class UserConnections {
  private readonly open = new Map<string, CarbonConnection>();

  constructor(
    private readonly organization: string,
    /** The folder of connection settings (the wallet's index); defaults to `$CARBON_CONNECTION_DIR`. */
    private readonly settingsDir?: string,
  ) {}

  /** The connection of `user`, opened now if needed. */
  for(user: string): CarbonConnection {
    let connection = this.open.get(user);
    if (connection === undefined) {
      connection = connectAs({
        organization: this.organization,
        user,
        ...(this.settingsDir === undefined ? {} : { settingsDir: this.settingsDir }),
      });
      this.open.set(user, connection);
    }
    return connection;
  }

  /** Closes every connection (on shutdown). */
  closeAll(): void {
    for (const connection of this.open.values()) connection.close();
    this.open.clear();
  }
}
