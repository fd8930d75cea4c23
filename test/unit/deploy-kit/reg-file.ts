/** A value of a .reg file as regedit would store it. */
export type RegValue = { type: 'REG_SZ'; value: string } | { type: 'REG_DWORD'; value: number };

/**
 * A strict reader of the .reg files the deployment kit writes, for its tests: UTF-16LE with a BOM,
 * CRLF line ends, the "Version 5.00" header, `[key]` sections, `"name"="string"` (only \\ and \"
 * escaped) and `"name"=dword:8 hex digits`, `;` comments. Anything else throws with its line
 * number: what regedit would reject or misread must fail the test, not be skipped.
 */
export function parseRegFile(bytes: Buffer): Map<string, Map<string, RegValue>> {
  if (bytes[0] !== 0xff || bytes[1] !== 0xfe) throw new Error('no UTF-16LE byte-order mark');
  const text = bytes.subarray(2).toString('utf16le');
  if (/\r(?!\n)|(?<!\r)\n/.test(text)) throw new Error('a line does not end in CRLF');
  const lines = text.split('\r\n');
  if (lines[0] !== 'Windows Registry Editor Version 5.00') throw new Error(`line 1: not the regedit header: ${lines[0]}`);
  if (lines.at(-1) !== '') throw new Error('the last line has no CRLF');
  const keys = new Map<string, Map<string, RegValue>>();
  let current: Map<string, RegValue> | null = null;
  lines.slice(1, -1).forEach((line, index) => {
    const where = `line ${index + 2}`;
    if (line === '' || line.startsWith(';')) return;
    const section = /^\[(HKEY_LOCAL_MACHINE(?:\\[^\\\]\r\n]+)+)\]$/.exec(line);
    if (section) {
      if (keys.has(section[1]!)) throw new Error(`${where}: key ${section[1]} twice`);
      keys.set(section[1]!, (current = new Map()));
      return;
    }
    const entry = /^"((?:[^"\\]|\\["\\])*)"=(?:"((?:[^"\\]|\\["\\])*)"|dword:([0-9a-f]{8}))$/.exec(line);
    if (!entry) throw new Error(`${where}: not a section, a value or a comment: ${line}`);
    if (!current) throw new Error(`${where}: a value before any [key]`);
    const name = unescape(entry[1]!);
    if (current.has(name)) throw new Error(`${where}: value ${name} twice`);
    current.set(name, entry[3] !== undefined ? { type: 'REG_DWORD', value: Number.parseInt(entry[3], 16) } : { type: 'REG_SZ', value: unescape(entry[2]!) });
  });
  return keys;
}

const unescape = (quoted: string) => quoted.replace(/\\(["\\])/g, '$1');
