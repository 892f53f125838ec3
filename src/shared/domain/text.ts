/**
 * Folds Vietnamese text for search: lower case, diacritics removed, đ → d, runs of white space collapsed,
 * so "Rác thải" and "rac thai" match.
 */
export function foldText(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}
