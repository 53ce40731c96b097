package check

import (
	"fmt"
	"runtime"
	"strings"
	"testing"
)

// TestStripHTMLScriptsLinear guards against a page full of script and
// style elements costing the square of its size: finding each element's
// end tag once lowered the whole rest of the page (half of it on
// average, per element). The bytes allocated now stay a small multiple
// of the page.
func TestStripHTMLScriptsLinear(t *testing.T) {
	var b strings.Builder
	b.WriteString("<html><body>\n")
	for i := 0; b.Len() < 400<<10; i++ {
		fmt.Fprintf(&b, "<p>Шанхайская организация сотрудничества, абзац %d.</p>\n<SCRIPT>var x%d = 1;</Script>\n<style>p{margin:0}</STYLE>\n", i, i)
	}
	b.WriteString("</body></html>\n")
	page := b.String()
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	out, _, _ := stripHTML(page)
	runtime.ReadMemStats(&after)
	if got, limit := after.TotalAlloc-before.TotalAlloc, uint64(8*len(page)); got > limit {
		t.Errorf("stripping a %d-byte page allocated %d bytes, want at most %d", len(page), got, limit)
	}
	if strings.Contains(out, "var x") || strings.Contains(out, "margin") || !strings.Contains(out, "абзац 7.") {
		t.Errorf("scripts and styles not blanked, or prose lost: %.200q", out)
	}
}

// TestResolveDirectivesMany checks that each ignore directive covers the
// first paragraph that starts after it, with one before every paragraph
// (found by halving, not by a scan per directive).
func TestResolveDirectivesMany(t *testing.T) {
	var b strings.Builder
	for i := 0; i < 300; i++ {
		fmt.Fprintf(&b, "<!-- tolmach:ignore term-missing т%d -->\nАбзац %d.\n\n", i, i)
	}
	_, ign, _ := stripHTML(b.String())
	if len(ign) != 300 {
		t.Fatalf("%d suppressions, want 300", len(ign))
	}
	text, _, _ := stripHTML(b.String())
	for i, g := range ign {
		if got := strings.TrimSpace(text[g.Start:g.End]); got != fmt.Sprintf("Абзац %d.", i) || g.Terms[0] != fmt.Sprintf("т%d", i) {
			t.Errorf("directive %d covers %q (terms %v)", i, got, g.Terms)
		}
	}
}
