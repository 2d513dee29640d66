import type { Translate } from "@/i18n/translate";

const COLORS: Record<string, string> = {
  equal: "bg-green-100 text-green-800",
  superset: "bg-green-100 text-green-800",
  subset: "bg-amber-100 text-amber-800",
  intersect: "bg-amber-100 text-amber-800",
  not_related: "bg-slate-100 text-slate-600",
};

export function RelationBadge({ relation, t }: { relation: string; t: Translate }) {
  return (
    <span className={`inline-block rounded px-1.5 py-0.5 text-xs font-medium ${COLORS[relation] ?? "bg-slate-100"}`} data-relation={relation}>
      {t(`catalogs.relations.${relation}` as never)}
    </span>
  );
}

export function ProvisionalBadge({ label }: { label: string }) {
  return <span className="inline-block rounded bg-purple-100 px-1.5 py-0.5 text-xs font-medium text-purple-800">{label}</span>;
}

// The three cells every mapping row shows: relation, strength (and whether it was inferred), rationale.
export function MappingDecisionCells({ mapping, t }: { mapping: { relation: string; strength: number; inferred: boolean; rationale: string | null }; t: Translate }) {
  return (
    <>
      <td className="p-3"><RelationBadge relation={mapping.relation} t={t} /></td>
      <td className="p-3">
        {mapping.strength}/10 <span className="text-xs text-slate-500">({mapping.inferred ? t("catalogs.inferred") : t("catalogs.published_mapping")})</span>
      </td>
      <td className="p-3 text-slate-700">{mapping.rationale}</td>
    </>
  );
}
