import * as OpenCC from 'opencc-js';
import type { ChineseScript } from '../model/document.js';

let toSimplified: ((text: string) => string) | undefined;

/** Converts Traditional Chinese to Simplified (OpenCC, Taiwan variant in, mainland out). */
export function traditionalToSimplified(text: string): string {
  const convert = toSimplified ?? OpenCC.Converter({ from: 'tw', to: 'cn' });
  toSimplified = convert;
  return convert(text);
}

/** Share of Han characters that must change under conversion for text to count as Traditional. */
const TRADITIONAL_SHARE = 0.05;
/** Han characters to look at: enough for a verdict, bounded for long books. */
const SAMPLE_HAN_CHARACTERS = 20_000;

/** Whether Chinese text is written in Simplified or Traditional characters. */
export function detectChineseScript(text: string): ChineseScript {
  const han = (text.match(/\p{Script=Han}/gu) ?? []).slice(0, SAMPLE_HAN_CHARACTERS);
  if (han.length === 0) return 'unknown';
  const converted = Array.from(traditionalToSimplified(han.join('')));
  let changed = 0;
  for (let i = 0; i < han.length; i++) if (converted[i] !== han[i]) changed++;
  return changed / han.length >= TRADITIONAL_SHARE ? 'traditional' : 'simplified';
}
