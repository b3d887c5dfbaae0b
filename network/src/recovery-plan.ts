/** What `network:up` found of one node: its pid file, whether that process lives, whether it serves. */
export interface NodeCondition {
  readonly name: string;
  /** A pid file names this node. */
  readonly pidFile: boolean;
  /** The recorded process is alive and still runs the command we started. */
  readonly alive: boolean;
  /** It answers its health check (operations `/healthz`, or its listen port for a chaincode server). */
  readonly healthy: boolean;
}

/** What `network:up` does to each node of a network that was bootstrapped before, after a crash. */
export interface RecoveryPlan {
  /** Alive and healthy: left running, untouched. */
  readonly keep: readonly string[];
  /** Alive but not answering its health check: stopped by its pid, then started again. */
  readonly restart: readonly string[];
  /** Not running: started (after clearing a stale pid file). */
  readonly start: readonly string[];
  /** Pid files whose process is gone: removed before anything starts. */
  readonly stalePidFiles: readonly string[];
}

/**
 * Plans the recovery of the `expected` nodes (in start order) from their conditions: only what is down is
 * started, so healthy processes keep their connections and caches. A node with no condition counts as down.
 */
export function recoveryPlan(
  expected: readonly string[],
  conditions: ReadonlyMap<string, NodeCondition>,
): RecoveryPlan {
  const keep: string[] = [];
  const restart: string[] = [];
  const start: string[] = [];
  const stalePidFiles: string[] = [];
  for (const name of expected) {
    const condition = conditions.get(name);
    if (condition?.alive && condition.healthy) keep.push(name);
    else if (condition?.alive) restart.push(name);
    else {
      if (condition?.pidFile) stalePidFiles.push(name);
      start.push(name);
    }
  }
  return { keep, restart, start, stalePidFiles };
}

/** The nodes a plan starts, in start order: those restarted and those that were down. */
export function nodesToStart(expected: readonly string[], plan: RecoveryPlan): string[] {
  return expected.filter((name) => plan.restart.includes(name) || plan.start.includes(name));
}

/** One line saying what the plan keeps and starts, for the progress output. */
export function describeRecovery(plan: RecoveryPlan): string {
  const parts: string[] = [];
  if (plan.start.length > 0) parts.push(`starting ${plan.start.join(', ')} (down)`);
  if (plan.restart.length > 0) parts.push(`restarting ${plan.restart.join(', ')} (alive but unhealthy)`);
  parts.push(
    plan.keep.length > 0 ? `keeping ${plan.keep.length} healthy process(es)` : 'no process was running',
  );
  if (plan.stalePidFiles.length > 0) parts.push(`cleared ${plan.stalePidFiles.length} stale pid file(s)`);
  return parts.join('; ');
}
