import type { Translate } from "@/i18n/translate";
import { CELL_TONES, TONE_CLASSES, TONE_GLYPHS } from "./cell-tone";

export function ToneLegend({ t }: { t: Translate }) {
  return (
    <div className="flex flex-wrap items-center gap-2 text-xs" data-testid="tone-legend">
      <span className="font-medium text-slate-600">{t("matrix.legend")}:</span>
      {CELL_TONES.map((tone) => (
        <span key={tone} className={`inline-flex items-center gap-1 rounded px-2 py-0.5 ${TONE_CLASSES[tone]}`}>
          <span aria-hidden="true">{TONE_GLYPHS[tone]}</span>
          {t(`matrix.tones.${tone}`)}
        </span>
      ))}
    </div>
  );
}
