import type { RemapProposal } from "@hopquy/compliance";
import type { MessageKey, Translate } from "@/i18n/translate";

type ClauseLabels = Map<string, { code: string; catalog: string }>;

// "«Report» on QCVN 135 2.2.1 → intersect (mapping set) → HQ11-G03-02": why a clause got its result.
export function ProposalExplanation({ proposal, clauses, mappingSets, t }: { proposal: RemapProposal; clauses: ClauseLabels; mappingSets: Map<string, string>; t: Translate }) {
  const label = (id: string) => {
    const c = clauses.get(id);
    return c ? `${c.catalog} ${c.code}` : id;
  };
  return (
    <div className="space-y-1 text-xs" data-testid="proposal-explanation">
      {proposal.reason ? <p className="italic text-slate-600">{proposal.reason}</p> : null}
      {proposal.explanation.paths.map((path) => (
        <p key={`${path.evidenceId}-${path.linkedClauseId}`}>
          <span className={path.grade === "full" ? "text-green-700" : "text-amber-700"}>{t(`remap.grades.${path.grade}`)}</span>
          {": "}«{path.evidenceTitle}» — {label(path.linkedClauseId)}
          {path.steps.length === 0 ? ` (${t("remap.direct")})` : null}
          {path.steps.map((step) => (
            <span key={step.mappingId}>
              {" → "}
              <span className="font-medium">{t(`catalogs.relations.${step.relation}` as MessageKey)}</span>
              <span className="text-slate-500"> [{mappingSets.get(step.mappingSetId) ?? step.mappingSetId}, {t("remap.strength", { strength: step.strength })}]</span>
              {" → "}
              {label(step.toClauseId)}
            </span>
          ))}
        </p>
      ))}
      {proposal.explanation.ignoredEvidence.map((e) => (
        <p key={e.id} className="text-slate-500">{t("remap.ignored", { title: e.title })} {t(`remap.verdicts.${e.verdict}` as MessageKey)}</p>
      ))}
      {proposal.status === "gap" && proposal.explanation.paths.length === 0 ? <p className="text-red-700">{t("remap.noSupport")}</p> : null}
      {proposal.conflict ? (
        <p className="font-medium text-amber-800" data-testid="proposal-conflict">
          {t("remap.conflict", { manual: t(`skuCompliance.statuses.${proposal.conflict.manualStatus}` as MessageKey), proposed: t(`skuCompliance.statuses.${proposal.conflict.proposedStatus}` as MessageKey) })}
        </p>
      ) : null}
      {proposal.retest.map((flag) => (
        <p key={flag} className="font-medium text-purple-700">{t(`remap.retest.${flag}` as MessageKey)}</p>
      ))}
    </div>
  );
}
