// Login targets that are not a dom0's sshd on port 22: a small table other subsystems add to
// (the Manager's OVM CLI answers `ssh admin@<manager> -p 10000`). The first match wins.
import type { CommandContext, CommandOutcome } from '../../types';

export interface SshRequest {
  user: string;
  /** The name as typed (host, FQDN or IP). */
  host: string;
  port: number;
  /** The remote command (the words after the host, joined by spaces), or null for a login. */
  command: string | null;
  /** -t given (a pseudo-terminal was asked for). */
  tty: boolean;
}

export interface SshTarget {
  matches(ctx: CommandContext, req: SshRequest): boolean;
  connect(ctx: CommandContext, req: SshRequest): CommandOutcome;
}

const TARGETS: SshTarget[] = [];

/** Adds a special login target (checked before the dom0s). */
export function registerSshTarget(t: SshTarget): void {
  TARGETS.push(t);
}

export function findSshTarget(ctx: CommandContext, req: SshRequest): SshTarget | undefined {
  return TARGETS.find((t) => t.matches(ctx, req));
}
