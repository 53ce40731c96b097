package check

import (
	"fmt"
	"unicode"
	"unicode/utf8"

	"tolmach/internal/lang"
)

// termPartial reports a source term rendered by part of its expected
// equivalent (see partialRendering): «товарооборот» as "trade" where the
// glossary has "trade turnover". Translations shorten so, often rightly; term-missing
// would call it missing, which an editor would dismiss, so it is a rule
// of its own, a warning by default. (An extension of the contract's
// rules.)
type termPartial struct{}

func (termPartial) Name() string { return "term-partial" }
func (termPartial) Description() string {
	return "A glossary term of the source is rendered by only part of its equivalent in the aligned target segment (a one-word term by part of a several-word one, an adjective-and-noun term by the noun)."
}
func (termPartial) DefaultSeverity() Severity { return Warning }

func (r termPartial) Check(p *Pair) []Finding {
	var out []Finding
	for _, m := range unrenderedTerms(p) {
		if m.part == "" {
			continue // term-missing's
		}
		part := quote(p.Target.Lang, m.part)
		out = append(out, m.finding(p, r.Name(), Warning,
			fmt.Sprintf("%s is rendered only in part: the target has %s but not %s", m.source(p), part, quoteList(p.Target.Lang, m.expected, "or")),
			"render it as "+quote(p.Target.Lang, m.expected[0])+", or add "+part+" to the glossary as admitted"))
	}
	return out
}

// partialRendering returns the word of a term's unit's target that
// renders part of an expected term written in lower case, or "": for a
// source term of one word, a content word of an expected term of two
// words or more («товарооборот», "trade turnover" in the glossary, is
// "trade" in many a good translation); for a longer source term, the
// last word (the noun) of an expected term of two («взаимная торговля»,
// "mutual trade", as "trade between Russia and India"). A longer term
// rendered in part ("right of veto" as «право решающего голоса») is no
// such case, and names are left out: "Shanghai Cooperation Council" is a
// wrong name, not a shortened one.
func partialRendering(p *Pair, h TermHit, expected []string) string {
	ts, ok := p.Units[h.Unit].TargetSpan()
	if !ok {
		return ""
	}
	oneWord := len(p.termTokens(h.Term.Text)) == 1
	keys := map[string]bool{}
	for _, e := range expected {
		toks := p.termTokens(e)
		if len(toks) < 2 || !oneWord && len(toks) != 2 {
			continue
		}
		if !oneWord {
			// A term of two words, adjective and noun, rendered by the noun
			// alone ("mutual trade" as "trade between Russia and India"):
			// only the noun, the last word, counts.
			toks = toks[1:]
		}
		name := false
		for _, t := range toks {
			r, _ := utf8.DecodeRuneInString(t.Text)
			name = name || unicode.IsUpper(r)
		}
		if name {
			continue
		}
		for _, t := range toks {
			if contentWord(t) {
				keys[t.Key] = true
			}
		}
	}
	if len(keys) == 0 {
		return ""
	}
	for _, t := range tokensIn(p.TargetTokens(), ts) {
		if keys[t.Key] && contentWord(t) {
			return t.Text
		}
	}
	return ""
}

// contentWord reports whether t is a word that carries meaning of its
// own: four letters or more, not a function word.
func contentWord(t lang.Token) bool {
	return t.Kind == lang.Word && utf8.RuneCountInString(t.Norm) >= 4 &&
		!englishFunctionWords[t.Norm] && !englishDeterminers[t.Norm] && !russianFunctionWords[t.Norm]
}

// russianFunctionWords are the longer Russian prepositions, conjunctions
// and pronouns, which no term is rendered by.
var russianFunctionWords = map[string]bool{
	"между": true, "после": true, "перед": true, "через": true, "около": true, "также": true, "этот": true,
	"этого": true, "этой": true, "который": true, "которые": true, "которых": true, "когда": true, "чтобы": true,
	"более": true, "менее": true, "против": true, "среди": true, "вокруг": true, "однако": true, "если": true,
}
