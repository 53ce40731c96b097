package check

import (
	"tolmach/glossary"
	"tolmach/internal/lang"
)

// termMatcher recognises glossary terms of one language in text.
type termMatcher interface {
	// find returns the longest, non-overlapping matches in text order.
	find(text string) []TermHit
	// findTokens is find over tokens lang.Analyze already made.
	findTokens(toks []lang.Token) []TermHit
	// findAll returns every match, nested ones included.
	findAll(text string) []TermHit
	// findAllTokens is findAll over tokens lang.Analyze already made.
	findAllTokens(toks []lang.Token) []TermHit
	// findBothTokens is findTokens and findAllTokens from one scan.
	findBothTokens(toks []lang.Token) (longest, all []TermHit)
}

// noTerms is the matcher of a language the glossary has no terms in.
type noTerms struct{}

func (noTerms) find(string) []TermHit                { return nil }
func (noTerms) findTokens([]lang.Token) []TermHit    { return nil }
func (noTerms) findAll(string) []TermHit             { return nil }
func (noTerms) findAllTokens([]lang.Token) []TermHit { return nil }
func (noTerms) findBothTokens([]lang.Token) (longest, all []TermHit) {
	return nil, nil
}

// glossaryMatcher adapts glossary.Matcher, the one term recogniser of
// tolmach (a token trie over lang's matching keys).
type glossaryMatcher struct{ m *glossary.Matcher }

// wrapMatcher returns m as a termMatcher (noTerms when m has no terms).
func wrapMatcher(m *glossary.Matcher) termMatcher {
	if m == nil || m.Len() == 0 {
		return noTerms{}
	}
	return glossaryMatcher{m}
}

func hits(ms []glossary.Match) []TermHit {
	out := make([]TermHit, len(ms))
	for i, m := range ms {
		out[i] = TermHit{Concept: m.Concept, Term: m.Term, Start: m.Start, End: m.End, Unit: -1}
	}
	return out
}

func (g glossaryMatcher) find(text string) []TermHit { return hits(g.m.Find(text)) }
func (g glossaryMatcher) findTokens(toks []lang.Token) []TermHit {
	return hits(g.m.FindTokens(toks))
}
func (g glossaryMatcher) findAll(text string) []TermHit { return hits(g.m.FindAll(text)) }
func (g glossaryMatcher) findBothTokens(toks []lang.Token) (longest, all []TermHit) {
	l, a := g.m.FindBothTokens(toks)
	return hits(l), hits(a)
}
func (g glossaryMatcher) findAllTokens(toks []lang.Token) []TermHit {
	return hits(g.m.FindAllTokens(toks))
}
