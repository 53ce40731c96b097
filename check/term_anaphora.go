package check

import (
	"slices"
	"sort"
	"unicode"
	"unicode/utf8"

	"tolmach/glossary"
	"tolmach/internal/lang"
)

// A term named once and then referred back to: "the organisation", "the
// bloc", «ведомство», «страна». Translators vary such references, and a
// concept the target has already named may stand for itself in a general
// noun in the next sentence: not an error, but worth a look (info).

// stateNouns refer back to a state (statesDomain): "the country",
// «страна».
var stateNouns = keySet("country", "state", "republic", "kingdom", "страна", "государство", "республика", "королевство")

// hypernyms are general nouns that refer back to a body whose name has
// one of the words they are listed under: «ведомство» for a ministry,
// "the bloc" for a union or an organisation of states.
var hypernyms = map[string][]string{
	"ministry": {"department", "agency"}, "department": {"ministry", "agency"}, "agency": {"body"},
	"министерство": {"ведомство"}, "служба": {"ведомство"}, "агентство": {"ведомство"}, "департамент": {"ведомство"},
	"union": {"bloc"}, "organisation": {"bloc", "body"}, "organization": {"bloc", "body"}, "alliance": {"bloc"},
	"союз": {"блок", "объединение", "сообщество"}, "организация": {"блок", "объединение", "структура"}, "альянс": {"блок"},
	"treaty": {"agreement", "document", "pact"}, "agreement": {"document", "deal"}, "договор": {"соглашение", "документ"},
	"соглашение": {"документ", "сделка"}, "convention": {"treaty", "document"}, "конвенция": {"договор", "документ"},
}

// anaphoricDeterminers come before an anaphoric noun in English ("the
// bloc", "this organisation"); Russian needs none («ведомство сообщило»).
var anaphoricDeterminers = keySet("the", "this", "that", "these", "those")

// anaphoricKeys returns the matching keys of the general nouns that may
// refer back to concept h.Concept in the target language: the words of
// its own target terms (the head of "Bank of Russia" is "the bank"), their
// hypernyms, and "the country" for a state.
func anaphoricKeys(p *Pair, h TermHit) map[string]bool {
	out := map[string]bool{}
	if h.Concept.Domain == statesDomain {
		for k := range stateNouns {
			out[k] = true
		}
	}
	for _, t := range h.Concept.Terms {
		if t.Lang != string(p.Target.Lang) || t.EffectiveType() == glossary.Abbreviation {
			continue
		}
		toks := p.termTokens(t.Text)
		if r, _ := utf8.DecodeRuneInString(t.Text); len(toks) < 2 || !unicode.IsUpper(r) {
			// A one-word term is its own only rendering; and only a name
			// ("Bank of Russia", not "climate change") is referred back
			// to by its head noun.
			continue
		}
		for _, w := range toks {
			if w.Kind != lang.Word || w.Upper() {
				continue
			}
			out[w.Key] = true
			for _, hy := range hypernyms[w.Norm] {
				for _, k := range lang.Keys(hy) {
					out[k] = true
				}
			}
		}
	}
	return out
}

// anaphora holds what anaphoricRendering needs of a pair's target, worked
// out once: asked for every unrendered term, a scan of all the target's
// terms each time would make a check against a large glossary quadratic.
type anaphora struct {
	first map[*glossary.Concept]int // the first unit whose target renders a concept
	keys  map[*glossary.Concept]map[string]bool
}

func newAnaphora(p *Pair) *anaphora {
	a := &anaphora{first: map[*glossary.Concept]int{}, keys: map[*glossary.Concept]map[string]bool{}}
	for _, o := range p.TargetAllTerms {
		if o.Unit < 0 {
			continue
		}
		if f, ok := a.first[o.Concept]; o.Status().Usable() && (!ok || o.Unit < f) {
			a.first[o.Concept] = o.Unit
		}
	}
	return a
}

// rendering returns the general noun by which the target of the unit of
// source term h may refer back to the concept, which the target has
// already named in an earlier unit; "" when there is none.
func (a *anaphora) rendering(p *Pair, h TermHit) string {
	if f, ok := a.first[h.Concept]; !ok || f >= h.Unit {
		return ""
	}
	ts, ok := p.Units[h.Unit].TargetSpan()
	if !ok {
		return ""
	}
	nouns, ok := a.keys[h.Concept]
	if !ok {
		nouns = anaphoricKeys(p, h)
		a.keys[h.Concept] = nouns
	}
	toks := tokensIn(p.TargetTokens(), ts)
	for i, t := range toks {
		if t.Kind != lang.Word || !nouns[t.Key] || anaphoricStopWords[t.Key] || inOtherTerm(p, h.Concept, t) {
			continue
		}
		if p.Target.Lang == lang.EN {
			// "the organisation": a determiner right before.
			if i == 0 || !anaphoricDeterminers[toks[i-1].Key] {
				continue
			}
			return p.Target.Raw[toks[i-1].Start:t.End]
		}
		return p.Target.Raw[t.Start:t.End]
	}
	return ""
}

// inOtherTerm reports whether target token t is inside a term of a
// concept other than c: "the Security Council" refers to no council named
// before, it names its own. TargetAllTerms is sorted by start, and a term
// is a few words long.
func inOtherTerm(p *Pair, c *glossary.Concept, t lang.Token) bool {
	j := sort.Search(len(p.TargetAllTerms), func(i int) bool { return p.TargetAllTerms[i].Start > t.Start })
	for k := j - 1; k >= 0 && k >= j-64; k-- {
		if o := p.TargetAllTerms[k]; o.Concept != c && o.End >= t.End {
			return true
		}
	}
	return false
}

// anaphoricStopWords are words of terms that refer back to nothing by
// themselves: "the national", "the foreign", «государственный».
var anaphoricStopWords = keySet("national", "foreign", "international", "federal", "general", "united",
	"of", "the", "and", "for", "on", "in", "affairs", "federation",
	"международный", "федеральный", "государственный", "национальный", "иностранный", "дело", "по", "и")

// shortFormJoiners end the head of an English name: the head of "House of
// Representatives" is "House", of "Ministry for Foreign Affairs"
// "Ministry"; a name without them ends in its head ("State Duma").
var shortFormJoiners = keySet("of", "for", "on")

// shortForm returns the word by which the English target of the unit of
// source term h names the body by the head noun of its name alone,
// capitalised as English writes such short forms: "the House" or "34
// House seats" or "the US House" for the House of Representatives, "the
// Commission" for the European Commission. The word must stand alone: a
// capitalised word right before it (other than a determiner or an
// abbreviation such as US) or right after it, or an "of"
// after it, makes it part of another name ("the White House", "Federal
// Monopoly Service", "House of Lords"), and so does another concept's term
// around it. "" when there is none.
func shortForm(p *Pair, h TermHit, expected []string) string {
	if p.Target.Lang != lang.EN || h.Concept.Domain == statesDomain {
		return "" // the head of a place's name is another place: the Pacific is no Asia-Pacific
	}
	ts, ok := p.Units[h.Unit].TargetSpan()
	if !ok {
		return ""
	}
	var buf [4]string
	heads := buf[:0] // the keys of the heads: a name or two per concept
	for _, e := range expected {
		var first, head lang.Token
		words, joined := 0, false
		for _, t := range p.termTokens(e) {
			if t.Kind != lang.Word {
				continue
			}
			if words == 0 {
				first = t
			}
			words++
			if !joined && shortFormJoiners[t.Key] {
				joined = true // the head is the word before it
			} else if !joined {
				head = t
			}
		}
		if words < 2 || !startsUpper(first.Text) {
			continue // one word is its own only rendering; "climate change" is no name
		}
		if startsUpper(head.Text) && !head.Upper() && !anaphoricStopWords[head.Key] {
			heads = append(heads, head.Key)
		}
	}
	if len(heads) == 0 {
		return ""
	}
	toks := tokensIn(p.TargetTokens(), ts)
	for i, t := range toks {
		if t.Kind != lang.Word || !slices.Contains(heads, t.Key) || !startsUpper(t.Text) || t.Upper() {
			continue
		}
		if i > 0 && toks[i-1].Kind == lang.Word && startsUpper(toks[i-1].Text) && !anaphoricDeterminers[toks[i-1].Key] && !toks[i-1].Upper() {
			continue
		}
		if i+1 < len(toks) && toks[i+1].Kind == lang.Word && (startsUpper(toks[i+1].Text) || shortFormJoiners[toks[i+1].Key]) {
			continue
		}
		if inOtherTerm(p, h.Concept, t) {
			continue
		}
		return p.Target.Raw[t.Start:t.End]
	}
	return ""
}

// startsUpper reports whether s starts with a capital letter.
func startsUpper(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r)
}
