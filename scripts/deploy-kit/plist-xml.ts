/** The few property-list types a configuration profile needs. */
export type PlistValue = string | number | boolean | PlistValue[] | { [key: string]: PlistValue };

/** An XML property list (Apple's DTD), as configuration profiles are written. Integers only: no reals here. */
export function plistXml(root: PlistValue): string {
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN" "http://www.apple.com/DTDs/PropertyList-1.0.dtd">',
    '<plist version="1.0">',
    ...element(root, ''),
    '</plist>',
    '',
  ].join('\n');
}

function element(value: PlistValue, indent: string): string[] {
  if (typeof value === 'string') return [`${indent}<string>${escapeXml(value)}</string>`];
  if (typeof value === 'boolean') return [`${indent}<${value}/>`];
  if (typeof value === 'number') {
    if (!Number.isInteger(value)) throw new Error(`plist: ${value} is not an integer`);
    return [`${indent}<integer>${value}</integer>`];
  }
  if (Array.isArray(value)) return [`${indent}<array>`, ...value.flatMap((v) => element(v, `${indent}\t`)), `${indent}</array>`];
  return [
    `${indent}<dict>`,
    ...Object.entries(value).flatMap(([k, v]) => [`${indent}\t<key>${escapeXml(k)}</key>`, ...element(v, `${indent}\t`)]),
    `${indent}</dict>`,
  ];
}

export function escapeXml(text: string): string {
  return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;').replaceAll("'", '&apos;');
}
