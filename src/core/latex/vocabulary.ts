// The function names the parser emits into mathjs trees and the verifier implements. Keeping them in
// one list is what lets the two sides evolve apart: a name here with no implementation is a test failure.
// Operators are mathjs OperatorNodes: add, subtract, multiply (a matrix product; operand order is never
// changed), divide, pow, unaryMinus, factorial; relations inside `cases` conditions are OperatorNodes
// too (smaller, smallerEq, larger, largerEq, equal, unequal), joined by `and` for `0 < x < 1` or `x > 0, y > 0`.
// Symbols: a SymbolNode's name is the canonical name of the LaTeX symbol (see symbols.ts in this folder);
// `I` not declared otherwise is the identity and the constant 0 the zero, each of the size its context needs.

export const vocabulary = {
  transpose: 'transpose(X)',
  inv: 'inv(A): matrix inverse (A^{-1} of a matrix); a scalar gets pow(x, -1) instead',
  det: 'det(A)',
  trace: 'trace(A)',
  diag: 'diag(v) → matrix, diag(A) → vector',
  norm: 'norm(x): Euclidean for vectors (\\|x\\|, \\|x\\|_2), spectral for matrices with _2',
  normFro: 'normFro(A): \\|A\\|_F',
  normP: 'normP(x, p): \\|x\\|_p',
  abs: 'abs(x): |x|, elementwise',
  hadamard: 'hadamard(a, b): a ⊙ b',
  sqrt: 'sqrt(x)',
  nthRoot: 'nthRoot(x, n): \\sqrt[n]{x}',
  exp: 'exp(x)',
  log: 'log(x): natural logarithm (\\log and \\ln)',
  log2: 'log2(x)',
  log10: 'log10(x)',
  sin: 'sin',
  cos: 'cos',
  tan: 'tan',
  tanh: 'tanh',
  sinh: 'sinh',
  cosh: 'cosh',
  arctan: 'arctan',
  max: 'max(a, b, …)',
  min: 'min(a, b, …)',
  relu: 'relu(x), elementwise',
  sigmoid: 'sigmoid(x), elementwise',
  softmax: 'softmax(x) of a vector',
  binom: 'binom(n, k): real-valued binomial coefficient',
  floor: 'floor',
  ceil: 'ceil',
  sign: 'sign',
  isReal: 'isReal(x): 1 when x is a finite real number (`X \\in \\mathbb{R}` in an event)',
  within:
    'within(x, lo, hi, openLo, openHi): 1 when x lies in the interval, else 0; an invalid sample where lo > hi (the text presumes its ends in order)',
  sumOver: 'sumOver(i, lo, hi, body): Σ_{i=lo}^{hi} body; i is bound (raw arguments)',
  prodOver: 'prodOver(i, lo, hi, body): Π (raw arguments)',
  stack:
    'stack(o, e₁, …): the entries e (scalars, vectors, or listOver runs) stacked down a column (o = 0) or along a row (o = 1), a list written with an ellipsis (raw arguments)',
  listOver:
    'listOver(i, lo, hi, body, shown): inside stack, the entries body for i = lo … hi, at least `shown` of them (the entries written around the ellipsis)',
  gridOver:
    'gridOver(i, j, m, n, body, shownRows, shownCols): the m×n matrix of body at (i, j), a matrix written with \\ddots (raw arguments)',
  indexExtent:
    'indexExtent(i): as the upper bound of sumOver(i, 1, indexExtent(i), body), the number of entries i indexes in body (`\\sum_i x_i`)',
  evalAt:
    'evalAt(body, x, a): body with x set to a, the evaluation bar \\left. … \\right|_{x = a} (raw arguments)',
  partialAt:
    'partialAt(f, k, v₁…v_k, a₁…a_m): ∂^k f/∂v₁⋯∂v_k of a declared f at the point (a₁…a_m) (raw arguments)',
  seriesOver: 'seriesOver(n, lo, body): Σ_{n=lo}^{∞} body, summed with an error estimate (raw arguments)',
  piecewise: 'piecewise(cond1, value1, cond2, value2, …, [otherwise]) (raw arguments)',
  deriv: 'deriv(x, body): d body / dx at the current x, central differences (raw arguments)',
  grad: 'grad(θ, body): gradient (or Jacobian, for a vector body) with respect to θ (raw arguments)',
  gradAt:
    'gradAt(f, args…): the gradient of f in its arguments at args (\\nabla f(x, y)), one argument: its gradient (raw arguments)',
  call: 'call(f, args…): application of a declared function f; elementwise when f takes scalars; f may be entry(f, i…), member i of a family of unknown functions (f_i(x), l^{(i)}(w, b))',
  derivFn:
    "derivFn(f, k, args…): the k-th derivative of the scalar function f at args (f'(x), σ'(z)), elementwise like call; k may be an index (f^{(i)}(x_0)) and f a family member entry(f, i…)",
  integral: 'integral(x, a, b, body): ∫_a^b body dx by adaptive quadrature (raw arguments)',
  antiderivative:
    'antiderivative(x, body): ∫ body dx, checked only as a side of ∫ g dx = G(x) + C by differentiating G (raw arguments)',
  limit: 'limit(x, a, side, body): lim_{x→a} body, side 1 from above, -1 from below, 0 both (raw arguments)',
  entry:
    'entry(x, i) / entry(A, i, j): 1-based entry of a vector or matrix (x_i with i a bound or declared index)',
  expect: 'expect(g): 𝔼[g] over the random symbols g reads (probability/operators.ts; raw arguments)',
  variance: 'variance(g): Var(g) (raw arguments)',
  cov: 'cov(a, b): Cov(a, b) (raw arguments)',
  prob: 'prob(event): P(event); an event is a relation, and/or/not of events (∩, ∪, complement) or an event symbol',
  condProb: 'condProb(a, b): P(a | b) (raw arguments)',
  condExpect: 'condExpect(g, h): 𝔼[g | h] for finite supports (raw arguments)',
  entropy:
    'entropy(X, …): the joint entropy (nats) of random variables with a finite joint law (raw arguments)',
  expectFrom:
    'expectFrom(P, g, x, …): E_{x ∼ P}[g], x the value of a random variable with law P; read for the step by probability/pairing.ts (raw arguments)',
  varianceFrom: 'varianceFrom(P, g, x, …): Var_{x ∼ P}[g] (raw arguments)',
  expectOver:
    'expectOver(g, X, x, …): 𝔼[g] with x bound to the value of the random variable X (probability/paired.ts; raw arguments)',
  varianceOver: 'varianceOver(g, X, x, …): Var[g] with x bound to the value of X (raw arguments)',
  sumSupport:
    'sumSupport(g, X, x, …): Σ g over the values x of X with positive probability (joint values for several; raw arguments)',
  pmf: 'pmf(X, x, …): P(X = x, …) of random variables with a finite law, x numbers (raw arguments)',
  pmfGiven:
    'pmfGiven(p, [y, …], [x, …]): p(y | x) of values of random variables, read by probability/pairing.ts (raw arguments)',
  entropyBits:
    'entropyBits(X, …): the joint entropy in bits, where the step writes its logarithms in base 2 (raw arguments)',
  klBits: 'klBits(P, Q): D_KL(P ‖ Q) in bits (raw arguments)',
  kl: 'kl(P, Q): D_KL(P ‖ Q) (nats) of the finite laws of the random variables P and Q (raw arguments)',
} as const;

export type VocabularyName = keyof typeof vocabulary;
