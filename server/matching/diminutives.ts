/**
 * The noun a Colombian diminutive is made from, among the nouns the company's catalog uses («quesito» → «queso»,
 * «neverita» → «nevera», «jaboncito» → «jabón», «repuestico» → «repuesto»): the catalog decides, so a word that only looks like one
 * («circuito», «depósito») names nothing.
 */
export function diminutiveOf(word: string, known: (noun: string) => boolean): string | undefined {
  // «-ico» after a «t» is the Colombian diminutive of a noun ending in «-to»/«-ta» («repuestico» → «repuesto»).
  const tico = /^(.{3,}t)ic[oa]s?$/.exec(word);
  const match = /^(.{3,}?)(c?it[oa]s?)$/.exec(word);
  const stem = tico ? tico[1]! : match?.[1];
  if (!stem) return undefined;
  const tries = !tico && match![2]!.startsWith('c') ? [stem, `${stem}e`] : [`${stem}o`, `${stem}a`, stem];
  return tries.find((t) => t !== word && known(t));
}
