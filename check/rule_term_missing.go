package check

import (
	"fmt"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"tolmach/internal/lang"
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
		if attributiveName(p, h) {
			continue
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

// attributiveName reports whether an English source match is a one-word
// name (a country, an organisation's abbreviation) used as a modifier —
// part of a compound ("Russia–China trade"), a possessive ("China's
// initiative") or before a noun ("US missiles") — which Russian renders
// as an adjective (российско-китайский, китайский, американский) that no
// glossary lists as the name's equivalent.
func attributiveName(p *Pair, h TermHit) bool {
	if p.Source.Lang != lang.EN {
		return false
	}
	tt := lang.Analyze(h.Term.Text)
	if len(tt) != 1 {
		return false
	}
	r, _ := utf8.DecodeRuneInString(h.Term.Text)
	if !unicode.IsUpper(r) {
		return false
	}
	toks := p.SourceTokens()
	i := sort.Search(len(toks), func(i int) bool { return toks[i].End > h.Start })
	if i >= len(toks) {
		return false
	}
	tok := toks[i]
	if tok.Start < h.Start || tok.End > h.End {
		return true // a part of a hyphenated compound
	}
	word := tok.Text
	if strings.HasSuffix(word, "'s") || strings.HasSuffix(word, "’s") {
		return true
	}
	if i+1 < len(toks) {
		next := toks[i+1]
		between := p.Source.Text[tok.End:next.Start]
		nr, _ := utf8.DecodeRuneInString(next.Text)
		if strings.TrimSpace(between) == "" && next.Kind == lang.Word && unicode.IsLower(nr) && !englishFunctionWords[next.Norm] {
			return true
		}
	}
	return false
}

// englishFunctionWords are the words after which a name is not a
// modifier ("Russia and China", "the US is").
var englishFunctionWords = map[string]bool{
	"and": true, "or": true, "but": true, "of": true, "in": true, "on": true, "at": true, "to": true, "for": true,
	"from": true, "with": true, "by": true, "as": true, "is": true, "are": true, "was": true, "were": true,
	"has": true, "have": true, "had": true, "will": true, "would": true, "can": true, "could": true, "may": true,
	"might": true, "should": true, "must": true, "does": true, "did": true, "do": true, "that": true, "which": true,
	"who": true, "also": true, "still": true, "not": true, "than": true, "into": true, "over": true, "itself": true,
	"said": true, "says": true, "wants": true, "sees": true, "remains": true, "became": true, "becomes": true,
	"plus": true, "against": true, "under": true, "after": true, "before": true, "since": true, "until": true,
	"while": true, "because": true, "if": true, "when": true, "where": true, "its": true, "their": true, "his": true, "her": true,
}
