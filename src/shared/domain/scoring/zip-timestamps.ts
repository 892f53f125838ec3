/**
 * Sets the modification time of every entry of a zip archive (local headers and central directory) to one fixed
 * DOS date-time. exceljs zips with JSZip, which stamps each entry with the time of writing; without this, two
 * exports of the same finalised quarter would differ in those bytes. Timestamps are outside the CRC, so the
 * archive stays valid. Throws on anything that is not a plain zip.
 */
export function fixZipTimestamps(zip: Uint8Array, at: Date): Uint8Array {
  const out = Uint8Array.from(zip);
  const view = new DataView(out.buffer, out.byteOffset, out.byteLength);
  const { time, date } = dosDateTime(at);
  // the end-of-central-directory record is in the last 22 + 65535 bytes
  let eocd = -1;
  for (let i = out.length - 22; i >= Math.max(0, out.length - 22 - 65_535); i--) {
    if (view.getUint32(i, true) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new Error('not a zip archive (no end of central directory)');
  const entries = view.getUint16(eocd + 10, true);
  let p = view.getUint32(eocd + 16, true);
  for (let n = 0; n < entries; n++) {
    if (view.getUint32(p, true) !== 0x02014b50) throw new Error('corrupt zip central directory');
    view.setUint16(p + 12, time, true);
    view.setUint16(p + 14, date, true);
    const local = view.getUint32(p + 42, true);
    if (view.getUint32(local, true) !== 0x04034b50) throw new Error('corrupt zip local header');
    view.setUint16(local + 10, time, true);
    view.setUint16(local + 12, date, true);
    p += 46 + view.getUint16(p + 28, true) + view.getUint16(p + 30, true) + view.getUint16(p + 32, true);
  }
  return out;
}

/** MS-DOS date and time fields of an instant, in UTC (zip stores local time without a zone; UTC keeps it fixed). */
function dosDateTime(at: Date): { time: number; date: number } {
  const y = Math.min(2107, Math.max(1980, at.getUTCFullYear()));
  return {
    time: (at.getUTCHours() << 11) | (at.getUTCMinutes() << 5) | Math.floor(at.getUTCSeconds() / 2),
    date: ((y - 1980) << 9) | ((at.getUTCMonth() + 1) << 5) | at.getUTCDate(),
  };
}
