// Interactive `fdisk DEV` (util-linux-ng 2.17.2 on OL6, util-linux 2.13 on OL5): a DOS label
// edited in memory with m p n d t a o l v u c q w, fdisk's exact prompts and messages, and on
// `w` the label written to the LUN and BLKRRPART's verdict (error 22 on a dm device, 16 on a
// disk whose partitions are in use), exiting 1 when the re-read failed.
import { nextHex } from '../lib/rng';
import { diskHeader, partitionTable, type FdiskVersion } from '../sim/render/fdisk';
import { strerror } from '../sim/errno';
import { readLabel, rereadPartitionTable, writeLabel } from '../sim/storage/san/disk-access';
import { resolveBlockDevice, type BlockDevice } from '../sim/storage/san/block-devices';
import { CYL, cylinderExtent, firstFreeCylinder, geometry, isExtended, lastFreeCylinder, parseLast, PART_TYPES, SECTORS, sectorUsed, typeName } from '../sim/storage/san/partition-table';
import type { DiskLabel } from '../sim/storage/types';
import type { Program, ProgramFactory, ProgramHost } from './program';
import { LineInput } from './line-input';

const MENU = `Command action
   a   toggle a bootable flag
   b   edit bsd disklabel
   c   toggle the dos compatibility flag
   d   delete a partition
   l   list known partition types
   m   print this menu
   n   add a new partition
   o   create a new empty DOS partition table
   p   print the partition table
   q   quit without saving changes
   s   create a new empty Sun disklabel
   t   change a partition's system id
   u   change display/entry units
   v   verify the partition table
   w   write table to disk and exit
   x   extra functionality (experts only)
`;

const EXPERT_MENU = `Command action
   b   move beginning of data in a partition
   c   change number of cylinders
   d   print the raw data in the partition table
   e   list extended partitions
   f   fix partition order
   g   create an IRIX (SGI) partition table
   h   change number of heads
   i   change the disk identifier
   m   print this menu
   p   print the partition table
   q   quit without saving changes
   r   return to main menu
   s   change number of sectors/track
   v   verify the partition table
   w   write table to disk and exit
`;

const DOS_WARNING = `
WARNING: DOS-compatible mode is deprecated. It's strongly recommended to
         switch off the mode (command 'c') and change display units to
         sectors (command 'u').
`;

/** `l`: the type list in four columns, column by column, as fdisk prints it. */
export function typeList(): string {
  const rows = Math.ceil(PART_TYPES.length / 4);
  let out = '\n';
  for (let r = 0; r < rows; r++) {
    const cells: string[] = [];
    for (let c = 0; c < 4; c++) {
      const e = PART_TYPES[c * rows + r];
      if (e) cells.push(`${e[0].toString(16).padStart(2)}  ${e[1].slice(0, 15).padEnd(15)}`);
    }
    out += ' ' + cells.join(' ').trimEnd() + '\n';
  }
  return out;
}

type Ask =
  | { kind: 'cmd' }
  | { kind: 'expert' }
  | { kind: 'n-type' }
  | { kind: 'n-num'; extended: boolean }
  | { kind: 'n-first'; num: number; extended: boolean; low: number; high: number }
  | { kind: 'n-last'; num: number; extended: boolean; first: number; high: number }
  | { kind: 'part'; then: 'd' | 't' | 'a' }
  | { kind: 't-hex'; num: number };

export interface FdiskOptions {
  path: string;
  version: FdiskVersion;
  dosCompat: boolean;
  sectorUnits: boolean;
}

export function fdiskProgram(opts: FdiskOptions): ProgramFactory {
  return (host: ProgramHost): Program => new Fdisk(host, opts).program();
}

class Fdisk {
  #host: ProgramHost;
  #o: FdiskOptions;
  #io: LineInput;
  #dev: BlockDevice;
  #label: DiskLabel;
  #ask: Ask = { kind: 'cmd' };
  #dos: boolean;
  #sectors: boolean;

  constructor(host: ProgramHost, o: FdiskOptions) {
    this.#host = host;
    this.#o = o;
    this.#dos = o.dosCompat;
    this.#sectors = o.sectorUnits;
    this.#dev = resolveBlockDevice(host.sim.world, host.hostName, o.path)!;
    this.#io = new LineInput(host, { line: (t) => this.#line(t), eof: () => this.#end(0), interrupt: () => this.#end(130) });
    const label = readLabel(host.sim.world, host.hostName, this.#dev);
    if (label?.kind === 'dos') this.#label = { ...label, parts: label.parts.map((p) => ({ ...p })) };
    else {
      this.#label = { kind: 'dos', diskId: this.#newId(), parts: [] };
      this.#io.write('Device contains neither a valid DOS partition table, nor Sun, SGI or OSF disklabel\n' + this.#building());
    }
    if (o.version === '2.13' && this.#cylinders() > 1024) this.#io.write(this.#cylWarning());
    if (o.version === '2.17' && !label) this.#io.write('Warning: invalid flag 0x0000 of partition table 4 will be corrected by w(rite)\n');
    if (o.version === '2.13' && !label) this.#io.write('Warning: invalid flag 0x0000 of partition table 4 will be corrected by w(rite)\n');
    if (o.version === '2.17' && this.#dos) this.#io.write(DOS_WARNING);
    this.#io.write('\n');
    this.#io.prompt('Command (m for help): ');
  }

  program(): Program {
    return { onInput: (d) => this.#io.input(d) };
  }

  #newId(): number {
    return parseInt(nextHex(this.#host.sim.world.rng, 8), 16) >>> 0;
  }

  #building(): string {
    if (this.#o.version === '2.13') return "Building a new DOS disklabel. Changes will remain in memory only,\nuntil you decide to write them. After that, of course, the previous\ncontent won't be recoverable.\n\n";
    return `Building a new DOS disklabel with disk identifier 0x${this.#label.diskId.toString(16).padStart(8, '0')}.\nChanges will remain in memory only, until you decide to write them.\nAfter that, of course, the previous content won't be recoverable.\n\n`;
  }

  #cylWarning(): string {
    return `\nThe number of cylinders for this disk is set to ${this.#cylinders()}.\nThere is nothing wrong with that, but this is larger than 1024,\nand could in certain setups cause problems with:\n1) software that runs at boot time (e.g., old versions of LILO)\n2) booting and partitioning software from other OSs\n   (e.g., DOS FDISK, OS/2 FDISK)\n`;
  }

  #cylinders(): number {
    return geometry(this.#dev.sizeBytes).cylinders;
  }

  #end(code: number): void {
    this.#io.active = false;
    this.#host.exit(code);
  }

  #menu(): void {
    this.#ask = { kind: 'cmd' };
    this.#io.write('\n');
    this.#io.prompt('Command (m for help): ');
  }

  #line(text: string): void {
    const t = text.trim();
    const a = this.#ask;
    switch (a.kind) {
      case 'cmd':
        return this.#command(t);
      case 'expert':
        return this.#expert(t);
      case 'n-type':
        return this.#nType(t);
      case 'n-num':
        return this.#nNum(t, a.extended);
      case 'n-first':
        return this.#nFirst(t, a);
      case 'n-last':
        return this.#nLast(t, a);
      case 'part':
        return this.#partChosen(t, a.then);
      case 't-hex':
        return this.#tHex(t, a.num);
    }
  }

  #command(t: string): void {
    if (!t) return this.#io.prompt('Command (m for help): ');
    const c = t[0]!.toLowerCase();
    switch (c) {
      case 'm':
        this.#io.write(MENU);
        return this.#menu();
      case 'p':
        this.#io.write(this.#listing());
        return this.#menu();
      case 'n':
        return this.#startNew();
      case 'd':
      case 't':
      case 'a':
        return this.#choosePartition(c);
      case 'o':
        this.#label = { kind: 'dos', diskId: this.#newId(), parts: [] };
        this.#io.write(this.#building() + 'Warning: invalid flag 0x0000 of partition table 4 will be corrected by w(rite)\n');
        return this.#menu();
      case 'l':
        this.#io.write(typeList());
        return this.#menu();
      case 'v':
        this.#io.write(this.#verify());
        return this.#menu();
      case 'u':
        this.#sectors = !this.#sectors;
        this.#io.write(`Changing display/entry units to ${this.#sectors ? 'sectors' : 'cylinders'}\n`);
        return this.#menu();
      case 'c':
        this.#dos = !this.#dos;
        this.#io.write(`DOS Compatibility flag is ${this.#dos ? '' : 'not '}set\n`);
        return this.#menu();
      case 'x':
        this.#ask = { kind: 'expert' };
        this.#io.write('\n');
        return this.#io.prompt('Expert command (m for help): ');
      case 'q':
        return this.#end(0);
      case 'w':
        return this.#write();
      default:
        this.#io.write(MENU);
        return this.#menu();
    }
  }

  #expert(t: string): void {
    if (!t) return this.#io.prompt('Expert command (m for help): ');
    const c = t[0]!.toLowerCase();
    if (c === 'r') return this.#menu();
    if (c === 'q') return this.#end(0);
    if (c === 'w') return this.#write();
    if (c === 'p' || c === 'v') this.#io.write(c === 'p' ? this.#listing() : this.#verify());
    else this.#io.write(EXPERT_MENU);
    this.#io.write('\n');
    this.#io.prompt('Expert command (m for help): ');
  }

  #listing(): string {
    return diskHeader({ device: this.#o.path, sizeBytes: this.#dev.sizeBytes, label: this.#label, version: this.#o.version, sectorUnits: this.#sectors }) + partitionTable({ device: this.#o.path, sizeBytes: this.#dev.sizeBytes, label: this.#label, version: this.#o.version, sectorUnits: this.#sectors });
  }

  #verify(): string {
    const geo = geometry(this.#dev.sizeBytes);
    const used = this.#label.parts.filter((p) => !isExtended(p.type)).reduce((s, p) => s + p.sectors, 0);
    const remaining = geo.cylinders * CYL - used - (this.#label.parts.length ? SECTORS : 1);
    return `Remaining ${remaining} unallocated 512-byte sectors\n`;
  }

  #primaries() {
    return this.#label.parts.filter((p) => p.num <= 4);
  }

  #startNew(): void {
    if (this.#primaries().length >= 4) {
      this.#io.write('You must delete some partition and add an extended partition first\n');
      return this.#menu();
    }
    this.#ask = { kind: 'n-type' };
    this.#askType();
  }

  /** read_char() prints its whole message again for every empty answer. */
  #askType(): void {
    this.#io.write('Command action\n   e   extended\n   p   primary partition (1-4)\n');
    this.#io.prompt('');
  }

  #nType(t: string): void {
    const c = t[0]?.toLowerCase();
    if (c === 'p' || c === 'e') {
      this.#ask = { kind: 'n-num', extended: c === 'e' };
      return this.#io.prompt('Partition number (1-4): ');
    }
    if (c) this.#io.write(`Invalid partition number for type \`${t[0]}'\n`);
    this.#askType();
  }

  #nNum(t: string, extended: boolean): void {
    if (!t) return this.#io.prompt('Partition number (1-4): ');
    const n = /^\d+$/.test(t) ? Number(t) : 0;
    if (n < 1 || n > 4) {
      this.#io.write('Value out of range.\n');
      return this.#io.prompt('Partition number (1-4): ');
    }
    if (this.#label.parts.some((p) => p.num === n)) {
      this.#io.write(`Partition ${n} is already defined.  Delete it before re-adding it.\n`);
      return this.#menu();
    }
    const geo = geometry(this.#dev.sizeBytes);
    if (this.#sectors) {
      const low = this.#dos ? SECTORS : 2048;
      let first = low;
      while (first < geo.totalSectors && sectorUsed(this.#label, first)) first++;
      if (first >= geo.totalSectors) return this.#noFree();
      this.#ask = { kind: 'n-first', num: n, extended, low: first, high: geo.totalSectors - 1 };
      return this.#io.prompt(`First sector (${first}-${geo.totalSectors - 1}, default ${first}): `);
    }
    const first = firstFreeCylinder(this.#label, geo);
    if (first === null) return this.#noFree();
    this.#ask = { kind: 'n-first', num: n, extended, low: first, high: geo.cylinders };
    this.#io.prompt(`First cylinder (${first}-${geo.cylinders}, default ${first}): `);
  }

  #noFree(): void {
    this.#io.write('No free sectors available\n');
    this.#menu();
  }

  #nFirst(t: string, a: Extract<Ask, { kind: 'n-first' }>): void {
    const unit = this.#sectors ? 'sector' : 'cylinder';
    let first = a.low;
    if (!t) this.#io.write(`Using default value ${a.low}\n`);
    else {
      first = /^\d+$/.test(t) ? Number(t) : -1;
      if (first < a.low || first > a.high) {
        this.#io.write('Value out of range.\n');
        return this.#io.prompt(`First ${unit} (${a.low}-${a.high}, default ${a.low}): `);
      }
      const startSector = this.#sectors ? first : first === 1 ? SECTORS : (first - 1) * CYL;
      if (sectorUsed(this.#label, startSector)) {
        this.#io.write(`Sector ${startSector} is already allocated\n`);
        return this.#io.prompt(`First ${unit} (${a.low}-${a.high}, default ${a.low}): `);
      }
    }
    const geo = geometry(this.#dev.sizeBytes);
    let high: number;
    if (this.#sectors) {
      high = first;
      while (high + 1 < geo.totalSectors && !sectorUsed(this.#label, high + 1)) high++;
    } else high = lastFreeCylinder(this.#label, geo, first);
    this.#ask = { kind: 'n-last', num: a.num, extended: a.extended, first, high };
    this.#io.prompt(this.#lastPrompt(first, high));
  }

  #lastPrompt(first: number, high: number): string {
    if (this.#o.version === '2.13') return `Last ${this.#sectors ? 'sector' : 'cylinder'} or +size or +sizeM or +sizeK (${first}-${high}, default ${high}): `;
    return this.#sectors ? `Last sector, +sectors or +size{K,M,G} (${first}-${high}, default ${high}): ` : `Last cylinder, +cylinders or +size{K,M,G} (${first}-${high}, default ${high}): `;
  }

  #nLast(t: string, a: Extract<Ask, { kind: 'n-last' }>): void {
    let last = a.high;
    if (!t) this.#io.write(`Using default value ${a.high}\n`);
    else {
      const v = parseLast(t, a.first, this.#sectors ? 1 : CYL);
      if (v === null || v < a.first || v > a.high) {
        this.#io.write('Value out of range.\n');
        return this.#io.prompt(this.#lastPrompt(a.first, a.high));
      }
      last = v;
    }
    const ext = this.#sectors ? { startSector: a.first, sectors: last - a.first + 1 } : cylinderExtent(a.first, last);
    this.#label.parts.push({ num: a.num, boot: false, type: a.extended ? 0x05 : 0x83, ...ext });
    this.#menu();
  }

  #choosePartition(then: 'd' | 't' | 'a'): void {
    const parts = this.#label.parts;
    if (!parts.length) {
      this.#io.write('No partition is defined yet!\n');
      return this.#menu();
    }
    if (parts.length === 1 && then !== 'a') {
      this.#io.write(`Selected partition ${parts[0]!.num}\n`);
      return this.#partChosen(String(parts[0]!.num), then);
    }
    this.#ask = { kind: 'part', then };
    this.#io.prompt('Partition number (1-4): ');
  }

  #partChosen(t: string, then: 'd' | 't' | 'a'): void {
    if (!t) return this.#io.prompt('Partition number (1-4): ');
    const n = /^\d+$/.test(t) ? Number(t) : 0;
    if (n < 1 || n > 4) {
      this.#io.write('Value out of range.\n');
      return this.#io.prompt('Partition number (1-4): ');
    }
    const p = this.#label.parts.find((x) => x.num === n);
    if (then === 'd') {
      if (!p) this.#io.write(`Warning: partition ${n} has empty type\n`);
      this.#label.parts = this.#label.parts.filter((x) => x.num !== n && !(p && isExtended(p.type) && x.num > 4));
      return this.#menu();
    }
    if (then === 'a') {
      if (!p) this.#io.write(`Warning: partition ${n} has empty type\n`);
      else p.boot = !p.boot;
      return this.#menu();
    }
    if (!p) {
      this.#io.write(`Partition ${n} does not exist yet!\n`);
      return this.#menu();
    }
    this.#ask = { kind: 't-hex', num: n };
    this.#io.prompt('Hex code (type L to list codes): ');
  }

  #tHex(t: string, num: number): void {
    if (t.toLowerCase() === 'l') {
      this.#io.write(typeList());
      return this.#io.prompt('Hex code (type L to list codes): ');
    }
    if (!/^[0-9a-fA-F]{1,2}$/.test(t)) return this.#io.prompt('Hex code (type L to list codes): ');
    const id = parseInt(t, 16);
    const p = this.#label.parts.find((x) => x.num === num)!;
    if (isExtended(id) !== isExtended(p.type)) {
      this.#io.write('You cannot change a partition into an extended one or vice versa\nDelete it first.\n');
      return this.#menu();
    }
    p.type = id;
    this.#io.write(`Changed system type of partition ${num} to ${id.toString(16)} (${typeName(id) === 'Unknown' ? 'Unknown' : PART_TYPES.find(([x]) => x === id)?.[1] ?? typeName(id)})\n`);
    this.#menu();
  }

  #write(): void {
    const world = this.#host.sim.world;
    const host = this.#host.hostName;
    writeLabel(world, host, this.#dev, this.#label);
    let out = 'The partition table has been altered!\n\nCalling ioctl() to re-read partition table.\n';
    const err = rereadPartitionTable(world, host, this.#dev);
    if (err) {
      if (this.#o.version === '2.13') out += `\nWARNING: Re-reading the partition table failed with error ${err}: ${strerror(err)}.\nThe kernel still uses the old table.\nThe new table will be used at the next reboot.\n`;
      else out += `\nWARNING: Re-reading the partition table failed with error ${err}: ${strerror(err)}.\nThe kernel still uses the old table. The new table will be used at\nthe next reboot or after you run partprobe(8) or kpartx(8)\n`;
    }
    out += 'Syncing disks.\n';
    this.#io.write(out);
    this.#end(err ? 1 : 0);
  }
}
