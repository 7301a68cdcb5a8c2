/**
 * What every rule returns: the answer, the law it rests on, and one plain sentence saying why.
 * Confidence follows the domain reference's tags: high ([H·S], [H·K]), medium ([M]), low ([L]).
 * A low-confidence answer is shown to the user with its citation and a warning.
 */
export type Confidence = 'high' | 'medium' | 'low';

export interface Ruling<T> {
  value: T;
  citation: string;
  explanation: string;
  confidence: Confidence;
}

export function ruling<T>(value: T, citation: string, explanation: string, confidence: Confidence = 'high'): Ruling<T> {
  return { value, citation, explanation, confidence };
}
