package check

import (
	"fmt"
	"runtime"
	"slices"
	"sort"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"tolmach/glossary"
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
	var out []Finding
	for _, m := range unrenderedTerms(p) {
		if m.part != "" {
			continue // term-partial's
		}
		if msg, hint, ok := m.otherRendering(p); ok {
			out = append(out, m.finding(p, r.Name(), Info, msg, hint))
			continue
		}
		out = append(out, m.finding(p, r.Name(), Error,
			fmt.Sprintf("%s is not rendered as %s", m.source(p), quoteList(p.Target.Lang, m.expected, "or")),
			"render it as "+quote(p.Target.Lang, m.expected[0])))
	}
	return out
}

// otherRendering says how a term not rendered as the glossary asks is
// perhaps rendered all the same — by a metonym, an anaphor, its title's
// own rendering, without its state, or by a neighbouring concept's term —
// as the message and hint of an info finding; ok is false when nothing
// was found.
func (m *unrendered) otherRendering(p *Pair) (msg, hint string, ok bool) {
	tl := p.Target.Lang
	expected, first := quoteList(tl, m.expected, "or"), quote(tl, m.expected[0])
	w := ""
	if len(m.found) > 0 {
		w = quote(tl, m.found[0])
	}
	switch m.way {
	case byMetonym:
		return fmt.Sprintf("%s is rendered by %s (a capital or seat of power for the state or body, or the other way round), not as %s", m.source(p), w, expected),
			"the capital for the state is usual in diplomatic writing; write " + first + " if the place itself is meant", true
	case byCapitalAdj:
		return fmt.Sprintf("%s is rendered by %s, the adjective of the state it stands for, not as %s", m.source(p), w, expected),
			"the capital for the state is usual in diplomatic writing; write " + first + " if the place itself is meant", true
	case byPost:
		return fmt.Sprintf("%s names a body by its head, which the target renders as a post (%s), not as %s", m.source(p), w, expected),
			"check that the post is the body's head; write " + first + " where the body itself is meant", true
	case byLowerCase:
		return fmt.Sprintf("%s is rendered by %s, the name written in small letters, not as %s", m.source(p), w, expected),
			"write the name as the glossary does: " + first, true
	case byWordsApart:
		return fmt.Sprintf("%s is perhaps rendered by the words of %s apart (%s), not as %s", m.source(p), first, quoteList(tl, m.found, "and"), expected),
			"check the sense; write " + first + " where the term of art is meant", true
	case byPronoun:
		return fmt.Sprintf("%s is perhaps referred to by the pronoun %s (the post is named before), not rendered as %s", m.source(p), w, expected),
			"a pronoun for a person named before is usual; write " + first + " if the reference is unclear", true
	case byAnaphor:
		return fmt.Sprintf("%s is perhaps referred to by %s (named before in the target), not rendered as %s", m.source(p), w, expected),
			"a general noun for a concept named before is usual; write " + first + " if the reference is unclear", true
	case byShortForm:
		return fmt.Sprintf("%s is perhaps referred to by its short form %s, not rendered as %s", m.source(p), w, expected),
			"a short form is usual once the body is clear; write " + first + " if it is not", true
	case byTitle:
		return fmt.Sprintf("%s is a word of the title %s, which the target renders its own way; not rendered as %s", m.source(p), m.found[0], expected),
			"check that the title is rendered as it is known", true
	case statelessBeforeName:
		return fmt.Sprintf("%s is rendered as %s before the holder's name, without the state, not as %s", m.source(p), w, expected),
			"the name says whose office it is; write " + first + " where it does not", true
	case byBody:
		return fmt.Sprintf("%s qualifies a body the target renders as %s, without the state, not rendered as %s", m.source(p), w, expected),
			"the state is clear from the context; write " + first + " where it is not", true
	case byHolder:
		return fmt.Sprintf("%s names the state of %s, whom the target names without it, not rendered as %s", m.source(p), w, expected),
			"the name says whose office it is; write " + first + " where it does not", true
	case byStateless:
		return fmt.Sprintf("%s is rendered as %s, without the state the text names elsewhere, not as %s", m.source(p), w, expected),
			"the state is clear from the text; write " + first + " where it is not", true
	case bySibling:
		return fmt.Sprintf("%s is perhaps rendered by %s, the glossary's term for a neighbouring concept, not as %s", m.source(p), w, expected),
			"the nearer general word is often right in general text; write " + first + " where the distinction matters", true
	case byAcronym:
		return fmt.Sprintf("%s is a word of a body's name that the target perhaps writes as %s, not rendered as %s", m.source(p), w, expected),
			"check that the abbreviation names that body; write " + first + " where the state is not clear", true
	case byTranslit:
		return fmt.Sprintf("%s is perhaps the name of something else, transliterated as %s, not rendered as %s", m.source(p), w, expected),
			"write " + first + " if the state is meant", true
	case bySenseUnsure:
		return fmt.Sprintf("%s is not rendered as %s; it starts the sentence and nothing else there is a glossary term, so it may be a common word, not the name", m.source(p), expected),
			"write " + first + " if the name is meant", true
	}
	return "", "", false
}

// otherWay is a way a target perhaps renders a source term other than by
// the glossary's terms; found (see unrendered) holds the target's words
// that show it.
type otherWay uint8

const (
	noOtherWay          otherWay = iota
	byMetonym                    // a capital or seat of power for the state or body («Москва» for Russia), or the other way round
	byCapitalAdj                 // the adjective of the state whose capital or seat of power the term is ("Russian" for «Москва»)
	byPost                       // a post for "the head of" a body («глава Пентагона» as "the Defense Secretary")
	byLowerCase                  // the one-word name written in small letters («конгресс»)
	byWordsApart                 // every content word of an expected term, though not as the term ("flight of capital")
	byAnaphor                    // a general noun the target names the concept by in an earlier unit ("the organisation")
	byPronoun                    // a personal pronoun for the holder of a post named before ("he" for «посол»)
	byShortForm                  // the capitalised head noun the English target names the body by alone ("the House")
	byTitle                      // a word of a quoted title («Война и мир России»); found is the title, quoted
	byAcronym                    // the abbreviation of the body whose name ends in the state ("the FAA")
	byTranslit                   // the state's name transliterated, the name of something else ("Hispania")
	statelessBeforeName          // the term without its state, before its holder's name, in a target that does not name the state
	byStateless                  // the term without its state, which the target names elsewhere
	byHolder                     // the name of the post's holder, given without the state ("Joe Biden" of "US President Joe Biden")
	byBody                       // the body the state qualifies, given without it ("the State Duma" for «Госдума РФ»)
	bySibling                    // a neighbouring concept's term («договор» as "agreement")
	bySenseUnsure                // none: a one-word name at a sentence start that nothing else of the glossary there shows to be the name
)

// unrendered is a source term whose aligned target has none of the
// expected equivalents; part is the word of the target that renders the
// term in part, if any (see partialRendering).
type unrendered struct {
	hit      TermHit
	expected []string
	part     string
	// way is how the target perhaps renders the term other than by the
	// glossary's terms, reported as info, and found the target's words
	// that show it (see otherWay).
	way   otherWay
	found []string
}

// source is the source text of the term, quoted.
func (m *unrendered) source(p *Pair) string {
	return quote(p.Source.Lang, p.Source.Raw[m.hit.Start:m.hit.End])
}

// finding reports m as rule's, with the message and suggestion given.
func (m *unrendered) finding(p *Pair, rule string, sev Severity, msg, suggestion string) Finding {
	h := m.hit
	return Finding{
		Rule:       rule,
		Severity:   sev,
		Message:    msg,
		Source:     p.SourceLoc(h.Unit, h.Start, h.End),
		Target:     p.TargetLoc(h.Unit, 0, 0),
		Term:       p.termRef(h.Concept, h.Term),
		Suggestion: suggestion,
		Unit:       h.Unit,
	}
}

// unrenderedTerms returns the source terms of p that are not rendered in
// the target, for term-missing and term-partial: computed once, by
// whichever of the two rules, running side by side, asks first.
func unrenderedTerms(p *Pair) []unrendered {
	p.unrenderedOnce.Do(func() { p.unrendered = findUnrendered(p) })
	return p.unrendered
}

func findUnrendered(p *Pair) []unrendered {
	// How often each unit's target renders each concept with a usable
	// term (usable) or only with a deprecated or forbidden one (bad), and
	// how often each unit's source has the concept.
	//
	// The counts are by unit and concept id, the id numbered once per
	// concept (two concepts may share an id): against a general
	// dictionary there are a hundred thousand occurrences. Each unit's
	// counts are a run of one slice sorted by id, looked up by binary
	// search: a map keyed by unit and id missed the cache on every
	// occurrence, and maps by unit hashed the id strings.
	type counts struct{ usable, bad, inSource int32 }
	type idCounts struct {
		id int32
		counts
	}
	idNum := map[*glossary.Concept]int32{}
	byID := map[string]int32{}
	idOf := func(c *glossary.Concept) int32 {
		n, ok := idNum[c]
		if !ok {
			if n, ok = byID[c.ID]; !ok {
				n = int32(len(byID))
				byID[c.ID] = n
			}
			idNum[c] = n
		}
		return n
	}
	// Only the concepts of the source are asked about (below, and the
	// judging runs in parts side by side, so it only reads the maps):
	// they are numbered first, and the target's occurrences of any other
	// id are not counted. Against a general dictionary most of the
	// target's are such.
	for _, h := range p.SourceTerms {
		idOf(h.Concept)
	}
	for _, h := range p.SourceAllTerms {
		idOf(h.Concept)
	}
	// sourceID returns the number of concept c's id, or -1 if no concept
	// of the source has the id.
	sourceID := func(c *glossary.Concept) int32 {
		n, ok := idNum[c]
		if !ok {
			if n, ok = byID[c.ID]; !ok {
				n = -1
			}
			idNum[c] = n
		}
		return n
	}
	// Each occurrence counted once, placed by unit (a counting sort):
	// what it counts and its id, in the order of TargetAllTerms then
	// SourceTerms. Room is made for every occurrence of the target; a
	// unit's run ends where its last placed occurrence does.
	countedInSource := func(i int) bool {
		h := p.SourceTerms[i]
		return h.Unit >= 0 && (i == 0 || !sameSpan(p.SourceTerms[i-1], h) || p.SourceTerms[i-1].Concept != h.Concept)
	}
	start := make([]int32, len(p.Units)+1) // unit u's run starts at start[u]
	for _, h := range p.TargetAllTerms {
		if h.Unit >= 0 {
			start[h.Unit+1]++
		}
	}
	for i, h := range p.SourceTerms {
		if countedInSource(i) {
			start[h.Unit+1]++
		}
	}
	for u := 1; u < len(start); u++ {
		start[u] += start[u-1]
	}
	cs := make([]idCounts, start[len(p.Units)])
	next := slices.Clone(start[:len(p.Units)])
	for _, h := range p.TargetAllTerms {
		if h.Unit < 0 {
			continue
		}
		id := sourceID(h.Concept)
		if id < 0 {
			continue
		}
		c := idCounts{id: id}
		if h.Status().Usable() {
			c.usable = 1
		} else {
			c.bad = 1
		}
		cs[next[h.Unit]] = c
		next[h.Unit]++
	}
	for i, h := range p.SourceTerms {
		if countedInSource(i) {
			cs[next[h.Unit]] = idCounts{id: idOf(h.Concept), counts: counts{inSource: 1}}
			next[h.Unit]++
		}
	}
	// Each unit's run sorted by id and summed by id, in place: its end
	// is then end[u].
	end := next
	for u := range p.Units {
		run := cs[start[u]:end[u]]
		slices.SortFunc(run, func(a, b idCounts) int { return int(a.id - b.id) })
		k := 0
		for _, c := range run {
			if k > 0 && run[k-1].id == c.id {
				run[k-1].usable += c.usable
				run[k-1].bad += c.bad
				run[k-1].inSource += c.inSource
				continue
			}
			run[k] = c
			k++
		}
		end[u] = start[u] + int32(k)
	}
	count := func(u int, id int32) counts {
		run := cs[start[u]:end[u]]
		if k, ok := slices.BinarySearchFunc(run, id, func(c idCounts, id int32) int { return int(c.id - id) }); ok {
			return run[k].counts
		}
		return counts{}
	}
	// rendered reports whether unit u's term of concept c is rendered:
	// in u's own target, or in a neighbour's target that renders the
	// concept more often than the neighbour's source has it (the
	// alignment is off by a segment).
	rendered := func(u int, c *glossary.Concept) bool {
		id, ok := idNum[c]
		if !ok {
			if id, ok = byID[c.ID]; !ok {
				return false // no occurrence of the id anywhere
			}
		}
		if id < 0 {
			return false // not a concept of the source: not counted
		}
		if n := count(u, id); n.usable > 0 || n.bad > 0 {
			return true
		}
		for d := 1; d <= reach(&p.Units[u]); d++ {
			for _, k := range []int{u - d, u + d} {
				if k >= 0 && k < len(p.Units) {
					if n := count(k, id); n.usable+n.bad > n.inSource {
						return true
					}
				}
			}
		}
		return false
	}
	// The first unit whose source names each concept: a post named again
	// may be a pronoun in the target (pronounRendering).
	firstSource := map[*glossary.Concept]int{}
	for _, h := range p.SourceTerms {
		if f, ok := firstSource[h.Concept]; h.Unit >= 0 && (!ok || h.Unit < f) {
			firstSource[h.Concept] = h.Unit
		}
	}
	// Each source term is judged on its own (what the judging memoises
	// is a cache, not state), so parts of a long pair are judged side by
	// side: against a general dictionary, with a term in every word, this
	// is the longest rule's work, which every other rule has finished
	// long before.
	var byUnit usableByUnit
	judge := func(lo, hi int) []unrendered {
		var out []unrendered
		nc := nestCache{byUnit: &byUnit}
		stemsOf := map[*glossary.Concept][]derivedStem{} // by concept, of its expected terms
		var ana *anaphora
		var tgtTerms []Span // the target's term spans, sorted: worked out once, when first needed
		targetTerms := func() []Span {
			if tgtTerms == nil {
				tgtTerms = coveredBy(p.TargetAllTerms)
			}
			return tgtTerms
		}
		untranslatedUnit := map[int]bool{} // whether a unit's target is in the source language
		for i := lo; i < hi; i++ {
			h := p.SourceTerms[i]
			if h.Unit < 0 || (i > 0 && sameSpan(p.SourceTerms[i-1], h)) {
				continue
			}
			// The same words may be a term of several concepts: any of them
			// rendered will do.
			alts := []TermHit{h}
			for k := i + 1; k < len(p.SourceTerms) && sameSpan(p.SourceTerms[k], h); k++ {
				alts = append(alts, p.SourceTerms[k])
			}
			// So may the concepts whose context the sentence lacks: the
			// translator read the word in that sense («сдерживание» of an
			// infection rendered "containment", where only deterrence's
			// context words occur).
			for k := sort.Search(len(p.SourceAllTerms), func(k int) bool { return p.SourceAllTerms[k].Start >= h.Start }); k < len(p.SourceAllTerms) && p.SourceAllTerms[k].Start == h.Start; k++ {
				if o := p.SourceAllTerms[k]; sameSpan(o, h) && o.Concept != h.Concept {
					alts = append(alts, o)
				}
			}
			u := &p.Units[h.Unit]
			if len(u.Target) == 0 {
				continue // the whole segment is missing: segment-missing says so
			}
			untranslated, known := untranslatedUnit[h.Unit]
			if !known {
				// Once per unit, not per term: a unit may hold dozens.
				ts, ok := u.TargetSpan()
				untranslated = ok && inSourceLanguage(p, proseTokens(p.Target.Text, ts, tokensIn(p.TargetTokens(), ts)))
				untranslatedUnit[h.Unit] = untranslated
			}
			if untranslated {
				continue // the segment was left untranslated: untranslated says so
			}
			if leftUntranslated(p, h) {
				continue // the term itself was left in the source language: likewise
			}
			expected := usableTerms(h.Concept, string(p.Target.Lang))
			if len(expected) == 0 {
				continue // nothing to expect in this language
			}
			found := false
			for _, a := range alts {
				found = found || rendered(h.Unit, a.Concept)
			}
			if !found {
				ds, ok := stemsOf[h.Concept]
				if !ok {
					ds = oneWordStems(p, expected)
					stemsOf[h.Concept] = ds
				}
				found = derivedForm(p, h.Unit, ds) || nestedRendered(p, &nc, h.Unit, h.Concept)
			}
			if found || attributiveName(p, h) || transliteratedName(p, h) || partOfLongerName(p, h) || currencyName(p, h) || demonymRendered(p, h, expected) != "" ||
				nameKept(p, h) || placeOfName(p, h) || insideCompound(p, h) || namedByAbbreviation(p, h) ||
				capsAbbreviation(p, h) || otherStatesBody(p, h) || acronymRendered(p, h, expected) || englishVerbUse(p, h) {
				// Rendered, or rendered by a deprecated or forbidden term,
				// which term-forbidden reports with the fix; or a name whose
				// rendering no glossary lists (its adjective); or not the
				// concept at all (a longer name kept as a name, a pronoun in
				// capitals, another state's body).
				continue
			}
			way, words, part := otherWayOf(p, h, expected, &ana, firstSource, targetTerms)
			out = append(out, unrendered{hit: h, expected: expected, part: part, way: way, found: words})
		}
		return out
	}
	parts := min(runtime.GOMAXPROCS(0), len(p.SourceTerms)/judgedPerGoroutine)
	if parts <= 1 {
		return judge(0, len(p.SourceTerms))
	}
	found := make([][]unrendered, parts)
	var wg sync.WaitGroup
	for k := range parts {
		wg.Go(func() { found[k] = judge(k*len(p.SourceTerms)/parts, (k+1)*len(p.SourceTerms)/parts) })
	}
	wg.Wait()
	return slices.Concat(found...)
}

// judgedPerGoroutine is the least number of source terms worth a
// goroutine of their own in findUnrendered: each part works out again
// what the judging memoises for the concepts it meets.
const judgedPerGoroutine = 2000

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
	tt := p.termTokens(h.Term.Text)
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
	// Before a noun: "the US negotiator", "of US missiles", and at the
	// start of a sentence ("US missiles were deployed"). Elsewhere a
	// determiner or preposition must come before, or "BRICS give it" (a
	// subject and its verb) would pass for a modifier.
	start := i == 0 || strings.ContainsAny(p.Source.Text[toks[i-1].End:tok.Start], ".!?\n")
	if i+1 < len(toks) && (start || i > 0 && englishDeterminers[toks[i-1].Norm]) {
		next := toks[i+1]
		between := p.Source.Text[tok.End:next.Start]
		nr, _ := utf8.DecodeRuneInString(next.Text)
		if strings.TrimSpace(between) == "" && next.Kind == lang.Word && unicode.IsLower(nr) && !englishFunctionWords[next.Norm] {
			return true
		}
	}
	return false
}

// englishDeterminers are the words before a name used as a modifier.
var englishDeterminers = map[string]bool{
	"the": true, "a": true, "an": true, "of": true, "to": true, "in": true, "by": true, "with": true,
	"for": true, "on": true, "from": true, "its": true, "their": true, "our": true, "this": true,
	"these": true, "those": true, "between": true, "against": true, "about": true, "over": true,
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

// transliteratedName reports whether a quoted source term is a proper
// name the target transliterates rather than translates: the icebreaker
// «Россия» is the Rossiya, not the Russia; the literary award «Дальний
// Восток» is the Dalniy Vostok Award, not the Far East. Every word of the
// term must have its transliteration among the target's capitalised
// words.
func transliteratedName(p *Pair, h TermHit) bool {
	before := strings.TrimRight(p.Source.Text[:h.Start], " ")
	after := strings.TrimLeft(p.Source.Text[h.End:], " ")
	if !(strings.HasSuffix(before, "«") || strings.HasSuffix(before, "\"") || strings.HasSuffix(before, "“")) ||
		!(strings.HasPrefix(after, "»") || strings.HasPrefix(after, "\"") || strings.HasPrefix(after, "”")) {
		return false
	}
	ts, ok := p.Units[h.Unit].TargetSpan()
	if !ok {
		return false
	}
	words := 0
	for _, w := range tokensIn(p.SourceTokens(), Span{h.Start, h.End}) {
		if w.Kind != lang.Word {
			continue
		}
		words++
		found := false
		for _, t := range tokensIn(p.TargetTokens(), ts) {
			if isName(t) && p.sameName(w.Text, t.Text) {
				found = true
				break
			}
		}
		if !found {
			return false
		}
	}
	return words > 0
}

// partOfLongerName reports whether a one-word source term written as a
// name is the first word of a longer name that is not the term: "West"
// in "West Midlands Police" or "West Brom" is no "West" (the Запад of
// geopolitics), «Россия» in «Россия Сегодня» no Russia. The next word
// follows after a space alone and is capitalised too.
func partOfLongerName(p *Pair, h TermHit) bool {
	tt := p.termTokens(h.Term.Text)
	if len(tt) != 1 || tt[0].Upper() || h.Term.EffectiveType() == glossary.Abbreviation {
		return false
	}
	if r, _ := utf8.DecodeRuneInString(h.Term.Text); !unicode.IsUpper(r) {
		return false
	}
	toks := p.SourceTokens()
	i := sort.Search(len(toks), func(i int) bool { return toks[i].Start >= h.End })
	if i >= len(toks) || toks[i-1].End != h.End {
		return false // the match ends inside a word
	}
	next := toks[i]
	if gap := p.Source.Text[h.End:next.Start]; gap != " " && gap != "\u00a0" {
		return false
	}
	return isName(next)
}

// currencyName reports whether a Russian source match names a currency's
// country («долларов США», «долл. США») in a unit whose target writes the
// currency as English does: "$5,000", "USD", "dollars". The amount is
// number-mismatch's to check; the country is part of the currency's name.
func currencyName(p *Pair, h TermHit) bool {
	if p.Source.Lang != lang.RU {
		return false
	}
	toks := p.SourceTokens()
	i := sort.Search(len(toks), func(i int) bool { return toks[i].Start >= h.Start })
	if i == 0 {
		return false
	}
	prev := toks[i-1]
	if prev.End > h.Start {
		return false // the match starts inside a word (a compound's part)
	}
	if gap := strings.Trim(p.Source.Text[prev.End:h.Start], " .\u00a0"); gap != "" ||
		!strings.HasPrefix(prev.Norm, "долл") {
		return false
	}
	tgt := strings.ToLower(p.TargetText(h.Unit))
	return strings.Contains(tgt, "$") || strings.Contains(tgt, "usd") || strings.Contains(tgt, "dollar")
}

// derivedForm reports whether the target of unit u holds a word derived
// from one of the expected one-word terms: "sanctions regimes" is
// «санкционные режимы», the noun become an adjective that the glossary
// does not list. The word must share the term's first five letters and
// all but its last three — or, for an English noun in -ment, all but the
// suffix: the verb it is made from ("containment" rendered "to contain").
func derivedForm(p *Pair, u int, stems []derivedStem) bool {
	if len(stems) == 0 {
		return false
	}
	ts, ok := p.Units[u].TargetSpan()
	if !ok {
		return false
	}
	for _, t := range tokensIn(p.TargetTokens(), ts) {
		if t.Kind != lang.Word {
			continue
		}
		for _, st := range stems {
			n := lang.CommonPrefixRunes(st.norm, t.Norm)
			if n >= 5 && n >= st.runes-3 {
				return true
			}
			if n >= 5 && strings.HasSuffix(st.norm, "ment") && n >= st.runes-4 {
				return true
			}
		}
	}
	return false
}

// derivedStem is the folded form of a one-word expected term, and its
// length in runes, for derivedForm.
type derivedStem struct {
	norm  string
	runes int
}

// oneWordStems returns the derivedStems of the one-word terms among
// expected.
func oneWordStems(p *Pair, expected []string) []derivedStem {
	var stems []derivedStem
	for _, e := range expected {
		toks := p.termTokens(e)
		if len(toks) == 1 && toks[0].Kind == lang.Word {
			stems = append(stems, derivedStem{toks[0].Norm, utf8.RuneCountInString(toks[0].Norm)})
		}
	}
	return stems
}

// nestOcc is a usable term occurrence in a unit's target, by the token
// it starts at.
type nestOcc struct {
	concept *glossary.Concept
	term    *glossary.Term
	end     int // index in the unit's tokens just past the occurrence
}

// nestCache holds what nestedRendered needs of each unit's target,
// worked out once per unit: asked for every unrendered term, it once
// scanned all the document's term occurrences each time, which made a
// check against a general dictionary (a term in every word) quadratic.
// Each part of findUnrendered has its own; the index of occurrences by
// unit (byUnit) is shared by them.
type nestCache struct {
	byUnit *usableByUnit
	toks   map[int][]lang.Token
	at     map[int]map[int][]nestOcc
}

// usableByUnit indexes the usable occurrences of TargetAllTerms by unit,
// made once per pair when first needed: against a general dictionary the
// target has a hundred thousand occurrences.
type usableByUnit struct {
	once sync.Once
	// The occurrences of unit u are TargetAllTerms[k] for k in
	// hits[at[u]:at[u+1]], in the order of TargetAllTerms.
	at   []int32
	hits []int32
}

// of returns the indexes in p.TargetAllTerms of unit u's usable
// occurrences.
func (b *usableByUnit) of(p *Pair, u int) []int32 {
	b.once.Do(func() {
		// A counting sort: counts, then starts, then the hits placed.
		b.at = make([]int32, len(p.Units)+2)
		for _, h := range p.TargetAllTerms {
			if h.Unit >= 0 && h.Status().Usable() {
				b.at[h.Unit+2]++
			}
		}
		for i := 2; i < len(b.at); i++ {
			b.at[i] += b.at[i-1]
		}
		b.hits = make([]int32, b.at[len(b.at)-1])
		for k, h := range p.TargetAllTerms {
			if h.Unit >= 0 && h.Status().Usable() {
				b.hits[b.at[h.Unit+1]] = int32(k)
				b.at[h.Unit+1]++
			}
		}
		b.at = b.at[:len(p.Units)+1]
	})
	return b.hits[b.at[u]:b.at[u+1]]
}

// unit returns unit u's target tokens (nil when it has no target) and
// its usable term occurrences by the token they start at.
func (nc *nestCache) unit(p *Pair, u int) ([]lang.Token, map[int][]nestOcc) {
	if nc.toks == nil {
		nc.toks = map[int][]lang.Token{}
		nc.at = map[int]map[int][]nestOcc{}
	}
	if at, ok := nc.at[u]; ok {
		return nc.toks[u], at
	}
	var toks []lang.Token
	at := map[int][]nestOcc{}
	if ts, ok := p.Units[u].TargetSpan(); ok {
		toks = tokensIn(p.TargetTokens(), ts)
		for _, k := range nc.byUnit.of(p, u) {
			h := &p.TargetAllTerms[k]
			// The tokens inside the occurrence: those starting in it
			// (sorted by start) that also end in it.
			first, last := -1, -1
			for i := sort.Search(len(toks), func(i int) bool { return toks[i].Start >= h.Start }); i < len(toks) && toks[i].Start < h.End; i++ {
				if toks[i].End <= h.End {
					if first < 0 {
						first = i
					}
					last = i
				}
			}
			if first >= 0 {
				at[first] = append(at[first], nestOcc{h.Concept, h.Term, last + 1})
			}
		}
	}
	nc.toks[u], nc.at[u] = toks, at
	return toks, at
}

// nestElem is one element of a term as a pattern: a word's key, or the
// term of another concept nested in it as a placeholder for that concept.
type nestElem struct {
	key     string
	concept *glossary.Concept
	term    *glossary.Term
}

// nestPatterns returns concept c's usable target terms that have terms
// of other concepts inside them, as patterns; worked out once per
// concept and target language (see Checker.nestPats), they are shared.
func nestPatterns(p *Pair, c *glossary.Concept) [][]nestElem {
	if p.checker == nil {
		return findNestPatterns(p, c)
	}
	return p.checker.nestPats.get(conceptLang{c, p.Target.Lang}, func() [][]nestElem { return findNestPatterns(p, c) })
}

func findNestPatterns(p *Pair, c *glossary.Concept) [][]nestElem {
	var pats [][]nestElem
	for _, t := range c.Terms {
		if t.Lang != string(p.Target.Lang) || !c.EffectiveStatus(t).Usable() {
			continue
		}
		ttoks := p.termTokens(t.Text)
		var pat []nestElem
		nested := p.targetMatcher.findAllTokens(ttoks)
		hasNested := false
		for i := 0; i < len(ttoks); {
			var n *TermHit // the longest term of another concept starting here
			for k := range nested {
				if nested[k].Concept != c && nested[k].Start == ttoks[i].Start && (n == nil || nested[k].End > n.End) {
					n = &nested[k]
				}
			}
			if n == nil {
				pat = append(pat, nestElem{key: ttoks[i].Key})
				i++
				continue
			}
			hasNested = true
			pat = append(pat, nestElem{concept: n.Concept, term: n.Term})
			for i < len(ttoks) && ttoks[i].Start < n.End {
				i++
			}
		}
		if hasNested {
			pats = append(pats, pat)
		}
	}
	return pats
}

// nestedRendered reports whether the target of unit u renders concept c
// by one of its terms with a term of another concept inside it expanded
// from or contracted to its abbreviation: «центральная координирующая
// роль ООН» rendered as «центральной координирующей роли Организации
// Объединённых Наций».
func nestedRendered(p *Pair, nc *nestCache, u int, c *glossary.Concept) bool {
	if p.targetMatcher == nil {
		return false
	}
	pats := nestPatterns(p, c)
	if len(pats) == 0 {
		return false
	}
	toks, at := nc.unit(p, u)
	if toks == nil {
		return false
	}
	for _, pat := range pats {
		var match func(i, j int) bool
		match = func(i, j int) bool {
			if j == len(pat) {
				return true
			}
			if i >= len(toks) {
				return false
			}
			if pat[j].concept == nil {
				return toks[i].Key == pat[j].key && match(i+1, j+1)
			}
			// The nested term as written, or its abbreviation for its full
			// form and back — not a synonym (Устав is not Хартия).
			for _, o := range at[i] {
				same := o.term == pat[j].term ||
					o.term.EffectiveType() == glossary.Abbreviation || pat[j].term.EffectiveType() == glossary.Abbreviation
				if o.concept == pat[j].concept && same && match(o.end, j+1) {
					return true
				}
			}
			return false
		}
		for i := range toks {
			if match(i, 0) {
				return true
			}
		}
	}
	return false
}

// otherWayOf looks for a way the target perhaps renders source term h
// other than by the glossary's terms expected, most trusted first, and
// returns it with the target's words that show it (see otherWay); when
// there is none, part is the word of the target that renders the term in
// part (see partialRendering), beside which the anaphors, pronouns,
// acronyms, transliterations, siblings and unsure senses are not looked
// for. ana is made on first use, for the judging part it belongs to.
func otherWayOf(p *Pair, h TermHit, expected []string, ana **anaphora, firstSource map[*glossary.Concept]int, targetTerms func() []Span) (way otherWay, found []string, part string) {
	if w := metonymRendered(p, h, expected); w != "" {
		return byMetonym, []string{w}, ""
	}
	// The state's adjective for its capital: «Москва ответила» as
	// "the Russian side responded", "Beijing" as «китайские власти».
	if w := demonymRendered(p, h, metonymStates(p.Target.Lang, expected)); w != "" {
		return byCapitalAdj, []string{w}, ""
	}
	if w := headOfBody(p, h); w != "" {
		return byPost, []string{w}, ""
	}
	if w := lowerCaseName(p, h); w != "" {
		return byLowerCase, []string{w}, ""
	}
	if w := wordsApart(p, h, expected); len(w) > 0 {
		return byWordsApart, w, ""
	}
	part = partialRendering(p, h, expected)
	if *ana == nil {
		*ana = newAnaphora(p)
	}
	if w := (*ana).rendering(p, h); part == "" && w != "" {
		return byAnaphor, []string{w}, ""
	}
	if w := (*ana).nationalWord(p, h); part == "" && w != "" {
		return byAnaphor, []string{w}, ""
	}
	if w := pronounRendering(p, h, firstSource); part == "" && w != "" {
		return byPronoun, []string{w}, ""
	}
	if w := shortForm(p, h, expected); w != "" {
		return byShortForm, []string{w}, ""
	}
	if w := quotedTitle(p, h); w != "" {
		return byTitle, []string{w}, ""
	}
	if w := bodyAcronym(p, h, targetTerms); part == "" && w != "" {
		return byAcronym, []string{w}, ""
	}
	if w := transliteratedAlone(p, h, targetTerms); part == "" && w != "" {
		return byTranslit, []string{w}, ""
	}
	if w, byName := stateDropped(p, h, expected); w != "" {
		if byName {
			return statelessBeforeName, []string{w}, ""
		}
		return byStateless, []string{w}, ""
	}
	if w := stateOfNamedHolder(p, h); w != "" {
		return byHolder, []string{w}, ""
	}
	if w := stateOfRenderedBody(p, h); w != "" {
		return byBody, []string{w}, ""
	}
	if w := siblingRendering(p, h); part == "" && w != "" {
		return bySibling, []string{w}, ""
	}
	if part == "" && senseUnsure(p, h) {
		return bySenseUnsure, nil, ""
	}
	return noOtherWay, nil, part
}
