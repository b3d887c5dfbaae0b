import type { Command } from '../command';
import { auditReconcileCommand } from './audit-reconcile';
import { identityEnrollCommand } from './identity-enroll';
import { identityRegisterCommand } from './identity-register';
import { invokeCommand } from './invoke';
import { whoamiCommand } from './whoami';

/** Every `carbon` command, in the order `carbon --help` lists them. */
export const COMMANDS: readonly Command[] = [
  whoamiCommand,
  identityRegisterCommand,
  identityEnrollCommand,
  invokeCommand,
  auditReconcileCommand,
];
