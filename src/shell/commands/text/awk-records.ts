// awk input records: text split into records by RS and records into fields by FS, and the
// main rules (patterns and ranges) run over each record.
import { safeRegExp } from './linear-regex';
import { NextSig } from './awk-signals';
import { toNum, toStr, truthy } from './awk-values';
import type { Rule } from './awk-ast';
import type { Interp } from './awk-interp';

/** Splits a record by FS: " " on runs of blanks, one character literally, else a regex. */
export function splitFields(text: string, fs: string, regex: (src: string) => RegExp, isRegex = false): string[] {
  if (fs === ' ' && !isRegex) return text.split(/[ \t\n]+/).filter(Boolean);
  if (text === '') return [];
  if (fs.length === 1 && !isRegex && fs !== '\\') return text.split(fs);
  const re = regex(fs);
  return text.split(safeRegExp(re.source, 'g'));
}

export function processText(it: Interp, rules: Rule[], text: string): void {
  const rs = toStr(it.vars.get('RS'));
  let records: string[];
  if (rs === '\n') {
    records = text.split('\n');
    if (text.endsWith('\n')) records.pop();
    if (text === '') records = [];
  } else if (rs === '') records = text.split(/\n\n+/).map((r) => r.replace(/^\n+|\n+$/g, '')).filter(Boolean);
  else {
    records = text.split(rs[0]!);
    if (records[records.length - 1] === '' || records[records.length - 1] === '\n') records.pop();
  }
  for (const rec of records) {
    it.step();
    it.vars.set('NR', toNum(it.vars.get('NR')) + 1);
    it.vars.set('FNR', toNum(it.vars.get('FNR')) + 1);
    it.setRecord(rec);
    try {
      for (const r of rules) {
        if (r.kind !== 'main') continue;
        if (!matchesRule(it, r)) continue;
        if (r.action) for (const s of r.action) it.exec(s);
        else it.out.out(it.record + toStr(it.vars.get('ORS')));
      }
    } catch (e) {
      if (!(e instanceof NextSig)) throw e;
    }
  }
}

function matchesRule(it: Interp, r: Rule): boolean {
  if (!r.pattern) return true;
  if (!r.pattern2) return truthy(it.evaluate(r.pattern));
  if (it.rangeActive.get(r)) {
    if (truthy(it.evaluate(r.pattern2))) it.rangeActive.set(r, false);
    return true;
  }
  if (!truthy(it.evaluate(r.pattern))) return false;
  if (!truthy(it.evaluate(r.pattern2))) it.rangeActive.set(r, true);
  return true;
}
