// The firmware a SKU is assessed at: the newest release (by release date, else registration),
// so back-filling an old version's history does not move the SKU back in time.
export interface FirmwareForScope {
  id: string;
  skuId: string;
  releaseDate: Date | null;
  createdAt: Date;
}

export function currentFirmwareBySku(firmware: readonly FirmwareForScope[]): Map<string, FirmwareForScope> {
  const current = new Map<string, FirmwareForScope>();
  const key = (f: FirmwareForScope) => (f.releaseDate ?? f.createdAt).getTime();
  for (const f of firmware) {
    const best = current.get(f.skuId);
    if (!best || key(f) > key(best) || (key(f) === key(best) && (f.createdAt > best.createdAt || (f.createdAt.getTime() === best.createdAt.getTime() && f.id > best.id)))) {
      current.set(f.skuId, f);
    }
  }
  return current;
}

export const scopeKeyOf = (firmwareId: string | null | undefined): string => firmwareId ?? "";
