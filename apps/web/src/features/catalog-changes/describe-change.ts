import type { RecordedChange } from "@hopquy/core";
import type { MessageKey, Translate } from "@/i18n/translate";

type Noun = "clause" | "mapping";

// A known key's translation, or null (the translator echoes unknown keys back).
function known(t: Translate, key: string): string | null {
  const text = t(key as MessageKey);
  return text === key ? null : text;
}

function value(t: Translate, field: string, raw: string | undefined): string {
  if (raw === undefined) return "—";
  if (raw === "true" || raw === "false") return t(raw === "true" ? "catalogChanges.yes" : "catalogChanges.no");
  if (field === "relation") return known(t, `catalogs.relations.${raw}`) ?? raw;
  return raw;
}

// One reason in the reader's language: "relation equal → intersect", "title changed". Fields this
// version has no label for keep their name.
export function describeReason(t: Translate, reason: RecordedChange["reasons"][number]): string {
  if (reason.field === "condition") return t("catalogChanges.conditionText", { id: reason.after ?? "?" });
  const field = known(t, `catalogChanges.fields.${reason.field}`) ?? reason.field;
  if (reason.before === undefined && reason.after === undefined) return t("catalogChanges.reasonChanged", { field });
  return t("catalogChanges.reasonValues", { field, before: value(t, reason.field, reason.before), after: value(t, reason.field, reason.after) });
}

// The "why" column: the reasons of a change, or what happened to the whole item.
export function describeChange(t: Translate, change: Pick<RecordedChange, "kind" | "reasons">, noun: Noun): string {
  if (change.kind === "added") return t(noun === "clause" ? "catalogChanges.whole.clauseAdded" : "catalogChanges.whole.mappingAdded");
  if (change.kind === "removed") return t(noun === "clause" ? "catalogChanges.whole.clauseRemoved" : "catalogChanges.whole.mappingRemoved");
  return change.reasons.map((reason) => describeReason(t, reason)).join("; ");
}
