// From an executed vm.cfg (sim/xen/pycfg.ts) to the domain configuration xend builds, with the
// checks xm's create.py makes on the way (disk and vif specifiers, kernel path) and the ones
// XendConfig makes (memory sanity). Errors are the exact texts `xm create` prints after "Error: ".
import { pyStr, typeName, type PyValue } from './pycfg';
import type { VbdSpec, VifSpec } from '../types';

export interface VmConfig {
  name: string;
  uuid?: string;
  builder: string;
  memoryMiB: number;
  maxMemMiB: number;
  vcpus: number;
  maxVcpus: number;
  cpus?: string;
  weight?: number;
  cap?: number;
  disks: VbdSpec[];
  vifs: VifSpec[];
  onPoweroff: string;
  onReboot: string;
  onCrash: string;
  bootloader?: string;
  kernel?: string;
  ramdisk?: string;
  serial?: string;
  vnc: boolean;
  keymap?: string;
  boot?: string;
  simpleName?: string;
  osType?: string;
  /** OVM_domain_type: 'xen_pvm', 'xen_hvm' (emulated devices only), 'xen_hvm_pv' / 'xen_pvhvm' (PV drivers). */
  domainType?: string;
  /** Variables the file (or the command line) set, for `xm create -n`. */
  setKeys: string[];
}

export type ConfigResult = { ok: true; config: VmConfig } | { ok: false; error: string; /** xend fault (after the domain id is taken?) */ stage: 'xm' | 'xend' };

const VIF_KEYS = ['backend', 'bridge', 'ip', 'mac', 'script', 'type', 'vifname', 'rate', 'model', 'accel', 'policy', 'label'];

/** `vals.x` as create.py leaves it: a string/list/int/float; other types are dropped by Opts.load. */
function get(vars: Map<string, PyValue>, key: string): PyValue | undefined {
  const v = vars.get(key);
  if (v === undefined) return undefined;
  const t = typeName(v);
  return t === 'str' || t === 'list' || t === 'int' || t === 'float' || t === 'bool' ? v : undefined;
}

/** Iterating a value as Python would (a string iterates its characters). */
function items(v: PyValue | undefined): PyValue[] {
  if (v === undefined || v === null) return [];
  if (Array.isArray(v)) return v;
  if (typeof v === 'string') return [...v];
  if (typeof v === 'object' && 'tuple' in v) return v.tuple;
  return [];
}

/** int(x) as XendConfig applies it to memory, vcpus …: an error text on failure. */
function toInt(v: PyValue): number | string {
  if (typeof v === 'number') return Math.trunc(v);
  if (typeof v === 'boolean') return Number(v);
  if (v !== null && typeof v === 'object' && 'float' in v) return Math.trunc(v.float);
  if (typeof v === 'string' && /^\s*[+-]?\d+\s*$/.test(v)) return parseInt(v, 10);
  if (typeof v === 'string') return `invalid literal for int() with base 10: ${JSON.stringify(v).replace(/^"|"$/g, "'")}`;
  return `int() argument must be a string or a number, not '${typeName(v)}'`;
}

const str = (v: PyValue | undefined): string | undefined => (v === undefined || v === null ? undefined : pyStr(v));

function parseDisk(spec: string): VbdSpec {
  const [uname = '', dev = '', mode = ''] = spec.split(',').map((s) => s.trim());
  const m = /^(tap2?:aio:|tap:tapdisk:aio:|tap:|file:|phy:)(.*)$/.exec(uname);
  const prefix = m?.[1] ?? '';
  const kind: VbdSpec['kind'] = prefix === 'phy:' ? 'phy' : 'file';
  const path = m ? m[2]! : uname;
  const cdrom = /:cdrom$/.test(dev);
  return { kind, ...(prefix && prefix !== 'file:' && prefix !== 'phy:' ? { prefix } : {}), path, vdev: dev.replace(/:cdrom$/, '').replace(/^ioemu:/, ''), mode, cdrom };
}

/** create.py's comma_sep_kv_to_dict plus configure_vifs' key check. */
function parseVif(spec: string): VifSpec | string {
  const d = new Map<string, string>();
  const c = spec.trim();
  if (c) {
    for (const part of c.split(',')) {
      const eq = part.indexOf('=');
      if (eq < 0) return `${part} should be a pair, separated by an equals sign.`;
      d.set(part.slice(0, eq).trim(), part.slice(eq + 1).trim());
    }
  }
  for (const k of d.keys()) if (!VIF_KEYS.includes(k)) return `Invalid vif option: ${k}`;
  const vif: VifSpec = { mac: d.get('mac') ?? '', bridge: d.get('bridge') ?? '' };
  if (d.has('type')) vif.type = d.get('type')!;
  if (d.has('model')) vif.model = d.get('model')!;
  if (d.has('vifname')) vif.vifname = d.get('vifname')!;
  return vif;
}

/**
 * xm's side (create.py preprocess + make_config). `defconfig` is the file name as given, used
 * for the default domain name (its basename), as create.py does.
 */
export function configFromVars(vars: Map<string, PyValue>, defconfig: string): ConfigResult {
  const xm = (error: string): ConfigResult => ({ ok: false, error, stage: 'xm' });
  const xend = (error: string): ConfigResult => ({ ok: false, error, stage: 'xend' });

  const disks: VbdSpec[] = [];
  for (const d of items(get(vars, 'disk'))) {
    const spec = pyStr(d);
    const n = spec.split(',').length;
    if (n < 3 || n > 5) return xm(`Invalid disk specifier: ${spec}`);
    disks.push(parseDisk(spec));
  }
  const vifs: VifSpec[] = [];
  for (const v of items(get(vars, 'vif'))) {
    const r = parseVif(pyStr(v));
    if (typeof r === 'string') return xm(r);
    vifs.push(r);
  }

  const name = str(get(vars, 'name')) ?? defconfig.slice(defconfig.lastIndexOf('/') + 1);
  const builder = str(get(vars, 'builder')) ?? 'linux';

  // XendConfig: int() of the numbers, then the memory sanity checks.
  const memRaw = get(vars, 'memory') ?? 128;
  const memory = toInt(memRaw);
  if (typeof memory === 'string') return xend(memory);
  const maxRaw = get(vars, 'maxmem');
  const maxmem = maxRaw === undefined ? memory : toInt(maxRaw);
  if (typeof maxmem === 'string') return xend(maxmem);
  if (memory <= 0) return xend('memory_dynamic_max must be greater than zero');
  if (memory > maxmem) return xend('memory_dynamic_max must be less than or equal to memory_static_max');
  const vcpusRaw = get(vars, 'vcpus');
  const maxRawV = get(vars, 'maxvcpus');
  const vcpusN = vcpusRaw === undefined ? 1 : toInt(vcpusRaw);
  if (typeof vcpusN === 'string') return xend(vcpusN);
  const maxV = maxRawV === undefined ? vcpusN : toInt(maxRawV);
  if (typeof maxV === 'string') return xend(maxV);
  if (vcpusN <= 0 || maxV <= 0) return xend('Zero or less VCPUs is invalid');

  const intOpt = (key: string): number | undefined | string => {
    const v = get(vars, key);
    return v === undefined || v === null ? undefined : toInt(v);
  };
  const weight = intOpt('cpu_weight');
  if (typeof weight === 'string') return xend(weight);
  const cap = intOpt('cpu_cap');
  if (typeof cap === 'string') return xend(cap);
  const vnc = get(vars, 'vnc');

  const config: VmConfig = {
    name,
    builder,
    memoryMiB: memory,
    maxMemMiB: maxmem,
    vcpus: Math.min(vcpusN, maxV),
    maxVcpus: Math.max(vcpusN, maxV),
    disks,
    vifs,
    onPoweroff: str(get(vars, 'on_poweroff')) ?? 'destroy',
    onReboot: str(get(vars, 'on_reboot')) ?? 'restart',
    onCrash: str(get(vars, 'on_crash')) ?? 'restart',
    vnc: vnc !== undefined && vnc !== null && vnc !== 0 && vnc !== '0' && vnc !== false && vnc !== '',
    setKeys: [...vars.keys()],
  };
  const opt = <K extends keyof VmConfig>(key: K, v: VmConfig[K] | undefined) => {
    if (v !== undefined) config[key] = v;
  };
  opt('uuid', str(get(vars, 'uuid')));
  opt('cpus', str(get(vars, 'cpus')));
  opt('weight', weight);
  opt('cap', cap);
  opt('bootloader', str(get(vars, 'bootloader')));
  opt('kernel', str(get(vars, 'kernel')));
  opt('ramdisk', str(get(vars, 'ramdisk')));
  opt('serial', str(get(vars, 'serial')));
  opt('keymap', str(get(vars, 'keymap')));
  opt('boot', str(get(vars, 'boot')));
  // OVM_* keys are ignored by xm; the sandbox keeps them for the VM's identity.
  opt('simpleName', str(vars.get('OVM_simple_name') ?? undefined));
  opt('osType', str(vars.get('OVM_os_type') ?? undefined));
  opt('domainType', str(vars.get('OVM_domain_type') ?? undefined));
  return { ok: true, config };
}

/** Virtual device number of a vdev name (xen/util/blkif.py): xvda 51712, hda 768, sda 2048 … */
export function vdevNumber(vdev: string): number {
  const name = vdev.replace(/^\/dev\//, '').replace(/:.*$/, '');
  const hd = [768, 832, 5632, 5696, 13312, 13376, 14336, 14400, 22528, 22592];
  let m = /^xvd([a-z]+)(\d*)$/.exec(name);
  if (m) return 202 * 256 + 16 * letterIndex(m[1]!) + Number(m[2] || 0);
  m = /^hd([a-z])(\d*)$/.exec(name);
  if (m) return (hd[letterIndex(m[1]!)] ?? 768) + Number(m[2] || 0);
  m = /^sd([a-z]+)(\d*)$/.exec(name);
  if (m) return 8 * 256 + 16 * letterIndex(m[1]!) + Number(m[2] || 0);
  return /^\d+$/.test(name) ? Number(name) : 0;
}

function letterIndex(s: string): number {
  let n = 0;
  for (const ch of s) n = n * 26 + (ch.charCodeAt(0) - 96);
  return n - 1;
}
