/**
 * A device named by its specifications is the device, not the service its word names (issue #13, round 26).
 *
 * «Celular» names both the handset (DLE «celular» 3: teléfono celular) and, on a carrier's invoice, the mobile
 * telephone service (a plan, a line, a recharge). What tells them apart is how the line describes it: a device carries
 * a device's specifications — storage or memory (GB/TB, RAM), a screen size in inches, a resolution, «liberado» (sold
 * unlocked from any carrier), an IMEI or a serial number — while the service carries a plan, a line, a recharge, a
 * monthly charge or a billing period (DLE «plan» 5: «modelo sistemático de una actuación», a carrier's offer of minutes
 * and data). UNSPSC keeps them apart too: 4321/4322/4323 are the computing and communications equipment, 8311 the
 * telecommunications services. Nothing here names a product or a line of the sets: only how invoices describe either.
 */
export interface DeviceSpecs {
  /** In Spanish, for the explanation («256 GB», «pantalla de 6.6 pulgadas»). */
  why: string;
}

/** Words a device's description carries and a service's does not. */
const DEVICE_WORDS: Record<string, string> = {
  ram: 'memoria RAM',
  liberado: 'equipo liberado',
  imei: 'IMEI',
  serial: 'número de serie',
  reacondicionado: 'equipo reacondicionado',
};

/**
 * Words that say the line is the service, not the device: the carrier's plan, a line, a recharge, a fixed or basic
 * monthly charge, consumption, postpaid or prepaid, minutes or data (DLE «plan», «recarga», «línea» 13), and work done
 * on a device (its repair or upkeep, a service too).
 */
const SERVICE_WORDS = new Set([
  'plan', 'recarga', 'linea', 'cargo', 'basico', 'fijo', 'consumo', 'postpago', 'pospago', 'prepago', 'minuto', 'dato', 'internet', 'telefonia', 'servicio',
  'mensual', 'mensualidad', 'suscripcion', 'renta', 'alquiler', 'arriendo', 'roaming', 'voz', 'cfm', 'reparacion', 'mantenimiento', 'instalacion', 'soporte',
]);

/**
 * The line's specifications of a device, when it has some and says nothing of a service. `measures` and `words` are
 * the normalized line's (normalize.ts: «256GB» → 256gb, «6.6"» and «6.6 PULG» → 6.6in).
 */
export function deviceSpecs(words: readonly string[], measures: readonly string[]): DeviceSpecs | undefined {
  if (words.some((w) => SERVICE_WORDS.has(w))) return undefined;
  const said: string[] = [];
  const storage = measures.find((m) => /^\d+(?:\.\d+)?(?:gb|tb)$/.test(m));
  if (storage) said.push(storage.replace(/(gb|tb)$/, (u) => ` ${u.toUpperCase()}`));
  const screen = measures.find((m) => /^\d+(?:\.\d+)?in$/.test(m));
  if (screen) said.push(`pantalla de ${screen.slice(0, -2)} pulgadas`);
  for (const w of words) if (DEVICE_WORDS[w] && !said.includes(DEVICE_WORDS[w]!)) said.push(DEVICE_WORDS[w]!);
  return said.length ? { why: said.join(', ') } : undefined;
}
