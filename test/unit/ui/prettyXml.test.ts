import * as assert from 'node:assert/strict';
import type { CodeLine } from '../../../src/webview/codeLine';
import { prettyXml } from '../../../src/webview/prettyXml';

function text(lines: CodeLine[]): string {
  return lines.map((l) => '  '.repeat(l.indent) + l.tokens.map((t) => t[1]).join('')).join('\n');
}

describe('XML pretty-printing in the response view', () => {
  it('a `>` inside a quoted attribute value does not end the tag (double and single quotes, self-closing too)', () => {
    const lines = prettyXml(`<rule test="a > b" alt='x>y'><when expr="n>1"/><then>ok</then></rule>`);
    assert.equal(text(lines), `<rule test="a > b" alt='x>y'>\n  <when expr="n>1"/>\n  <then>ok</then>\n</rule>`);
  });

  it('the attribute keeps its whole value as one string token', () => {
    const tag = prettyXml('<a href="/x?a>b&amp;c=1">t</a>')[0];
    assert.deepEqual(tag.tokens.filter(([kind]) => kind === 'string'), [['string', '"/x?a>b&amp;c=1"']]);
  });

  it('a processing instruction with `>` in its pseudo-attribute stays one line', () => {
    assert.equal(text(prettyXml('<?xml-stylesheet href="a.xsl?x>1"?><doc/>')), '<?xml-stylesheet href="a.xsl?x>1"?>\n<doc/>');
  });

  it('nothing is lost when a quote never closes: the tag ends at the first `>`', () => {
    const source = '<a x="open><b>t</b></a>';
    const shown = prettyXml(source).flatMap((line) => line.tokens.map(([, t]) => t)).join('');
    assert.equal(shown.replace(/\s+/g, ''), source.replace(/\s+/g, ''));
  });
});
