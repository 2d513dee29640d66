import type { Catalog } from "../schema/catalog-schema";
import { orderCatalog } from "./canonical-order";
import { toYamlText } from "./to-yaml-text";

export function exportCatalogYaml(catalog: Catalog): string {
  return toYamlText(orderCatalog(catalog));
}
