package check

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"tolmach/glossary"
	"tolmach/internal/lang"
)

// Renderings of a term that its glossary entry does not list but a
// professional translation writes all the time, each reported as info
// saying what was found (the severity model: an error only where the
// target has no rendering of the concept at all): a name in small
// letters («конгресс» for «Конгресс [США]»), a post referred back to by a
// pronoun ("— заявил посол" as "he said"), and a term whose words the
// target has apart ("flight of capital" for «бегство капитала»).

// lowerCaseName returns the word of the target of source term h's unit
// that is a one-word name of the concept written in small letters
// («в конгрессе» for «Конгресс [США]», "the duma"), or "". A one-word
// name matches only a capitalised word (glossary.Matcher: «Куба» is not
// «кубов»), which is right for finding terms, but a translation that
// writes the body's name in small letters has still named it. Names of
// under five letters are left out: short stems meet common words.
func lowerCaseName(p *Pair, h TermHit) string {
	ts, ok := p.Units[h.Unit].TargetSpan()
	if !ok {
		return ""
	}
	var keys []string
	for _, t := range h.Concept.Terms {
		if t.Lang != string(p.Target.Lang) || !h.Concept.EffectiveStatus(t).Usable() {
			continue
		}
		for _, f := range t.Forms() {
			toks := p.termTokens(f)
			if len(toks) != 1 || toks[0].Kind != lang.Word || toks[0].Upper() || !startsUpper(toks[0].Text) ||
				utf8.RuneCountInString(toks[0].Norm) < 5 {
				continue
			}
			keys = append(keys, toks[0].Key)
		}
	}
	if len(keys) == 0 {
		return ""
	}
	for _, t := range tokensIn(p.TargetTokens(), ts) {
		if r, _ := utf8.DecodeRuneInString(t.Text); t.Kind != lang.Word || !unicode.IsLower(r) {
			continue
		}
		for _, k := range keys {
			if t.Key == k {
				return t.Text
			}
		}
	}
	return ""
}

// personHeads are the last words of the English names of posts: a
// concept whose English term ends in one names a person, whom a
// translation may refer back to by a pronoun.
var personHeads = keySet("ambassador", "minister", "president", "secretary", "spokesman", "spokeswoman",
	"spokesperson", "envoy", "representative", "chairman", "chairwoman", "chair", "head", "chief", "leader",
	"premier", "chancellor", "diplomat", "commissioner", "director", "governor", "mayor", "senator", "consul",
	"counsellor", "counselor", "speaker", "ombudsman", "prosecutor", "commander", "king", "queen", "monarch",
	"emperor", "attaché", "attache", "general", "ombudsperson", "coordinator", "rapporteur", "negotiator")

// personPronouns are the folded personal pronouns of one person, by
// language: what "— заявил посол" becomes in "he said".
var personPronouns = map[lang.Lang]map[string]bool{
	lang.EN: {"he": true, "she": true, "him": true, "her": true, "his": true},
	lang.RU: {"он": true, "она": true, "его": true, "ее": true, "ему": true, "ей": true, "им": true, "ним": true,
		"него": true, "нее": true, "нему": true, "ней": true, "нем": true, "ею": true, "нею": true},
}

// isPost reports whether concept c names a person's post: one of its
// English terms ends in a word of personHeads.
func isPost(p *Pair, c *glossary.Concept) bool {
	for _, t := range c.Terms {
		if t.Lang != string(lang.EN) {
			continue
		}
		toks := p.termTokens(t.FullText())
		for i := len(toks) - 1; i >= 0; i-- {
			if toks[i].Kind == lang.Word {
				if personHeads[toks[i].Key] {
					return true
				}
				break
			}
		}
	}
	return false
}

// pronounRendering returns the personal pronoun by which the target of
// source term h's unit may refer to the holder of the post h names, or
// "": the source names the post again ("— сказал посол") where the
// translation, the person introduced, says "he said". The post must be
// named in an earlier unit of the source, so that the person is known by
// then; firstSource is the first unit whose source names each concept.
func pronounRendering(p *Pair, h TermHit, firstSource map[*glossary.Concept]int) string {
	if f, ok := firstSource[h.Concept]; !ok || f >= h.Unit {
		return ""
	}
	pron := personPronouns[p.Target.Lang]
	if pron == nil || !isPost(p, h.Concept) {
		return ""
	}
	ts, ok := p.Units[h.Unit].TargetSpan()
	if !ok {
		return ""
	}
	for _, t := range tokensIn(p.TargetTokens(), ts) {
		if t.Kind == lang.Word && pron[t.Norm] {
			return t.Text
		}
	}
	return ""
}

// wordsApart returns the words of the target of source term h's unit that
// render every content word of one of the expected terms of two words or
// more, though not side by side or not in the term's order ("a flight of
// capital" for "capital flight", «изменения погоды и климата» for
// «изменение климата», "visited privately" for "private visit"), or nil.
// A word counts as the expected one as derivedWord says.
func wordsApart(p *Pair, h TermHit, expected []string) []string {
	ts, ok := p.Units[h.Unit].TargetSpan()
	if !ok {
		return nil
	}
	toks := tokensIn(p.TargetTokens(), ts)
	for _, e := range expected {
		var found []string
		words := 0
		for _, w := range p.termTokens(e) {
			if !contentWord(w) {
				continue
			}
			words++
			if t, ok := derivedWord(w, toks); ok {
				found = append(found, t)
			} else {
				break
			}
		}
		if words >= 2 && len(found) == words {
			return found
		}
	}
	return nil
}

// derivedWord returns the first of toks that is word w: the same
// matching key, or an English adverb made from the adjective
// ("privately" for "private"). A Russian derivation is no such word: an
// adjective's noun written as another noun («автономность» for
// «автономия») is a loose rendering of the term, which is worth its
// finding.
func derivedWord(w lang.Token, toks []lang.Token) (string, bool) {
	// Whether w may have an adverb, worked out once for the unit's words,
	// not once for each: against a general dictionary the words of every
	// unrendered term are looked for here.
	runes := utf8.RuneCountInString(w.Norm)
	adverb := runes >= 5 && lang.ScriptOf(w.Norm) == lang.Latin
	for _, t := range toks {
		if t.Kind != lang.Word {
			continue
		}
		if t.Key == w.Key {
			return t.Text, true
		}
		if adverb && strings.HasSuffix(t.Norm, "ly") && lang.CommonPrefixRunes(w.Norm, t.Norm) >= runes-1 {
			return t.Text, true
		}
	}
	return "", false
}

// headWords name the head of a body before the body's name in Russian
// («глава МИД», «руководитель ведомства») and after it in English ("the
// Pentagon chief", "the NATO boss"), in any case; headOf are the English
// words before it ("head of the Pentagon").
var (
	ruHeadWords = keySet("глава", "руководитель", "шеф")
	enHeadWords = keySet("chief", "head", "boss", "leader", "director")
	enHeadOf    = keySet("head", "chief", "leader", "director")
)

// postWords are the words of a post's name that render "the head of X" as
// the post: "Foreign Minister" for «глава МИД», «министр обороны США» for
// "the Pentagon chief".
var postWords = map[lang.Lang]map[string]bool{
	lang.EN: keySet("minister", "secretary", "chief", "head", "president", "director", "chairman", "chair",
		"commissioner", "leader", "boss", "governor", "mayor", "chancellor", "premier"),
	lang.RU: keySet("министр", "госсекретарь", "секретарь", "генсек", "глава", "председатель", "президент",
		"директор", "руководитель", "комиссар", "лидер", "шеф", "губернатор", "мэр", "канцлер", "премьер"),
}

// headOfBody returns the word of the target of source term h's unit by
// which the translation names the post of the body's head, where the
// source names the body only as the head's («глава Пентагона» as "the
// Defense Secretary", "the Pentagon chief" as «министр обороны США»), or
// "": the body is then rendered in the post's name, not by its own.
func headOfBody(p *Pair, h TermHit) string {
	toks := p.SourceTokens()
	i := sort.Search(len(toks), func(i int) bool { return toks[i].Start >= h.Start })
	j := sort.Search(len(toks), func(i int) bool { return toks[i].Start >= h.End })
	head := false
	switch p.Source.Lang {
	case lang.RU:
		head = i > 0 && ruHeadWords[toks[i-1].Key]
	case lang.EN:
		head = j < len(toks) && enHeadWords[toks[j].Key]
		// "head of the Pentagon", "chief of the General Staff".
		for k := i - 1; !head && k >= 0 && k >= i-3; k-- {
			if toks[k].Key == "of" {
				head = k > 0 && enHeadOf[toks[k-1].Key]
				break
			}
			if toks[k].Key != "the" {
				break
			}
		}
	}
	if !head {
		return ""
	}
	return targetWordOf(p, h.Unit, postWords[p.Target.Lang])
}

// targetWordOf returns the first word of unit u's target whose matching
// key is one of keys, or "".
func targetWordOf(p *Pair, u int, keys map[string]bool) string {
	ts, ok := p.Units[u].TargetSpan()
	if !ok {
		return ""
	}
	for _, t := range tokensIn(p.TargetTokens(), ts) {
		if t.Kind == lang.Word && keys[t.Key] {
			return t.Text
		}
	}
	return ""
}

// nationalWords say "of the country the text is about" without naming it:
// «по всей России» as "nationwide", «чемпионат России» as "the national
// championship", "US flights" as «внутренние рейсы».
var nationalWords = keySet("national", "nationwide", "domestic", "federal", "countrywide",
	"национальный", "общенациональный", "внутренний", "федеральный", "всероссийский", "общероссийский")

// nationalWord returns the word of nationalWords by which the target of
// source state h's unit may refer to the state, which the target has
// named in an earlier unit; "" otherwise.
func (a *anaphora) nationalWord(p *Pair, h TermHit) string {
	if h.Concept.Domain != statesDomain {
		return ""
	}
	if f, ok := a.first[h.Concept]; !ok || f >= h.Unit {
		return ""
	}
	return targetWordOf(p, h.Unit, nationalWords)
}
