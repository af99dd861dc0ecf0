import assert from 'node:assert/strict';
import { Disposable } from '../../../src/extension/dispose';

class Owner extends Disposable {
  own(...names: string[]): void {
    this.register(...names.map((n) => ({ dispose: () => log.push(n) })));
  }
}
let log: string[] = [];

describe('extension/dispose', () => {
  beforeEach(() => (log = []));

  it('disposes what it owns once, the last registered first', () => {
    const o = new Owner();
    o.own('a', 'b');
    o.own('c');
    o.dispose();
    o.dispose();
    assert.deepEqual(log, ['c', 'b', 'a']);
  });

  it('disposes at once what is registered after it was disposed', () => {
    const o = new Owner();
    o.dispose();
    o.own('late');
    assert.deepEqual(log, ['late']);
  });
});
