package check

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"tolmach/internal/lang"
)

// Two readings of a state's name that the target does not render, both
// worth a look (info) rather than an error: the name is a word of a
// longer name the target writes its own way.

// bodyAcronym returns the abbreviation by which the target of the unit of
// Russian source term h, a state's name, perhaps writes the body whose
// name ends in it: «Федеральной авиационной администрации США» as "the
// FAA", «Государственная служба здравоохранения Великобритании» as "the
// NHS" — a body's abbreviation holds its country, and no glossary lists
// every body. terms gives the spans of the target's terms, sorted. The
// name must start with a capitalised word a few words before the state,
// with nothing but words between; the abbreviation is a word in capitals
// of the target that is no glossary term and is not in the source unit.
// "" when there is none.
func bodyAcronym(p *Pair, h TermHit, terms func() []Span) string {
	if p.Source.Lang != lang.RU || h.Concept.Domain != statesDomain {
		return ""
	}
	toks := p.SourceTokens()
	first := sort.Search(len(toks), func(i int) bool { return toks[i].Start >= h.Start })
	if first == 0 || first >= len(toks) || toks[first].Start != h.Start {
		return ""
	}
	named := false
	for k := first - 1; k >= 0 && k > first-7; k-- {
		if toks[k].Kind != lang.Word || strings.TrimSpace(p.Source.Text[toks[k].End:toks[k+1].Start]) != "" {
			break
		}
		if r, _ := utf8.DecodeRuneInString(toks[k].Text); unicode.IsUpper(r) {
			// A capital at a sentence start says nothing of a name.
			named = !startsSentence(p, h.Unit, toks[k].Start) && k < first-1
			break
		}
	}
	if !named {
		return ""
	}
	ts, ok := p.Units[h.Unit].TargetSpan()
	if !ok {
		return ""
	}
	src := p.SourceText(h.Unit)
	for _, t := range tokensIn(p.TargetTokens(), ts) {
		if isAcronym(t) && lang.ScriptOf(t.Text) != lang.Cyrillic && !strings.Contains(src, t.Text) && !covered(terms(), t) {
			return t.Text
		}
	}
	return ""
}

// transliteratedAlone returns the target word that writes a one-word
// state's name of the source by its sounds rather than as the state —
// «Испания» of the Roman province as "Hispania", the hotel «Россия» as
// "the Rossiya" — a capitalised word of the target in the other script
// that spells the source word (tm/align.SameName) and is no glossary
// term (terms gives the spans of the target's terms, sorted): the name of
// something else that shares the state's name. "" when there is none.
func transliteratedAlone(p *Pair, h TermHit, terms func() []Span) string {
	if h.Concept.Domain != statesDomain || !oneWordTerm(p, h.Term) {
		return ""
	}
	src := p.Source.Text[h.Start:h.End]
	ts, ok := p.Units[h.Unit].TargetSpan()
	if !ok {
		return ""
	}
	for _, t := range tokensIn(p.TargetTokens(), ts) {
		if isName(t) && lang.ScriptOf(t.Text) != lang.ScriptOf(src) && !covered(terms(), t) && p.sameName(src, t.Text) {
			return t.Text
		}
	}
	return ""
}
