import assert from 'node:assert/strict';
import { close, evalLast, num, nums, tensor } from './helpers';

describe('experiment library: random', () => {
  it('randn has mean 0 and variance 1 within their intervals', () => {
    assert.equal(evalLast('x = randn(100000); within(0, meanCI(x, 0.999))'), true);
    assert.equal(evalLast('x = randn(100000); within(1, varCI(x, 0.999))'), true);
  });

  it('rand lies in [0, 1) with mean 1/2', () => {
    const v = nums('rand(20000)');
    assert.ok(v.every((x) => x >= 0 && x < 1));
    assert.equal(evalLast('within(0.5, meanCI(rand(20000), 0.999))'), true);
  });

  it('variance of uniform(-a, a) is within its interval around a²/3', () => {
    assert.equal(evalLast('a = 3; v = uniform(-a, a, 100000); within(a^2 / 3, varCI(v, 0.99))'), true);
    const v = nums('uniform(-3, 3, 1000)');
    assert.ok(v.every((x) => x >= -3 && x < 3));
  });

  it('bernoulli(p) is 0/1 with mean p', () => {
    const v = nums('bernoulli(0.3, 5000)');
    assert.ok(v.every((x) => x === 0 || x === 1));
    assert.equal(evalLast('within(0.3, meanCI(bernoulli(0.3, 50000), 0.999))'), true);
    assert.throws(() => evalLast('bernoulli(1.5, 3)'), /between 0 and 1/);
  });

  it('shapes: none gives a number, (m, n), [m, n] and size(A) give arrays', () => {
    assert.equal(typeof evalLast('randn()'), 'number');
    assert.deepEqual(tensor('randn(2, 3)').shape, [2, 3]);
    assert.deepEqual(tensor('randn([4, 5])').shape, [4, 5]);
    assert.deepEqual(tensor('A = zeros(3, 2); rand(size(A))').shape, [3, 2]);
    assert.throws(() => evalLast('randn(2.5)'), /integer/);
  });

  it('seed(s) restarts the stream: same seed, same numbers', () => {
    assert.equal(evalLast('seed(7); a = randn(5); seed(7); b = randn(5); all(a == b)'), true);
    assert.deepEqual(nums('seed(7); randn(3)', 1), nums('seed(7); randn(3)', 99));
    assert.notDeepEqual(nums('seed(7); randn(3)'), nums('seed(8); randn(3)'));
  });
});

describe('experiment library: activations', () => {
  it('relu, leakyRelu, heaviside', () => {
    assert.deepEqual(nums('relu([-1, 0, 2])'), [0, 0, 2]);
    close(nums('leakyRelu([-1, 2], 0.1)'), [-0.1, 2]);
    close(nums('leakyRelu(-2)'), -0.02);
    assert.deepEqual(nums('heaviside([-1, 0, 1])'), [0, 0, 1]);
    assert.equal(num('heaviside(0, 0.5)'), 0.5);
  });

  it('sigmoid and softplus are exact at 0 and stable in the tails', () => {
    assert.equal(num('sigmoid(0)'), 0.5);
    assert.deepEqual(nums('sigmoid([-800, 800])'), [0, 1]);
    close(num('sigmoid(2)'), 1 / (1 + Math.exp(-2)), 1e-15);
    close(num('softplus(0)'), Math.LN2, 1e-15);
    assert.equal(num('softplus(1000)'), 1000);
    close(num('softplus(-50)'), Math.exp(-50), 1e-30);
  });

  it('softmax sums to one, equals exp/sum, and works row-wise on matrices', () => {
    const s = nums('softmax([1, 2, 3])');
    const e = [1, 2, 3].map(Math.exp);
    const z = e.reduce((a, b) => a + b);
    close(
      s,
      e.map((x) => x / z),
      1e-15,
    );
    close(nums('softmax([1000, 1000])'), [0.5, 0.5]);
    const m = nums('softmax([1, 2; 3, 3])');
    close(m.slice(2), [0.5, 0.5]);
    close(m[0]! + m[1]!, 1);
  });

  it('dropout zeroes a fraction p and scales survivors by 1/(1 − p), preserving the mean', () => {
    const v = nums('dropout(ones(20000), 0.3)');
    assert.ok(v.every((x) => x === 0 || Math.abs(x - 1 / 0.7) < 1e-12));
    const zeros = v.filter((x) => x === 0).length / v.length;
    assert.ok(Math.abs(zeros - 0.3) < 0.02, `fraction dropped ${zeros}`);
    assert.equal(evalLast('x = randn(100000) + 2; within(mean(x), meanCI(dropout(x, 0.5), 0.999))'), true);
    assert.deepEqual(nums('dropout([1, 2], 0)'), [1, 2]);
    assert.deepEqual(nums('dropout([1, 2], 1)'), [0, 0]);
  });
});

describe('experiment library: layers', () => {
  it('linearInit: shapes, bounds ±1/√nIn, and variance 1/(3·nIn)', () => {
    const W = evalLast('linearInit(50, 20)') as {
      A: { shape: number[]; data: Float64Array };
      b: { shape: number[]; data: Float64Array };
    };
    assert.deepEqual(W.A.shape, [20, 50]);
    assert.deepEqual(W.b.shape, [20]);
    const bound = 1 / Math.sqrt(50);
    assert.ok(W.A.data.every((x) => Math.abs(x) <= bound));
    assert.ok(W.b.data.every((x) => Math.abs(x) <= bound));
    assert.equal(
      evalLast('W = linearInit(400, 300); within(1 / (3 * 400), varCI(flatten(W.A), 0.999))'),
      true,
    );
  });

  it('conv2dParams against hand counts', () => {
    assert.equal(num('conv2dParams(3, 64, 3)'), 64 * 3 * 9 + 64);
    assert.equal(num('conv2dParams(3, 64, 3, false)'), 64 * 3 * 9);
    assert.equal(num('conv2dParams(64, 128, [3, 5])'), 128 * 64 * 15 + 128);
    assert.equal(num('conv2dParams(64, 128, 3, true, 4)'), 128 * 16 * 9 + 128);
    assert.equal(num('conv2dParams(32, 32, 3, false, 32)'), 32 * 9); // depthwise
    assert.equal(num('conv2dParams(32, 32, 3, {bias: false, groups: 32})'), 32 * 9);
    assert.throws(() => evalLast('conv2dParams(64, 128, 3, true, 3)'), /groups \(3\) must divide/);
  });
});

describe('experiment library: calculus', () => {
  it('grad of sum(x.^2) is 2x; of sin at 1 is cos 1', () => {
    close(nums('f(x) = sum(x .^ 2); grad(f, [1, -2, 3])'), [2, -4, 6], 1e-8);
    close(num('grad(sin, 1)'), Math.cos(1), 1e-9);
    assert.throws(() => evalLast('f(x) = x * 2; grad(f, [1, 2])'), /must return a number/);
  });

  it('jacobian of a residual block x + tanh(Wx + b) is I + diag(1 − tanh²(Wx + b))·W', () => {
    const code = `
      W = [0.5, -1, 0.2; 0.3, 0.8, -0.4; -0.6, 0.1, 0.9];
      b = [0.1, -0.2, 0.3];
      x = [0.7, -0.3, 1.1];
      f(v) = v + tanh(W * v + b);
      J = jacobian(f, x);
      d = 1 - tanh(W * x + b) .^ 2;
      A = eye(3) + diag(d) * W;
      max(abs(J - A))`;
    assert.ok(num(code) < 1e-9, `max error ${num(code)}`);
    assert.deepEqual(tensor('f(v) = [v[1] * v[2], v[1]]; jacobian(f, [2, 3])').shape, [2, 2]);
    close(nums('f(v) = [v[1] * v[2], v[1]]; jacobian(f, [2, 3])'), [3, 2, 1, 0], 1e-8);
  });
});

describe('experiment library: statistics', () => {
  it('mean, variance (unbiased, as mathjs), std, median, and along a dimension', () => {
    assert.equal(num('mean([1, 2, 3, 4])'), 2.5);
    close(num('variance([1, 2, 3, 4])'), 5 / 3, 1e-15);
    close(num('std([1, 2, 3, 4])'), Math.sqrt(5 / 3), 1e-15);
    assert.equal(num('median([3, 1, 4, 1, 5])'), 3);
    assert.deepEqual(nums('mean([1, 2; 3, 4], 1)'), [2, 3]);
    assert.deepEqual(nums('sum([1, 2; 3, 4], 2)'), [3, 7]);
  });

  it('meanCI is the Student t interval', () => {
    const [lo, hi] = nums('meanCI([1, 2, 3, 4, 5])');
    const half = (2.7764451051977987 * Math.sqrt(2.5)) / Math.sqrt(5);
    close([lo!, hi!], [3 - half, 3 + half], 1e-9);
    const [l90, h90] = nums('meanCI([1, 2, 3, 4, 5], 0.9)');
    close(h90! - 3, (2.131846786326649 * Math.sqrt(2.5)) / Math.sqrt(5), 1e-9);
    assert.ok(l90! > lo!);
  });

  it('meanCI covers the true mean about 95% of the time', () => {
    const covered = num(`
      f() = within(0, meanCI(randn(20)));
      sum(sample(f, 400))`);
    // Binomial(400, 0.95): mean 380, sd 4.4.
    assert.ok(covered >= 365 && covered <= 395, `covered ${covered}/400`);
  });

  it('within, and its errors', () => {
    assert.equal(evalLast('within(0.5, [0, 1])'), true);
    assert.equal(evalLast('within(2, [0, 1])'), false);
    assert.equal(evalLast('within([0.2, 0.9], [0, 1])'), true);
    assert.throws(() => evalLast('within(1, [0, 1, 2])'), /interval/);
  });

  it('sample draws n values of f(), vectorised when f is elementwise in its draws', () => {
    // Vectorised: all randn draws, then all rand draws, as in randn(5) + rand(5).
    assert.equal(
      evalLast(
        'f() = randn() + rand(); seed(3); s = sample(f, 5); seed(3); t = randn(5) + rand(5); all(s == t)',
      ),
      true,
    );
    // Through user functions and operators that become elementwise (`*` and `^` on samples).
    assert.equal(
      evalLast(
        'g(v) = v * v; f() = g(uniform(0, 2)) ^ 1; seed(4); s = sample(f, 4); seed(4); u = uniform(0, 2, 4); all(s == u .* u)',
      ),
      true,
    );
    // Not vectorisable (an aggregate): one call per sample, in order.
    assert.equal(
      evalLast(
        'f() = sum(randn(2)); seed(5); s = sample(f, 3); seed(5); t = [sum(randn(2)), sum(randn(2)), sum(randn(2))]; all(s == t)',
      ),
      true,
    );
    assert.deepEqual(tensor('f() = 2; sample(f, 3)').shape, [3]);
    // dropout of a fixed input still draws a mask per sample.
    const d = nums('f() = dropout(1, 0.5); sample(f, 200)');
    assert.ok(d.includes(0) && d.includes(2) && d.every((v) => v === 0 || v === 2));
    assert.throws(() => evalLast('f() = randn(2); sample(f, 3)'), /must return a number/);
  });
});

describe('experiment library: comparisons and arrays', () => {
  it('allclose with default and given tolerances', () => {
    assert.equal(evalLast('allclose([1, 2], [1, 2 + 1e-9])'), true);
    assert.equal(evalLast('allclose([1, 2], [1, 2.1])'), false);
    assert.equal(evalLast('allclose([1, 2], [1, 2.1], 0.1)'), true);
    assert.equal(evalLast('allclose(1, 1.5, 0, 0.6)'), true);
  });

  it('zeros, ones, eye, linspace, range, reshape, diag, concat, size', () => {
    assert.deepEqual(nums('zeros(2, 2)'), [0, 0, 0, 0]);
    assert.deepEqual(nums('ones(3)'), [1, 1, 1]);
    assert.deepEqual(nums('eye(2)'), [1, 0, 0, 1]);
    assert.deepEqual(nums('identity(2, 3)'), [1, 0, 0, 0, 1, 0]);
    assert.deepEqual(nums('linspace(0, 1, 5)'), [0, 0.25, 0.5, 0.75, 1]);
    assert.deepEqual(nums('1:4'), [1, 2, 3, 4]);
    assert.deepEqual(nums('0:0.5:1'), [0, 0.5, 1]);
    assert.deepEqual(tensor('reshape(1:6, 2, 3)').shape, [2, 3]);
    assert.deepEqual(nums('diag([1, 2; 3, 4])'), [1, 4]);
    assert.deepEqual(nums('concat([1, 2], [3])'), [1, 2, 3]);
    assert.deepEqual(nums('size(zeros(2, 5))'), [2, 5]);
  });

  it('sum, prod, cumsum, abs, exp, log, max, min, norm, tanh', () => {
    assert.equal(num('sum([1, 2, 3])'), 6);
    assert.equal(num('prod([1, 2, 3, 4])'), 24);
    assert.deepEqual(nums('cumsum([1, 2, 3])'), [1, 3, 6]);
    assert.deepEqual(nums('abs([-1, 2])'), [1, 2]);
    close(nums('exp([0, 1])'), [1, Math.E]);
    close(nums('log([1, e])'), [0, 1]);
    close(num('log(8, 2)'), 3);
    assert.equal(num('max([1, 5, 3])'), 5);
    assert.equal(num('min(4, 2, 8)'), 2);
    assert.deepEqual(nums('max([1, 5; 7, 3], 1)'), [7, 5]);
    assert.equal(num('norm([3, 4])'), 5);
    assert.equal(num('norm([3, -4], 1)'), 7);
    assert.equal(num('norm([3, -4], Infinity)'), 4);
    close(num('norm([1, 2; 3, 4], "fro")'), Math.sqrt(30));
    close(nums('tanh([0, 1])'), [0, Math.tanh(1)]);
  });

  it('transpose, inv, det, trace, solve, dot, outer', () => {
    assert.deepEqual(nums("[1, 2; 3, 4]'"), [1, 3, 2, 4]);
    close(nums('inv([4, 7; 2, 6])'), [0.6, -0.7, -0.2, 0.4], 1e-12);
    close(num('det([4, 7; 2, 6])'), 10, 1e-12);
    assert.equal(num('det([1, 2; 2, 4])'), 0);
    assert.equal(num('trace([1, 2; 3, 4])'), 5);
    close(nums('solve([2, 1; 1, 3], [3, 5])'), [0.8, 1.4], 1e-12);
    assert.equal(num('dot([1, 2, 3], [4, 5, 6])'), 32);
    assert.deepEqual(nums('outer([1, 2], [3, 4])'), [3, 4, 6, 8]);
    assert.throws(() => evalLast('inv([1, 2; 2, 4])'), /singular/);
  });
});
