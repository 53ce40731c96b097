package check

import (
	"fmt"
)

// termMissing reports a glossary term of a source segment with no
// preferred or admitted equivalent in the aligned target segment.
type termMissing struct{}

func (termMissing) Name() string { return "term-missing" }
func (termMissing) Description() string {
	return "A glossary term occurs in the source segment, and no preferred or admitted equivalent occurs in the aligned target segment."
}
func (termMissing) DefaultSeverity() Severity { return Error }

// reach is how many units on either side of its own a term's equivalent
// is looked for in: alignment may be off by one segment, and by more
// where the aligner itself is unsure.
func reach(u *Unit) int {
	if u.Low {
		return 2
	}
	return 1
}

func (r termMissing) Check(p *Pair) []Finding {
	// rendered[u][concept] holds when the target of unit u has a term of
	// the concept: usable (1) or deprecated/forbidden only (2).
	rendered := make([]map[string]int, len(p.Units))
	for _, h := range p.TargetAllTerms {
		if h.Unit < 0 {
			continue
		}
		if rendered[h.Unit] == nil {
			rendered[h.Unit] = map[string]int{}
		}
		v := 2
		if h.Status().Usable() {
			v = 1
		}
		if old, ok := rendered[h.Unit][h.Concept.ID]; !ok || v < old {
			rendered[h.Unit][h.Concept.ID] = v
		}
	}
	var out []Finding
	for i, h := range p.SourceTerms {
		if h.Unit < 0 || (i > 0 && sameSpan(p.SourceTerms[i-1], h)) {
			continue
		}
		// The same words may be a term of several concepts: any of them
		// rendered will do.
		alts := []TermHit{h}
		for k := i + 1; k < len(p.SourceTerms) && sameSpan(p.SourceTerms[k], h); k++ {
			alts = append(alts, p.SourceTerms[k])
		}
		u := &p.Units[h.Unit]
		if len(u.Target) == 0 {
			continue // the whole segment is missing: segment-missing says so
		}
		expected := usableTerms(h.Concept, string(p.Target.Lang))
		if len(expected) == 0 {
			continue // nothing to expect in this language
		}
		found := 0
		for d := -reach(u); d <= reach(u) && found != 1; d++ {
			k := h.Unit + d
			if k < 0 || k >= len(p.Units) || rendered[k] == nil {
				continue
			}
			for _, a := range alts {
				if v, ok := rendered[k][a.Concept.ID]; ok && (found == 0 || v < found) {
					found = v
				}
			}
		}
		if found != 0 {
			// Rendered, or rendered by a deprecated or forbidden term,
			// which term-forbidden reports with the fix.
			continue
		}
		tgt := p.TargetLoc(h.Unit, 0, 0)
		out = append(out, Finding{
			Rule:     r.Name(),
			Severity: Error,
			Message: fmt.Sprintf("%s is not rendered as %s", quote(p.Source.Lang, p.Source.Raw[h.Start:h.End]),
				quoteList(expected, "or")),
			Source:     p.SourceLoc(h.Unit, h.Start, h.End),
			Target:     tgt,
			Term:       p.termRef(h.Concept, h.Term),
			Suggestion: fmt.Sprintf("render it as %q", expected[0]),
			Unit:       h.Unit,
		})
	}
	return out
}

// sameSpan reports whether two hits cover the same text.
func sameSpan(a, b TermHit) bool { return a.Start == b.Start && a.End == b.End }
