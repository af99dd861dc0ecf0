import assert from 'node:assert/strict';
import { sanitizeHtmlFragment } from '../../../src/render/sanitize';

describe('render/sanitize (export allow-list)', () => {
  it('turns scripts, handlers and javascript: URLs into text or drops them', () => {
    assert.equal(sanitizeHtmlFragment('<script>alert(1)</script>'), '&lt;script&gt;alert(1)&lt;/script&gt;');
    assert.equal(sanitizeHtmlFragment('<img src="a.png" onerror="x()">'), '<img src="a.png">');
    assert.equal(sanitizeHtmlFragment('<a href="javascript:alert(1)">x</a>'), '<a>x</a>');
    assert.equal(sanitizeHtmlFragment('<a href="java&#58;script:alert(1)">x</a>'), '<a>x</a>');
    assert.equal(
      sanitizeHtmlFragment('<svg onload="x()"></svg>'),
      '&lt;svg onload=&quot;x()&quot;&gt;&lt;/svg&gt;',
    );
    assert.equal(sanitizeHtmlFragment('<div style="background:url(x)">t</div>'), '<div>t</div>');
  });

  it('keeps harmless markup and resolves image sources', () => {
    assert.equal(sanitizeHtmlFragment('<b>bold</b><br/><!-- note -->'), '<b>bold</b><br />');
    assert.equal(
      sanitizeHtmlFragment('<img src="fig.png" alt="f" width="200">', (s) => 'file:///hw/' + s),
      '<img src="file:///hw/fig.png" alt="f" width="200">',
    );
    assert.equal(
      sanitizeHtmlFragment('<a href="https://d2l.ai">d2l</a>'),
      '<a href="https://d2l.ai">d2l</a>',
    );
  });
});
