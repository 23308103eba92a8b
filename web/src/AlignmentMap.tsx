import type { ReviewPair } from './api';
import { isDoubtful } from './reviewFilters';

const SIZE = 240;

interface Step {
  index: number;
  zh: [number, number];
  en: [number, number];
  kind: 'confirmed' | 'doubtful' | 'sure';
}

/** Each pair's place on both axes: the Chinese and the English sentences (or texts) it covers. */
function steps(rows: readonly ReviewPair[]): { steps: Step[]; zh: number; en: number } {
  let zh = 0;
  let en = 0;
  const count = (ids: readonly string[], text: string) => Math.max(ids.length, text ? 1 : 0);
  const placed = rows.map((row, index): Step => {
    const zhCount = count(row.zhIds, row.zh);
    const enCount = count(row.enIds, row.en);
    const step: Step = {
      index,
      zh: [zh, zh + zhCount],
      en: [en, en + enCount],
      kind: row.status === 'confirmed' ? 'confirmed' : isDoubtful(row) ? 'doubtful' : 'sure',
    };
    zh += zhCount;
    en += enCount;
    return step;
  });
  return { steps: placed, zh, en };
}

/**
 * The whole document at a glance: Chinese sentence number across, English down, each pair
 * a step of the path; doubtful pairs red, confirmed ones green. A click jumps to the pair.
 */
export function AlignmentMap({
  rows,
  current,
  onJump,
}: {
  rows: readonly ReviewPair[];
  current: number;
  onJump: (index: number) => void;
}) {
  const path = steps(rows);
  const x = (zh: number) => (zh / Math.max(1, path.zh)) * SIZE;
  const y = (en: number) => (en / Math.max(1, path.en)) * SIZE;
  return (
    <figure className="alignment-map">
      <svg
        width={SIZE}
        height={SIZE}
        viewBox={`-2 -2 ${SIZE + 4} ${SIZE + 4}`}
        role="img"
        aria-label={`Alignment map: ${path.zh} Chinese and ${path.en} English sentences`}
      >
        <rect x={0} y={0} width={SIZE} height={SIZE} className="frame" />
        {path.steps.map((step) => (
          // biome-ignore lint/a11y/useSemanticElements: an SVG shape cannot be a button; the list of pairs is the keyboard way there.
          <line
            key={rows[step.index]?.id}
            role="button"
            tabIndex={-1}
            aria-label={`pair ${step.index + 1}`}
            data-index={step.index}
            className={`step ${step.kind}${step.index === current ? ' current' : ''}`}
            x1={x(step.zh[0])}
            y1={y(step.en[0])}
            x2={x(step.zh[1])}
            y2={y(step.en[1])}
            onClick={() => onJump(step.index)}
            onKeyDown={(event) => event.key === 'Enter' && onJump(step.index)}
          />
        ))}
      </svg>
      <figcaption>Chinese sentences → · English sentences ↓ · red doubtful · green confirmed</figcaption>
    </figure>
  );
}
