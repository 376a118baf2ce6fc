import { createHash } from 'node:crypto';

/**
 * Small, dependency-free model fitting for the scorer: L2-regularised
 * logistic and softmax regression on sparse binary features, by AdaGrad over
 * full batches, and folds grouped by source page for cross-validation.
 * Features are numbered once, so each epoch is plain array work.
 */

type Sparse = readonly string[];

function index(X: Sparse[]): { ids: Int32Array[]; names: string[] } {
  const byName = new Map<string, number>();
  const ids = X.map((x) =>
    Int32Array.from(x, (f) => {
      let id = byName.get(f);
      if (id === undefined) {
        id = byName.size;
        byName.set(f, id);
      }
      return id;
    }),
  );
  return { ids, names: [...byName.keys()] };
}

export function fitLogistic(
  X: Sparse[],
  y: number[],
  weights: number[],
  l2: number,
  epochs = 300,
  rate = 0.3,
): Record<string, number> {
  const { ids, names } = index(X);
  const d = names.length;
  const w = new Float64Array(d);
  const g2 = new Float64Array(d);
  const grad = new Float64Array(d);
  const bias = names.indexOf('bias');
  const n = X.reduce((s, _, i) => s + (weights[i] ?? 1), 0);
  for (let e = 0; e < epochs; e++) {
    grad.fill(0);
    for (let i = 0; i < ids.length; i++) {
      const x = ids[i]!;
      let z = 0;
      for (let k = 0; k < x.length; k++) z += w[x[k]!]!;
      const g = ((1 / (1 + Math.exp(-z)) - y[i]!) * (weights[i] ?? 1)) / n;
      for (let k = 0; k < x.length; k++) grad[x[k]!]! += g;
    }
    for (let f = 0; f < d; f++) {
      const g = grad[f]! + (f === bias ? 0 : (l2 * w[f]!) / n);
      g2[f]! += g * g;
      w[f]! -= (rate * g) / (Math.sqrt(g2[f]!) + 1e-8);
    }
  }
  return Object.fromEntries(names.map((f, i) => [f, w[i]!]));
}

export function fitSoftmax(
  X: Sparse[],
  y: number[],
  k: number,
  l2: number,
  epochs = 200,
  rate = 0.3,
): Record<string, number[]> {
  const { ids, names } = index(X);
  const d = names.length;
  const w = new Float64Array(d * k);
  const g2 = new Float64Array(d * k);
  const grad = new Float64Array(d * k);
  const bias = names.indexOf('bias');
  const n = X.length || 1;
  const z = new Float64Array(k);
  for (let e = 0; e < epochs; e++) {
    grad.fill(0);
    for (let i = 0; i < ids.length; i++) {
      const x = ids[i]!;
      z.fill(0);
      for (const f of x) for (let c = 0; c < k; c++) z[c]! += w[f * k + c]!;
      let m = -Infinity;
      for (let c = 0; c < k; c++) m = Math.max(m, z[c]!);
      let sum = 0;
      for (let c = 0; c < k; c++) sum += z[c] = Math.exp(z[c]! - m);
      for (const f of x)
        for (let c = 0; c < k; c++) grad[f * k + c]! += (z[c]! / sum - (c === y[i] ? 1 : 0)) / n;
    }
    for (let j = 0; j < d * k; j++) {
      const f = Math.floor(j / k);
      const g = grad[j]! + (f === bias ? 0 : (l2 * w[j]!) / n);
      g2[j]! += g * g;
      w[j]! -= (rate * g) / (Math.sqrt(g2[j]!) + 1e-8);
    }
  }
  return Object.fromEntries(names.map((f, i) => [f, Array.from(w.subarray(i * k, i * k + k))]));
}

/** Row indices in k folds; all rows of one group land in the same fold. */
export function groupFolds(groups: readonly string[], k: number): number[][] {
  const folds: number[][] = Array.from({ length: k }, () => []);
  groups.forEach((g, i) => {
    const h = createHash('sha256').update(g).digest();
    folds[h[0]! % k]!.push(i);
  });
  return folds;
}
