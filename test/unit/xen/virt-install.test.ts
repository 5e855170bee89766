// virt-install on OVM 2.2 (python-virtinst 0.400.3): the parts a transcript cannot drive — the
// --prompt dialogue, the console it attaches and Ctrl-], `xm console` of an installing guest — and
// "bad input changes nothing": every refused command leaves the world as it was.
import { describe, expect, it } from 'vitest';
import { plain } from '../../support/engine';
import { xenSession } from './helpers';

const GOOD = 'virt-install -n g1 -r 512 -f /OVS/running_pool/g1/System.img -s 4 -p -l http://192.168.1.10/el5/ --nographics';

describe('virt-install', () => {
  it('exists only on OVM 2.x', async () => {
    const s = await xenSession('default', 42, 'ovs02');
    expect(s.run('virt-install --help')).toBe('-bash: virt-install: command not found\n');
    expect(s.run('echo $?')).toBe('127\n');
    expect(s.run('which virt-install; echo $?')).toMatch(/1\n$/);
  });

  it('refused commands change nothing', async () => {
    const s = await xenSession('ovm22', 42);
    s.run('mkdir -p /OVS/running_pool/g1');
    const before = JSON.stringify(s.sim.world);
    for (const cmd of [
      'virt-install',
      'virt-install --frob',
      'virt-install -n g1 -r abc',
      'virt-install -n el5_web1 -r 512 -f /OVS/running_pool/g1/a.img -s 1 -p -l http://x/',
      'virt-install -n g1 -r 64 -f /OVS/running_pool/g1/a.img -s 1 -p -l http://x/',
      'virt-install -n g1 -r 512 -f /OVS/running_pool/g1/a.img -s 1 -p -v -l http://x/',
      'virt-install -n g1 -r 512 -f /OVS/running_pool/g1/a.img -s 1 -p -c /tmp/x.iso',
      'virt-install -n g1 -r 512 -f /OVS/running_pool/nodir/a.img -s 1 -p -l http://x/',
      'virt-install -n g1 -r 512 -f /OVS/running_pool/g1/a.img -p -l http://x/',
      'virt-install -n g1 -r 512 -f /OVS/running_pool/g1/a.img -s 1 -p -l bogus',
      'virt-install -n g1 -r 512 -f /OVS/running_pool/g1/a.img -s 1 -p -l http://x/ -b br0 -w network:default',
      'virt-install -n g1 -r 512 -f /OVS/running_pool/g1/a.img -s 1 -p -l http://x/ -m 00:16:3e:zz:00:00',
      'virt-install -n g1 -r 512 -f /OVS/running_pool/g1/a.img -s 1 -p -l http://x/ --vnc --nographics',
      'virt-install -n g1 -r 512 --nodisks -f /OVS/running_pool/g1/a.img -p -l http://x/',
      'virt-install -n g1 -r 512 -f /OVS/running_pool/g1/a.img -s 1 -p -l http://x/ --vcpus 0',
      'virt-install -n "bad name" -r 512 -f /OVS/running_pool/g1/a.img -s 1 -p -l http://x/',
    ]) {
      s.run(cmd);
      expect(s.run('echo $?'), cmd).not.toBe('0\n');
      expect(JSON.stringify(s.sim.world), cmd).toBe(before);
    }
  });

  it('--prompt asks for what is missing, with the softspace blank before each later question', async () => {
    const s = await xenSession('ovm22', 42);
    s.run('mkdir -p /OVS/running_pool/g2');
    expect(plain(s.run('virt-install --prompt --nographics --noautoconsole'))).toBe(
      'Would you like a fully virtualized guest (yes or no)? This will allow you to run unmodified operating systems. ',
    );
    // The error line ends with a newline, so the question after it has no softspace blank.
    expect(plain(s.keys('maybe\r'))).toBe('maybe\n ERROR:  A yes or no response is required\nWould you like a fully virtualized guest (yes or no)? This will allow you to run unmodified operating systems. ');
    expect(plain(s.keys('no\r'))).toBe('no\n What is the name of your virtual machine? ');
    expect(plain(s.keys('g2\r'))).toBe('g2\n How much RAM should be allocated (in megabytes)? ');
    expect(plain(s.keys('512\r'))).toBe('512\n What would you like to use as the disk (file path)? ');
    expect(plain(s.keys('/OVS/running_pool/g2/System.img\r'))).toBe(
      '/OVS/running_pool/g2/System.img\n How large would you like the disk (/OVS/running_pool/g2/System.img) to be (in gigabytes)? ',
    );
    expect(plain(s.keys('6\r'))).toBe('6\n What is the install URL? ');
    const end = plain(s.keys('http://192.168.1.10/el5/\r'));
    expect(end).toContain('http://192.168.1.10/el5/\n \n\nStarting install...\nRetrieving file .treeinfo...');
    expect(end).toMatch(/\nCreating storage file\.\.\. +\| 6\.0 GB     00:00     \n/);
    expect(end).toMatch(/Domain installation still in progress\. You can reconnect to \nthe console to complete the installation process\.\n\[root@ovs01 ~\]# $/);
    expect(s.sim.world.domains.g2?.domid).not.toBeNull();
  });

  it('attaches the installer console; Ctrl-] leaves the install running', async () => {
    const s = await xenSession('ovm22', 42);
    s.run('mkdir -p /OVS/running_pool/g1');
    const out = plain(s.run(GOOD));
    expect(out).toContain('Creating domain...');
    expect(out).toContain('Connected to domain g1\nEscape character is ^]\nWelcome to Enterprise Linux Server\n');
    expect(s.busy()).toBe(true);
    expect(plain(s.keys('\x1d'))).toBe('\nDomain installation still in progress. You can reconnect to \nthe console to complete the installation process.\n[root@ovs01 ~]# ');
    expect(s.run('echo $?')).toBe('0\n');
    expect(s.sim.world.domains.g1?.xen?.installing).toBe('http://192.168.1.10/el5/');
    // xm console shows the installer again on Enter; a new `xm create` from /etc/xen boots the disk.
    expect(s.run('xm console g1')).toBe('');
    expect(plain(s.keys('\r'))).toContain('Choose a Language');
    s.keys('\x1d');
    s.run('xm destroy g1');
    expect(plain(s.run('xm create g1'))).toMatch(/^Using config file "\/etc\/xen\/g1"\.\nStarted domain g1 \(id=\d+\)\n$/);
    expect(s.sim.world.domains.g1?.xen?.installing).toBeUndefined();
  });

  it('the install console ends when the domain is destroyed', async () => {
    const s = await xenSession('ovm22', 42);
    s.run('mkdir -p /OVS/running_pool/g1');
    s.run(GOOD);
    s.sim.world.domains.g1!.domid = null;
    s.sim.world.domains.g1!.host = null;
    expect(plain(s.tick(1))).toContain("Domain installation does not appear to have been\n successful.  If it was, you can restart your domain\n by running 'virsh start g1'");
  });

  it('an HVM install boots the ISO; the host must have VT', async () => {
    const s = await xenSession('ovm22', 42);
    s.run('mkdir -p /OVS/running_pool/w1 && touch /root/w2k3.iso');
    const host = s.sim.world.hosts[Object.keys(s.sim.world.hosts)[0]!]!;
    const flag = host.cpu.virtFlag;
    host.cpu.virtFlag = '';
    expect(s.run('virt-install -n w1 -r 1024 -v -f /OVS/running_pool/w1/hda.img -s 10 -c /root/w2k3.iso --vnc')).toBe(
      "ERROR    Host does not support virtualization type 'hvm' for arch 'x86_64'\n",
    );
    host.cpu.virtFlag = flag;
    const out = s.run('virt-install -n w1 -r 1024 -v -f /OVS/running_pool/w1/hda.img -s 10 -c /root/w2k3.iso --vnc');
    expect(out).toContain("Unable to connect to graphical console: virt-viewer not installed. Please install the 'virt-viewer' package.\n");
    const d = s.sim.world.domains.w1!;
    expect(d.hvm).toBe(true);
    expect(d.disks.map((x) => `${x.vdev}${x.cdrom ? ':cdrom' : ''}`)).toEqual(['hda', 'hdc:cdrom']);
  });
});
