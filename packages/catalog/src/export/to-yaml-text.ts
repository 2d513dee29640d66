import { Document, isScalar, visit } from "yaml";

/** Stable YAML text: no line folding, short lists of scalars written inline ("conditions: [9, 12]"). */
export function toYamlText(value: unknown): string {
  const doc = new Document(value);
  visit(doc, {
    Seq(_, node) {
      const scalars = node.items.every((item) => isScalar(item) && String(item.value).length <= 40);
      const width = node.items.reduce<number>((sum, item) => sum + (isScalar(item) ? String(item.value).length + 2 : 0), 0);
      if (scalars && node.items.length > 0 && width <= 90) node.flow = true;
    },
  });
  return doc.toString({ lineWidth: 0, flowCollectionPadding: false });
}
