// vm.cfg is executed as Python by xm create: the subset config files use, and Python's errors.
import { describe, expect, it } from 'vitest';
import { execPyConfig, pyRepr } from '../../../src/sim/xen/pycfg';
import { configFromVars, vdevNumber } from '../../../src/sim/xen/vm-config';

function vars(src: string) {
  const r = execPyConfig(src);
  if (!r.ok) throw new Error(JSON.stringify(r));
  return Object.fromEntries([...r.vars].map(([k, v]) => [k, pyRepr(v)]));
}

describe('execPyConfig', () => {
  it('reads the values an OVM vm.cfg has, comments, continuation lines and names', () => {
    const src = [
      "vif = ['mac=00:21:f6:2a:00:68,bridge=172.24.19.0',",
      "       'mac=00:21:f6:2a:01:68,bridge=100bc68c90']  # two NICs",
      'OVM_high_availability = False',
      "memory = '1024'",
      'vcpus = 2; maxvcpus = vcpus * 2',
      'x = y = 0x10',
      "name = 'a' 'b' + \"c\"",
      'f = 1.5',
      "d = {'k': (1,), 'n': None}",
      "s = '''multi",
      "line'''",
      "t = r'\\d' + '\\t'",
    ].join('\n');
    expect(vars(src)).toEqual({
      vif: "['mac=00:21:f6:2a:00:68,bridge=172.24.19.0', 'mac=00:21:f6:2a:01:68,bridge=100bc68c90']",
      OVM_high_availability: 'False',
      memory: "'1024'",
      vcpus: '2',
      maxvcpus: '4',
      x: '16',
      y: '16',
      name: "'abc'",
      f: '1.5',
      d: "{'k': (1,), 'n': None}",
      s: "'multi\\nline'",
      t: "'\\\\d\\t'",
    });
  });

  it('reports Python errors: SyntaxError with the line and its text, NameError, TypeError', () => {
    expect(execPyConfig('memory = 512\nmemory = = 4\nvcpus = 1\n')).toEqual({ ok: false, kind: 'SyntaxError', line: 2, text: 'memory = = 4\n', message: 'invalid syntax' });
    expect(execPyConfig("disk = ['file:/x,xvda,w'")).toEqual({ ok: false, kind: 'SyntaxError', line: 1, text: "disk = ['file:/x,xvda,w'", message: 'unexpected EOF while parsing' });
    expect(execPyConfig("name = 'unterminated\n")).toEqual({ ok: false, kind: 'SyntaxError', line: 1, text: "name = 'unterminated\n", message: 'EOL while scanning string literal' });
    expect(execPyConfig('memory = mem')).toEqual({ ok: false, kind: 'NameError', message: "name 'mem' is not defined" });
    expect(execPyConfig("memory = '1' + 1")).toEqual({ ok: false, kind: 'TypeError', message: "cannot concatenate 'str' and 'int' objects" });
    expect(execPyConfig('if memory:\n  vcpus = 2')).toEqual({ ok: false, kind: 'SyntaxError', line: 1, text: 'if memory:\n', message: 'invalid syntax' });
    expect(execPyConfig('import os\nfrom os import path\nmemory = 1').ok).toBe(true);
  });
});

describe('configFromVars', () => {
  const load = (src: string) => {
    const r = execPyConfig(src);
    if (!r.ok) throw new Error('bad');
    return configFromVars(r.vars, '/root/vm.cfg');
  };

  it('builds the domain configuration with xend defaults', () => {
    const r = load("memory = '2048'\nvcpus = 2\nmaxvcpus = 4\nbuilder = 'hvm'\ndisk = ['file:/r/a.img,hda,w', 'phy:/dev/mapper/x,hdc:cdrom,r']\nvif = ['type=ioemu, bridge=xenbr0']");
    expect(r).toEqual({
      ok: true,
      config: {
        name: 'vm.cfg',
        builder: 'hvm',
        memoryMiB: 2048,
        maxMemMiB: 2048,
        vcpus: 2,
        maxVcpus: 4,
        disks: [
          { kind: 'file', path: '/r/a.img', vdev: 'hda', mode: 'w', cdrom: false },
          { kind: 'phy', path: '/dev/mapper/x', vdev: 'hdc', mode: 'r', cdrom: true },
        ],
        vifs: [{ mac: '', bridge: 'xenbr0', type: 'ioemu' }],
        onPoweroff: 'destroy',
        onReboot: 'restart',
        onCrash: 'restart',
        vnc: false,
        setKeys: ['memory', 'vcpus', 'maxvcpus', 'builder', 'disk', 'vif'],
      },
    });
  });

  it('refuses what xm and XendConfig refuse, with their texts', () => {
    expect(load("disk = ['file:/a.img,xvda']")).toEqual({ ok: false, error: 'Invalid disk specifier: file:/a.img,xvda', stage: 'xm' });
    expect(load("vif = ['mac=1,speed=5']")).toEqual({ ok: false, error: 'Invalid vif option: speed', stage: 'xm' });
    expect(load("vif = ['bridge']")).toEqual({ ok: false, error: 'bridge should be a pair, separated by an equals sign.', stage: 'xm' });
    expect(load('memory = 1024\nmaxmem = 512')).toEqual({ ok: false, error: 'memory_dynamic_max must be less than or equal to memory_static_max', stage: 'xend' });
    expect(load("memory = 'abc'")).toEqual({ ok: false, error: "invalid literal for int() with base 10: 'abc'", stage: 'xend' });
  });

  it('numbers virtual devices as xen/util/blkif.py does', () => {
    expect(['xvda', 'xvdb', 'xvdp', 'hda', 'hdb', 'hdc', 'hdd', 'sda', 'sdb', 'xvda1'].map(vdevNumber)).toEqual([51712, 51728, 51952, 768, 832, 5632, 5696, 2048, 2064, 51713]);
  });
});
