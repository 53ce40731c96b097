package check

import (
	"unicode"
	"unicode/utf8"

	"tolmach/glossary"
)

// siblingRendering returns the target term by which the unit of source
// term h renders, perhaps, h's concept with a neighbouring concept of the
// same domain that the source unit does not name: «договор» rendered
// "agreement" (the glossary's [agreement], not its [treaty]), «соглашение»
// rendered "treaty". Professional translators use the nearer general
// word where the text does not turn on the distinction, so this is worth a
// look (info), not an error. Names are left out: "Germany" for «Франция»
// is wrong, not near. "" when there is none.
func siblingRendering(p *Pair, h TermHit) string {
	c := h.Concept
	if c.Domain == "" || c.Domain == statesDomain || !generalTerm(h.Term) {
		return ""
	}
	inSource := map[*glossary.Concept]bool{}
	for _, o := range p.SourceAllTerms {
		if o.Unit == h.Unit {
			inSource[o.Concept] = true
		}
	}
	ts, ok := p.Units[h.Unit].TargetSpan()
	if !ok {
		return ""
	}
	for _, o := range p.TargetAllTerms {
		if o.Start < ts.Start || o.End > ts.End || o.Concept == c || inSource[o.Concept] {
			continue
		}
		if o.Concept.Domain == c.Domain && o.Status().Usable() && generalTerm(o.Term) {
			return p.Target.Raw[o.Start:o.End]
		}
	}
	return ""
}

// generalTerm reports whether t is a general word or phrase, written in
// small letters: not a name, a title or an abbreviation.
func generalTerm(t *glossary.Term) bool {
	r, _ := utf8.DecodeRuneInString(t.Text)
	return unicode.IsLower(r) && t.EffectiveType() != glossary.Abbreviation
}
