// Block matrices `[[A, 0], [0, I]]` and stacked vectors `[x; y]`: assembling the blocks of a bmatrix.
import { Eye, Mat, ShapeError, type Value } from './value';

/**
 * A block matrix such as [[A, 0], [0, I]] or a stacked vector [x; y]: each block row takes its height, and
 * each block column its width, from the matrices in it; `I` and scalar 0 blocks take the size of their place.
 */
export function assembleBlocks(blocks: Value[][]): Mat {
  const heights = blocks.map((r) => {
    const m = r.find((v): v is Mat => v instanceof Mat);
    return m ? m.rows : r.some((v) => v instanceof Eye) ? undefined : 1;
  });
  const widths = (blocks[0] ?? []).map((_, j) => {
    const m = blocks.map((r) => r[j]).find((v): v is Mat => v instanceof Mat);
    return m ? m.cols : blocks.some((r) => r[j] instanceof Eye) ? undefined : 1;
  });
  // An identity alone in its row (or column) is square: its other side fixes it.
  blocks.forEach((r, i) =>
    r.forEach((v, j) => {
      if (!(v instanceof Eye)) return;
      if (heights[i] === undefined) heights[i] = widths[j];
      if (widths[j] === undefined) widths[j] = heights[i];
    }),
  );
  if (heights.some((h) => h === undefined) || widths.some((w) => w === undefined)) {
    throw new ShapeError('the size of I inside a block matrix is unknown');
  }
  const rowsTotal = heights.reduce<number>((a, h) => a + (h as number), 0);
  const colsTotal = widths.reduce<number>((a, w) => a + (w as number), 0);
  const out = Mat.zeros(rowsTotal, colsTotal);
  let top = 0;
  blocks.forEach((r, i) => {
    const h = heights[i] as number;
    let left = 0;
    r.forEach((v, j) => {
      const w = widths[j] as number;
      let block: Mat;
      if (v instanceof Mat) block = v;
      else if (v instanceof Eye) {
        if (h !== w) throw new ShapeError(`I cannot fill a ${h}×${w} block`);
        block = Mat.identity(h, v.c);
      } else if (v === 0) block = Mat.zeros(h, w);
      else if (h === 1 && w === 1) block = new Mat(1, 1, Float64Array.of(v));
      else throw new ShapeError(`a scalar cannot fill a ${h}×${w} block`);
      if (block.rows !== h || block.cols !== w) {
        throw new ShapeError(`a ${block.rows}×${block.cols} block in a ${h}×${w} place of a block matrix`);
      }
      for (let a = 0; a < h; a++)
        for (let b = 0; b < w; b++) out.data[(top + a) * colsTotal + left + b] = block.get(a, b);
      left += w;
    });
    top += h;
  });
  return out;
}
