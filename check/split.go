package check

import (
	"math"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"tolmach/internal/lang"
	"tolmach/tm/align"
)

// The aligner pairs sentences by length and shared anchors, so a short
// sentence added to (or dropped from) a paragraph is often absorbed into a
// 1-2 (or 2-1) bead next to its neighbour rather than left on its own.
// unpairedInBeads finds such sentences: at the edge of a bead, sharing no
// anchor with the other side, and such that the bead's length ratio is
// typical of the document without it and far from typical with it.

// Without a stray, a bead's length ratio must be within strayMisfit of
// the document's typical one; sentences shorter than strayWords words are
// never called strays.
const (
	strayMisfit = 1.5
	strayWords  = 5
	// strayLong is how far beyond the typical length ratio a bead must
	// run for its length alone to say a sentence is extra.
	strayLong = 1.3
	// strayWordsAlone is the length of a sentence with no anchor at all
	// that is called a stray on the evidence of length alone.
	strayWordsAlone = 8
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
// length of one's side over many's side. A stray shares no anchor with
// one while the rest of many does; it has an anchor of its own that one
// lacks (it speaks of something else); and without it the bead's length
// ratio is plausible. Without an anchor of its own, the bead must be too
// long with it and fit better without it, or the sentence must be long
// and the bead fit well without it.
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
	oneSpan, _ := hull(one)
	oneText := o.Text[oneSpan.Start:oneSpan.End]
	if lang.UnsplitStops(oneText) {
		// One's side has sentences the splitter could not see (a stop
		// before a small letter, as reviews and posts write): it says
		// in fewer sentences what many says, and nothing strays.
		return Span{}, false
	}
	for _, k := range []int{0, len(many) - 1} {
		cand := many[k]
		candText := d.Text[cand.Start:cand.End]
		if len(wordsOf(candText)) < strayWords || off(total-spanRunes(d, cand)) > math.Log(strayMisfit) {
			continue
		}
		rest := many[1:]
		if k != 0 {
			rest = many[:len(many)-1]
		}
		restSpan, _ := hull(rest)
		shared, _ := anchorsShared(p, candText, oneText, d, o, cand, oneSpan, manyIsSource)
		restShared, _ := anchorsShared(p, d.Text[restSpan.Start:restSpan.End], oneText, d, o, restSpan, oneSpan, manyIsSource)
		_, own := anchorsShared(p, candText, oneText, d, o, cand, oneSpan, manyIsSource)
		// Evidence that the candidate speaks of something else: an anchor
		// of its own, or a bead that is too long with it and fits without.
		// Without either, a sentence long enough to say something of its
		// own, leaving a bead whose length fits well.
		lengthSays := off(total) > math.Log(strayLong) && off(total-spanRunes(d, cand)) < off(total) ||
			len(wordsOf(candText)) >= strayWordsAlone && off(total-spanRunes(d, cand)) < math.Log(strayLong)
		if shared || !restShared || !(own || lengthSays) {
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

// anchorsShared reports whether two texts have a glossary concept, a
// number or a name in common — evidence that they translate each other —
// and whether a has an anchor that b lacks.
func anchorsShared(p *Pair, a, b string, da, db *Document, sa, sb Span, aIsSource bool) (shared, own bool) {
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
	// The other side's concepts in any form: a nested or deprecated term
	// still says the concept is there.
	if aIsSource {
		for id := range concepts(p.TargetTerms, sb) {
			cb[id] = true
		}
	}
	for id := range ca {
		if cb[id] {
			shared = true
		} else {
			own = true
		}
	}
	// Numbers, and names: the built-in name anchors of capitalised words
	// only, since its cognate anchors of long common words (discussion,
	// дискуссионный) are no evidence of a translation.
	for i, an := range []align.Anchorer{align.Numbers, align.Names} {
		ta, tb := a, b
		if i == 1 {
			ta, tb = capitalised(a), capitalised(b)
		}
		set := map[string]bool{}
		for _, x := range an.Anchors(tb, db.Lang) {
			set[x] = true
		}
		for _, x := range an.Anchors(ta, da.Lang) {
			if set[x] {
				shared = true
			} else {
				own = true
			}
		}
	}
	return shared, own
}

// capitalised keeps the words of s that start with a capital, the first
// word of the sentence left out.
func capitalised(s string) string {
	var ws []string
	for i, t := range lang.Analyze(s) {
		if i == 0 || t.Kind != lang.Word {
			continue
		}
		if r, _ := utf8.DecodeRuneInString(t.Text); unicode.IsUpper(r) {
			ws = append(ws, t.Text)
		}
	}
	return strings.Join(ws, " ")
}
