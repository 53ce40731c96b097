package check

import (
	"math"
	"sort"
	"unicode/utf8"

	"tolmach/tm/align"
)

// The aligner pairs sentences by length and shared anchors, so a short
// sentence added to (or dropped from) a paragraph is often absorbed into a
// 1-2 (or 2-1) bead next to its neighbour rather than left on its own.
// unpairedInBeads finds such sentences: at the edge of a bead, sharing no
// anchor with the other side, and such that the bead's length ratio is
// typical of the document without it and far from typical with it.

// strayGain bounds: without the sentence the bead must be within
// strayFit of the document's typical length ratio, with it beyond
// strayMisfit.
const (
	strayFit    = 1.25
	strayMisfit = 1.5
	strayWords  = 5 // shorter sentences are never called strays
)

// stray is a sentence of a bead with no counterpart on the other side.
type stray struct {
	unit   int
	span   Span
	source bool // a source sentence (an omission), else a target one
}

// typicalRatio returns the median target/source length ratio of the 1-1
// beads, the document's own measure of how long a translation runs.
func typicalRatio(p *Pair) float64 {
	var rs []float64
	for _, u := range p.Units {
		if len(u.Source) == 1 && len(u.Target) == 1 {
			s, t := spanRunes(p.Source, u.Source[0]), spanRunes(p.Target, u.Target[0])
			if s > 0 && t > 0 {
				rs = append(rs, float64(t)/float64(s))
			}
		}
	}
	if len(rs) < 3 {
		return 0
	}
	sort.Float64s(rs)
	return rs[len(rs)/2]
}

func spanRunes(d *Document, s Span) int { return utf8.RuneCountInString(d.Text[s.Start:s.End]) }

// strays returns the stray sentences of p's many-to-one beads.
func strays(p *Pair) []stray {
	r := typicalRatio(p)
	if r == 0 {
		return nil
	}
	var out []stray
	for i := range p.Units {
		u := &p.Units[i]
		switch {
		case len(u.Source) >= 1 && len(u.Target) > len(u.Source):
			if sp, ok := strayIn(p, u.Target, u.Source, p.Target, p.Source, 1/r, false); ok {
				out = append(out, stray{i, sp, false})
			}
		case len(u.Target) >= 1 && len(u.Source) > len(u.Target):
			if sp, ok := strayIn(p, u.Source, u.Target, p.Source, p.Target, r, true); ok {
				out = append(out, stray{i, sp, true})
			}
		}
	}
	return out
}

// strayIn looks at the first and the last sentence of many (in document
// d) against the sentences of one (in document o); ratio is the typical
// length of one's side over many's side.
func strayIn(p *Pair, many, one []Span, d, o *Document, ratio float64, manyIsSource bool) (Span, bool) {
	total := 0
	for _, s := range many {
		total += spanRunes(d, s)
	}
	oneLen := 0
	for _, s := range one {
		oneLen += spanRunes(o, s)
	}
	if oneLen == 0 {
		return Span{}, false
	}
	off := func(manyLen int) float64 {
		return math.Abs(math.Log(float64(oneLen) / (float64(manyLen) * ratio)))
	}
	if off(total) < math.Log(strayMisfit) {
		return Span{}, false
	}
	oneSpan, _ := hull(one)
	for _, k := range []int{0, len(many) - 1} {
		cand := many[k]
		if len(wordsOf(d.Text[cand.Start:cand.End])) < strayWords {
			continue
		}
		if off(total-spanRunes(d, cand)) > math.Log(strayFit) {
			continue
		}
		if sharesAnchor(p, d.Text[cand.Start:cand.End], o.Text[oneSpan.Start:oneSpan.End], d, o, cand, oneSpan, manyIsSource) {
			continue
		}
		return cand, true
	}
	return Span{}, false
}

func wordsOf(s string) []string {
	var ws []string
	for _, t := range analyzeWords(s) {
		ws = append(ws, t)
	}
	return ws
}

// sharesAnchor reports whether two texts have a glossary concept, a
// number or a name in common: evidence that they translate each other.
func sharesAnchor(p *Pair, a, b string, da, db *Document, sa, sb Span, aIsSource bool) bool {
	concepts := func(hs []TermHit, s Span) map[string]bool {
		m := map[string]bool{}
		for _, h := range hs {
			if h.Start >= s.Start && h.End <= s.End {
				m[h.Concept.ID] = true
			}
		}
		return m
	}
	var ca, cb map[string]bool
	if aIsSource {
		ca, cb = concepts(p.SourceTerms, sa), concepts(p.TargetAllTerms, sb)
	} else {
		ca, cb = concepts(p.TargetAllTerms, sa), concepts(p.SourceTerms, sb)
	}
	for id := range ca {
		if cb[id] {
			return true
		}
	}
	for _, an := range []align.Anchorer{align.Numbers, align.Names} {
		set := map[string]bool{}
		for _, x := range an.Anchors(a, da.Lang) {
			set[x] = true
		}
		for _, x := range an.Anchors(b, db.Lang) {
			if set[x] {
				return true
			}
		}
	}
	return false
}
