/**
 * Folding text for comparison («Energía» → «energia»): the one definition the server uses, so a reader can see that
 * two comparisons fold alike. Every mark is removed after canonical decomposition, so «ñ» becomes «n» too; letters
 * without a decomposition («Ø», «ß», «Đ») stay as they are. Folding for display, or keeping «ñ», is a different
 * operation: write it where it is needed, with the reason it differs.
 */

/**
 * Without accents or other combining marks (`\p{M}` after NFD), case kept: «Ñandú Ø» → «Nandu Ø». For an upper-case
 * key write `stripMarks(text).toUpperCase()`: `fold(text).toUpperCase()` differs on a few letters («ϴ» → «Θ»).
 */
export function stripMarks(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '');
}

/** Lower case without accents or other marks, nothing else changed («Baño Eléctrico» → «bano electrico»). */
export function fold(text: string): string {
  return stripMarks(text).toLowerCase();
}

/** {@link fold}, each run of white space made one space, the ends trimmed: « Baño\tEléctrico » → «bano electrico». */
export function foldKey(text: string): string {
  return fold(text).replace(/\s+/g, ' ').trim();
}
