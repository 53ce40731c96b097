package check

import (
	"fmt"
	"unicode"
	"unicode/utf8"

	"tolmach/internal/lang"
)

// termPartial reports a one-word source term rendered by part of its
// expected equivalent: «товарооборот» as "trade" where the glossary has
// "trade turnover". Translations shorten so, often rightly; term-missing
// would call it missing, which an editor would dismiss, so it is a rule
// of its own, a warning by default. (An extension of the contract's
// rules.)
type termPartial struct{}

func (termPartial) Name() string { return "term-partial" }
func (termPartial) Description() string {
	return "A one-word glossary term of the source is rendered by only part of its several-word equivalent in the aligned target segment."
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

// partialRendering returns, for a source term of one word, the word of
// its unit's target that renders a content word of an expected term of
// two words or more written in lower case, or "". One word rendered by
// several is where translations shorten: «товарооборот» is "trade
// turnover" in the glossary and "trade" in many a good translation. A
// term of several words rendered in part ("right of veto" as «право
// решающего голоса») is no such case, and names are left out: "Shanghai
// Cooperation Council" is a wrong name, not a shortened one.
func partialRendering(p *Pair, h TermHit, expected []string) string {
	ts, ok := p.Units[h.Unit].TargetSpan()
	if !ok || len(lang.Analyze(h.Term.Text)) != 1 {
		return ""
	}
	keys := map[string]bool{}
	for _, e := range expected {
		toks := lang.Analyze(e)
		if len(toks) < 2 {
			continue
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
