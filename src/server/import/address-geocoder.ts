import type { District, Ward } from '../../shared/contract/meta';
import { foldText } from '../../shared/domain/text';

const KIND_WORDS: Record<string, string[]> = {
  phuong: ['phuong', 'p.', 'p'],
  xa: ['xa', 'x.'],
  'thi tran': ['thi tran', 'tt.', 'tt'],
};

interface Entry {
  ward: Ward;
  core: string;
  strong: RegExp[];
  weak: RegExp;
}

const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
// word boundaries on folded (ASCII) text
const word = (s: string) => new RegExp(`(^|[^a-z0-9])${s}($|[^a-z0-9])`);

function coreOf(name: string, kind: string): string {
  const n = foldText(name);
  const k = foldText(kind);
  return n.startsWith(`${k} `) ? n.slice(k.length + 1) : n;
}

/**
 * Places an address with no coordinates at the point of the ward it names ("…, phường Phú Hội, TP Huế" →
 * Phú Hội's point), the best a centre without a geocoding service can do. A ward named with its kind
 * ("phường", "xã", "thị trấn", "P.", "X.", "TT.") beats a bare name; when several wards still match, a
 * district named in the address decides; still ambiguous or nothing found → null (the record is skipped).
 */
export function createAddressGeocoder(wards: readonly Ward[], districts: readonly District[]) {
  const entries: Entry[] = wards.map((w) => {
    const core = coreOf(w.name, w.kind);
    const kinds = KIND_WORDS[foldText(w.kind)] ?? [foldText(w.kind)];
    return { ward: w, core, strong: kinds.map((k) => word(`${esc(k)}\\s*${esc(core)}`)), weak: word(esc(core)) };
  });
  const districtPatterns = districts.map((d) => ({ code: d.code, re: word(esc(coreOf(d.name, d.kind))) }));

  return (address: string): { lat: number; lng: number; wardCode: string } | null => {
    const a = foldText(address);
    let found = entries.filter((e) => e.strong.some((re) => re.test(a)));
    if (found.length === 0) found = entries.filter((e) => e.weak.test(a));
    if (found.length > 1) {
      const named = new Set(districtPatterns.filter((d) => d.re.test(a)).map((d) => d.code));
      const inNamed = found.filter((e) => named.has(e.ward.districtCode));
      if (inNamed.length > 0) found = inNamed;
      // "Phú Thượng" inside "Phú Thượng Đông"-like overlaps: keep the longest names
      const longest = Math.max(...found.map((e) => e.core.length));
      found = found.filter((e) => e.core.length === longest);
    }
    const only = found.length === 1 ? found[0] : undefined;
    return only ? { lat: only.ward.lat, lng: only.ward.lng, wardCode: only.ward.code } : null;
  };
}
