// Guest overrides on an OVM 2.2 scenario: a new guest is made the way the 2.2 builder makes them
// (xm name = its name, /OVS/running_pool/NAME with a 2.2 vm.cfg), and the 2.2 Manager knows it.
import { describe, expect, it } from 'vitest';
import { bundledCatalog } from '../../src/labs/loader';
import { buildScenarioWorld } from '../../src/labs/scenario';
import { withManager } from '../../src/sim/manager/install';
import { readFile } from '../../src/sim/vfs';

describe('OVM 2.2 guest overrides', () => {
  it('adds a guest in running_pool with its own name and a 2.2 vm.cfg; reshapes an existing one', () => {
    const base = bundledCatalog().scenarios['pool-22']!;
    const w = withManager(buildScenarioWorld(base, 7, { domains: [{ simple: 'el5_erp3', host: 'ovs02', memory: 3072, vcpus: 2 }, { simple: 'el5_web1', memory: 1024 }] }));
    const d = w.domains.el5_erp3!;
    expect([d.name, d.simpleName, d.host, d.memoryMiB, d.vcpus, d.cfgPath, d.disks[0]!.path]).toEqual(['el5_erp3', 'el5_erp3', 'ovs02', 3072, 2, '/OVS/running_pool/el5_erp3/vm.cfg', '/OVS/running_pool/el5_erp3/System.img']);
    const cfg = readFile(w, w.hosts.ovs02!, d.cfgPath);
    expect(cfg).toEqual({
      ok: true,
      value: [
        "bootloader = '/usr/bin/pygrub'",
        "disk = ['file:/OVS/running_pool/el5_erp3/System.img,xvda,w']",
        "memory = '3072'",
        "name = 'el5_erp3'",
        "on_crash = 'restart'",
        "on_reboot = 'restart'",
        `uuid = '${d.uuid}'`,
        'vcpus = 2',
        "vfb = ['type=vnc,vncunused=1,vnclisten=0.0.0.0,vncpasswd=oracle']",
        `vif = ['bridge=xenbr0,mac=${d.vifs[0]!.mac},type=netfront']`,
        'vif_other_config = []',
        '',
      ].join('\n'),
    });
    expect(d.uuid).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(d.vifs[0]!.mac).toMatch(/^00:16:3E(:[0-9A-F]{2}){3}$/);
    expect(readFile(w, w.hosts.ovs01!, '/OVS/running_pool/el5_web1/vm.cfg')).toMatchObject({ ok: true, value: expect.stringContaining("memory = '1024'\n") });
    expect(w.manager!.vms.map((v) => [v.name, v.status, v.server])).toEqual([
      ['el5_web1', 'Running', 'ovs01'],
      ['el5_db1', 'Running', 'ovs02'],
      ['el5_erp3', 'Running', 'ovs02'],
    ]);
  });
});
