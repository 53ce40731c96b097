package check

import (
	"sort"
	"unicode"
	"unicode/utf8"

	"tolmach/glossary"
	"tolmach/internal/lang"
)

// A one-word name of the glossary at the start of a sentence may be a
// common word: its capital tells nothing there («Вена на её шее» is a
// vein, not Vienna; «Турция» is not ambiguous, but a checker cannot tell
// which is which without a dictionary). The glossary's sense comes with
// company: a sentence about a state or a city names other states,
// bodies or terms of the field. Where the source sentence names nothing
// else of the glossary, a missing rendering of such a word is worth a
// look (info), not an error: one capital at a sentence start is not
// enough evidence to call a translation wrong. (General words in small
// letters are told apart by their concepts' context: words, data/.)

// senseUnsure reports whether source term h is a one-word name (not an
// abbreviation) at the start of a sentence of a source unit that holds
// no term of another concept.
func senseUnsure(p *Pair, h TermHit) bool {
	if h.Term.EffectiveType() == glossary.Abbreviation || !oneWordTerm(p, h.Term) {
		return false
	}
	if !sentenceStart(p, h) {
		return false
	}
	ss, ok := p.Units[h.Unit].SourceSpan()
	if !ok {
		return false
	}
	// SourceTerms are sorted by start: only the unit's are looked at.
	hs := p.SourceTerms
	for i := sort.Search(len(hs), func(i int) bool { return hs[i].Start >= ss.Start }); i < len(hs) && hs[i].Start < ss.End; i++ {
		if o := hs[i]; o.Concept != h.Concept && !sameSpan(o, h) {
			return false
		}
	}
	return true
}

// oneWordTerm reports whether t is written as a single word.
func oneWordTerm(p *Pair, t *glossary.Term) bool {
	words := 0
	for _, tok := range p.termTokens(t.Text) {
		if tok.Kind != lang.Word {
			return false
		}
		words++
	}
	return words == 1
}

// sentenceStart reports whether source hit h, a capitalised term, is the
// first word of a sentence of its unit, where a capital says nothing of
// a name.
func sentenceStart(p *Pair, h TermHit) bool {
	r, _ := utf8.DecodeRuneInString(h.Term.Text)
	return unicode.IsUpper(r) && startsSentence(p, h.Unit, h.Start)
}

// startsSentence reports whether the source word at byte offset off is
// the first word of a sentence of unit u.
func startsSentence(p *Pair, u, off int) bool {
	toks := p.SourceTokens()
	for _, s := range p.Units[u].Source {
		if off < s.Start || off >= s.End {
			continue
		}
		for _, t := range tokensIn(toks, s) {
			if t.Kind == lang.Word {
				return t.Start == off
			}
		}
	}
	return false
}
