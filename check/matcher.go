package check

import (
	"sort"

	"tolmach/glossary"
	"tolmach/internal/lang"
)

// termMatcher recognises glossary terms of one language in text.
type termMatcher interface {
	// find returns the longest, non-overlapping matches in text order.
	find(text string) []TermHit
	// findAll returns every match, nested ones included.
	findAll(text string) []TermHit
}

// noTerms is the matcher of a language the glossary has no terms in.
type noTerms struct{}

func (noTerms) find(string) []TermHit    { return nil }
func (noTerms) findAll(string) []TermHit { return nil }

// keyMatcher matches terms by their sequences of lang matching keys.
//
// STAND-IN until glossary.Matcher lands: same contract (token trie over
// matching keys, longest match, overlaps resolved, abbreviations
// case-sensitive).
type keyMatcher struct {
	byFirst map[string][]entry
}

type entry struct {
	c    *glossary.Concept
	t    *glossary.Term
	toks []lang.Token
}

func newTermMatcher(g *glossary.Glossary, l lang.Lang) termMatcher {
	if g == nil {
		return noTerms{}
	}
	m := &keyMatcher{byFirst: map[string][]entry{}}
	for _, c := range g.Concepts {
		for _, t := range c.Terms {
			if t.Lang != string(l) {
				continue
			}
			toks := lang.Analyze(t.Text)
			if len(toks) == 0 {
				continue
			}
			k := toks[0].Key
			m.byFirst[k] = append(m.byFirst[k], entry{c, t, toks})
		}
	}
	if len(m.byFirst) == 0 {
		return noTerms{}
	}
	return m
}

func (m *keyMatcher) matchAt(toks []lang.Token, i int, fn func(e entry, end int)) {
	for _, e := range m.byFirst[toks[i].Key] {
		if i+len(e.toks) > len(toks) {
			continue
		}
		ok := true
		for k, et := range e.toks {
			tt := toks[i+k]
			switch {
			case e.t.Exact && tt.Norm != et.Norm, tt.Key != et.Key:
				ok = false
			case e.t.CaseSensitive && tt.Text != et.Text:
				ok = false
			}
			if !ok {
				break
			}
		}
		if ok {
			fn(e, i+len(e.toks))
		}
	}
}

func (m *keyMatcher) find(text string) []TermHit {
	toks := lang.Analyze(text)
	var out []TermHit
	for i := 0; i < len(toks); {
		best, bestEnd := entry{}, -1
		m.matchAt(toks, i, func(e entry, end int) {
			if end > bestEnd {
				best, bestEnd = e, end
			}
		})
		if bestEnd < 0 {
			i++
			continue
		}
		out = append(out, TermHit{Concept: best.c, Term: best.t, Start: toks[i].Start, End: toks[bestEnd-1].End, Unit: -1})
		i = bestEnd
	}
	return out
}

func (m *keyMatcher) findAll(text string) []TermHit {
	toks := lang.Analyze(text)
	var out []TermHit
	for i := range toks {
		m.matchAt(toks, i, func(e entry, end int) {
			out = append(out, TermHit{Concept: e.c, Term: e.t, Start: toks[i].Start, End: toks[end-1].End, Unit: -1})
		})
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Start < out[j].Start })
	return out
}
