// L2-regularised logistic regression fitted by Newton's method (iteratively reweighted least squares), which for a
// handful of features converges in a few steps and, unlike stochastic gradient descent, gives the same
// coefficients on every run. Maximises
//   Σ [y log p + (1 − y) log(1 − p)] − (λ/2) Σ β_j²     (the intercept is not penalised)
// with p = 1 / (1 + exp(−(β₀ + x·β))).
export type LogisticFit = {
  intercept: number;
  coefficients: number[];
  iterations: number;
  converged: boolean;
  logLikelihood: number;
};

export function sigmoid(z: number): number {
  return z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
}

// Solves A x = b for a symmetric positive definite A (Cholesky).
export function solveSpd(a: number[][], b: number[]): number[] {
  const n = b.length;
  const l = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) {
      let s = a[i]![j]!;
      for (let k = 0; k < j; k++) s -= l[i]![k]! * l[j]![k]!;
      if (i === j) {
        if (!(s > 0)) throw new Error("matrix is not positive definite");
        l[i]![i] = Math.sqrt(s);
      } else l[i]![j] = s / l[j]![j]!;
    }
  }
  const y = new Array<number>(n);
  for (let i = 0; i < n; i++) {
    let s = b[i]!;
    for (let k = 0; k < i; k++) s -= l[i]![k]! * y[k]!;
    y[i] = s / l[i]![i]!;
  }
  const x = new Array<number>(n);
  for (let i = n - 1; i >= 0; i--) {
    let s = y[i]!;
    for (let k = i + 1; k < n; k++) s -= l[k]![i]! * x[k]!;
    x[i] = s / l[i]![i]!;
  }
  return x;
}

function penalisedLogLikelihood(x: readonly number[][], y: readonly number[], beta: number[], l2: number): number {
  let ll = 0;
  for (let i = 0; i < x.length; i++) {
    let z = beta[0]!;
    for (let j = 0; j < x[i]!.length; j++) z += beta[j + 1]! * x[i]![j]!;
    // log p = −log(1 + e^−z), log(1 − p) = −log(1 + e^z), computed without overflow.
    ll -= y[i] ? softplus(-z) : softplus(z);
  }
  for (let j = 1; j < beta.length; j++) ll -= (l2 / 2) * beta[j]! ** 2;
  return ll;
}

function softplus(z: number): number {
  return z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z));
}

export function fitLogistic(
  x: readonly number[][],
  y: readonly number[],
  options: { l2: number; maxIterations?: number; tolerance?: number },
): LogisticFit {
  const d = (x[0]?.length ?? 0) + 1;
  const maxIterations = options.maxIterations ?? 50;
  const tolerance = options.tolerance ?? 1e-9;
  // Rows with the intercept's 1 in front, once.
  const rows = x.map((r) => Float64Array.from([1, ...r]));
  let beta = new Array<number>(d).fill(0);
  let current = penalisedLogLikelihood(x, y, beta, options.l2);
  for (let iteration = 1; iteration <= maxIterations; iteration++) {
    const gradient = new Array<number>(d).fill(0);
    const hessian = Array.from({ length: d }, () => new Array<number>(d).fill(0));
    for (let i = 0; i < rows.length; i++) {
      const row = rows[i]!;
      let z = 0;
      for (let j = 0; j < d; j++) z += beta[j]! * row[j]!;
      const p = sigmoid(z);
      const w = Math.max(p * (1 - p), 1e-12);
      for (let j = 0; j < d; j++) {
        gradient[j]! += (y[i]! - p) * row[j]!;
        for (let k = 0; k <= j; k++) hessian[j]![k]! += w * row[j]! * row[k]!;
      }
    }
    for (let j = 0; j < d; j++) {
      for (let k = 0; k < j; k++) hessian[k]![j] = hessian[j]![k]!;
      if (j > 0) {
        gradient[j]! -= options.l2 * beta[j]!;
        hessian[j]![j]! += options.l2;
      }
    }
    const step = solveSpd(hessian, gradient);
    // Step halving keeps every iteration an improvement (separable data would otherwise overshoot).
    let scale = 1;
    let next = beta.map((b, j) => b + step[j]!);
    let value = penalisedLogLikelihood(x, y, next, options.l2);
    while (value < current && scale > 1e-6) {
      scale /= 2;
      next = beta.map((b, j) => b + scale * step[j]!);
      value = penalisedLogLikelihood(x, y, next, options.l2);
    }
    const change = Math.max(...next.map((b, j) => Math.abs(b - beta[j]!)));
    beta = next;
    current = value;
    if (change < tolerance)
      return {
        intercept: beta[0]!,
        coefficients: beta.slice(1),
        iterations: iteration,
        converged: true,
        logLikelihood: current,
      };
  }
  return {
    intercept: beta[0]!,
    coefficients: beta.slice(1),
    iterations: maxIterations,
    converged: false,
    logLikelihood: current,
  };
}
