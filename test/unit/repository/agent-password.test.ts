// The agent password: SHA-1 digests as Python's hashlib gives them, the passwdfile every server
// gets at installation, and setAgentPassword changing one server only.
import { describe, expect, it } from 'vitest';
import { sha1Hex } from '../../../src/lib/sha1';
import { agentPasswordDigest, checkAgentPassword, sameAgentPassword, setAgentPassword } from '../../../src/sim/agent-password';
import { buildDefaultWorld } from '../../../src/sim/scenario/default';
import { readFile } from '../../../src/sim/vfs';

describe('agent password', () => {
  it('sha1Hex matches known digests', () => {
    expect(sha1Hex('')).toBe('da39a3ee5e6b4b0d3255bfef95601890afd80709');
    expect(sha1Hex('oracle')).toBe('431364b6450fc47ccdbf6a2205dfdb1baeb79412');
    expect(sha1Hex('a'.repeat(100))).toBe('7f9000257a4918d7072655ea468540cdcbd42e0c');
    expect(sha1Hex('é€𝄞')).toBe('ef23ab9d2014df0059ed87cd7cfc6bf28ca5ec3c'); // UTF-8, 2-, 3- and 4-byte sequences
  });

  it('every server starts with the same password; setting one server makes them differ', () => {
    const w = buildDefaultWorld(42);
    const [a, b] = [w.hosts.ovs01!, w.hosts.ovs02!];
    const f = readFile(w, a, '/etc/ovs-agent/passwdfile');
    expect(f.ok && f.value).toBe('oracle:431364b6450fc47ccdbf6a2205dfdb1baeb79412\n');
    expect(sameAgentPassword(w, a, b)).toBe(true);
    expect(checkAgentPassword(w, a, 'oracle', 'oracle')).toBe(true);
    expect(checkAgentPassword(w, a, 'root', 'oracle')).toBe(false);
    setAgentPassword(w, b, 'Welcome1');
    expect(sameAgentPassword(w, a, b)).toBe(false);
    expect(checkAgentPassword(w, b, 'oracle', 'Welcome1')).toBe(true);
    expect(agentPasswordDigest(w, b)).toBe(sha1Hex('Welcome1'));
  });
});
