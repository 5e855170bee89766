// OVM 3 object ids (reference §8.1): '0004fb00' + 4-hex type code + '0000' + 16 random hex = 32 digits.
import { nextHex, type RngState } from '../lib/rng';

export const OVM_TYPE = {
  manager: '0001',
  pool: '0002',
  repository: '0003',
  filesystem: '0005',
  vm: '0006',
  virtualDisk: '0012',
  diskMapping: '0013',
  iso: '0015',
  physicalDisk: '0018',
} as const;

export function ovmId(rng: RngState, type: keyof typeof OVM_TYPE): string {
  return `0004fb00${OVM_TYPE[type]}0000${nextHex(rng, 16)}`;
}

/** The same 32 hex digits split 8-4-4-4-12, as vm.cfg's `uuid`. */
export function ovmUuid(id: string): string {
  return `${id.slice(0, 8)}-${id.slice(8, 12)}-${id.slice(12, 16)}-${id.slice(16, 20)}-${id.slice(20)}`;
}

/** An Oracle-prefix MAC address (00:21:f6:…). */
export function oracleMac(rng: RngState): string {
  const h = nextHex(rng, 6);
  return `00:21:f6:${h.slice(0, 2)}:${h.slice(2, 4)}:${h.slice(4, 6)}`;
}
