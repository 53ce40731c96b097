package check

import (
	"sort"
	"strings"

	"tolmach/glossary"
	"tolmach/internal/lang"
)

// stateDropped returns the words by which the target of the unit of
// source term h renders the term without the state its name holds, where
// the target names that state elsewhere: the British Foreign Secretary as
// «министр иностранных дел» in a British story, «Министерство финансов
// США» as "the Treasury Department" in an American one; or where the
// rendering stands before the name of its holder, which the target gives
// ("Russian President Vladimir Putin" as «Президент Владимир Путин"):
// byName says which. A reader knows whose office it is; an editor may
// want the state back (info). "" when the rest of no expected term is in
// the unit's target, or neither holds.
func stateDropped(p *Pair, h TermHit, expected []string) (w string, byName bool) {
	if p.checker == nil || h.Concept.Domain == statesDomain {
		return "", false
	}
	states := p.checker.statesIn(h.Concept)
	if len(states) == 0 {
		return "", false
	}
	named := p.namesStates(states)
	ts, ok := p.Units[h.Unit].TargetSpan()
	if !ok {
		return "", false
	}
	toks := tokensIn(p.TargetTokens(), ts)
	m := p.checker.stateMatcher(p.Target.Lang)
	for _, e := range expected {
		et := p.termTokens(e)
		drop := map[int]bool{} // byte offsets in e of the state's words
		for _, x := range m.FindAll(e) {
			if x.Concept.Domain == statesDomain && states[x.Concept.ID] {
				for _, t := range et {
					if t.Start >= x.Start && t.End <= x.End {
						drop[t.Start] = true
					}
				}
			}
		}
		if len(drop) == 0 {
			continue
		}
		var rest []string
		capital := false
		for _, t := range et {
			if t.Kind == lang.Word && !drop[t.Start] {
				rest = append(rest, t.Key)
				capital = capital || len(rest) == 1 && startsUpper(t.Text)
			}
		}
		// The words of the term around the state ("of the" of "Minister
		// of Foreign Affairs of the UK") are not the rest of it.
		for len(rest) > 0 && stateJoiners[rest[len(rest)-1]] {
			rest = rest[:len(rest)-1]
		}
		if len(rest) < 2 && !(len(rest) == 1 && capital) {
			continue
		}
		if i := keyRun(toks, rest); i >= 0 {
			j := i
			for n := 0; n < len(rest); j++ {
				if toks[j].Kind == lang.Word {
					n++
				}
			}
			if named || heldByName(p, h.Unit, toks, j) {
				last := toks[j-1]
				return p.Target.Raw[toks[i].Start:last.End], !named
			}
		}
	}
	return "", false
}

// heldByName reports whether target token toks[i] follows the word
// before it after a space and is a name that spells a name of unit u's
// source: the holder of a post named just before ("Президент Владимир
// Путин"), whose state the reader knows.
func heldByName(p *Pair, u int, toks []lang.Token, i int) bool {
	if i <= 0 || i >= len(toks) || !isName(toks[i]) || strings.TrimSpace(p.Target.Text[toks[i-1].End:toks[i].Start]) != "" {
		return false
	}
	ss, ok := p.Units[u].SourceSpan()
	if !ok {
		return false
	}
	for _, s := range tokensIn(p.SourceTokens(), ss) {
		if isName(s) && p.sameName(s.Text, toks[i].Text) {
			return true
		}
	}
	return false
}

// stateOfNamedHolder returns the target's spelling of the name that
// source state h qualifies, where the source names a post and its holder
// with the state ("US President Joe Biden", «Президент России Владимир
// Путин») and the target gives the name without it («Президент Джо
// Байден»): the name says whose president; "" otherwise. The state must
// be followed, after spaces only, by capitalised words, one of which the
// target spells beside another name.
func stateOfNamedHolder(p *Pair, h TermHit) string {
	if h.Concept.Domain != statesDomain {
		return ""
	}
	ts, ok := p.Units[h.Unit].TargetSpan()
	if !ok {
		return ""
	}
	toks := p.SourceTokens()
	i := sort.Search(len(toks), func(i int) bool { return toks[i].Start >= h.End })
	tgt := tokensIn(p.TargetTokens(), ts)
	// The last of the words the target spells: the surname, not a title
	// that happens to sound alike ("President", «Президент»).
	found := ""
	var terms []Span // the source's terms: a body's name is no holder's
	for k, prev := i, h.End; k < len(toks) && k < i+4; k++ {
		t := toks[k]
		if t.Kind != lang.Word || !startsUpper(t.Text) || t.Upper() || strings.TrimSpace(p.Source.Text[prev:t.Start]) != "" {
			break
		}
		prev = t.End
		if terms == nil {
			terms = coveredBy(p.SourceAllTerms)
		}
		if covered(terms, t) {
			continue
		}
		for j, g := range tgt {
			// A person's name: a first name and a surname («Джо Байден»),
			// not a body's one word that happens to sound alike
			// ("Parliament", «Парламент»).
			full := j > 0 && isName(tgt[j-1]) || j+1 < len(tgt) && isName(tgt[j+1])
			// And spelt in the target's script: a name left in the source's
			// letters is no rendering of anything.
			if full && isName(g) && lang.ScriptOf(g.Text) == scriptOfLang(p.Target.Lang) && p.sameName(t.Text, g.Text) {
				found = g.Text
			}
		}
	}
	return found
}

// stateJoiners are the words that join a state's name to the rest of a
// term ("Secretary of State of the United States", «министр … по делам»).
var stateJoiners = keySet("of", "the", "for", "and")

// keyRun returns the index of the first token of toks where the words
// with the matching keys keys follow each other, or -1.
func keyRun(toks []lang.Token, keys []string) int {
	var words []int // indexes of the word tokens
	for i, t := range toks {
		if t.Kind == lang.Word {
			words = append(words, i)
		}
	}
next:
	for w := 0; w+len(keys) <= len(words); w++ {
		for k, key := range keys {
			if toks[words[w+k]].Key != key {
				continue next
			}
		}
		return words[w]
	}
	return -1
}

// namesStates reports whether the target names one of the states (by
// concept id) anywhere: by a term of the state, or by its adjective.
func (p *Pair) namesStates(states map[string]bool) bool {
	for _, o := range p.TargetAllTerms {
		if states[o.Concept.ID] {
			return true
		}
	}
	var names []string
	for id := range states {
		if c := p.checker.concept(id); c != nil {
			names = append(names, usableTerms(c, string(p.Target.Lang))...)
		}
	}
	sort.Strings(names)
	switch p.Target.Lang {
	case lang.EN:
		return englishDemonym(p, p.TargetTokens(), names) != ""
	case lang.RU:
		return russianDemonym(p, p.TargetTokens(), names) != ""
	}
	return false
}

// stateMatcher returns the matcher that finds the glossary's states in
// language l: the whole glossary's, whose matches the caller keeps to
// statesDomain (see statesIn).
func (c *Checker) stateMatcher(l lang.Lang) *glossary.Matcher {
	c.Prepare()
	if l == lang.RU {
		return c.ruMatcher
	}
	return c.enMatcher
}

// concept returns the glossary's concept with the given id, or nil.
func (c *Checker) concept(id string) *glossary.Concept {
	c.byIDOnce.Do(func() {
		c.byID = map[string]*glossary.Concept{}
		if c.opts.Glossary != nil {
			for _, x := range c.opts.Glossary.Concepts {
				c.byID[x.ID] = x
			}
		}
	})
	return c.byID[id]
}

// stateOfRenderedBody returns the target's rendering of the body that
// source state h qualifies, where the source names the state right
// beside a term of another concept («Госдума РФ», «Правительство РФ»,
// "the UK Parliament") and the target renders that concept without the
// state ("the State Duma"): the state is the body's qualifier, which
// context makes plain; "" otherwise.
func stateOfRenderedBody(p *Pair, h TermHit) string {
	if h.Concept.Domain != statesDomain {
		return ""
	}
	i := sort.Search(len(p.SourceTerms), func(i int) bool { return p.SourceTerms[i].Start >= h.Start })
	var body *TermHit
	for _, k := range []int{i - 1, i + 1} {
		if k < 0 || k >= len(p.SourceTerms) {
			continue
		}
		o := &p.SourceTerms[k]
		if o.Unit != h.Unit || o.Concept.Domain == statesDomain {
			continue
		}
		gap := ""
		if o.End <= h.Start {
			gap = p.Source.Text[o.End:h.Start]
		} else if o.Start >= h.End {
			gap = p.Source.Text[h.End:o.Start]
		} else {
			continue
		}
		if strings.TrimSpace(gap) == "" {
			body = o
			break
		}
	}
	if body == nil {
		return bodyWordBeside(p, h)
	}
	for _, o := range p.TargetAllTerms {
		if o.Unit == h.Unit && o.Concept == body.Concept && o.Status().Usable() {
			return p.Target.Raw[o.Start:o.End]
		}
	}
	return ""
}

// bodyWords are the head nouns of bodies' names, by language: what the
// target of «Минздрав РФ» ("the Health Ministry") or "the UK Home Office"
// («министерство внутренних дел») names a body by.
var bodyWords = map[lang.Lang]map[string]bool{
	lang.EN: keySet("ministry", "committee", "office", "service", "agency", "department", "court", "bank",
		"council", "commission", "prosecutor", "guard", "directorate", "inspectorate", "police", "bureau",
		"chamber", "assembly", "government", "cabinet", "parliament", "administration"),
	lang.RU: keySet("министерство", "комитет", "ведомство", "служба", "агентство", "департамент", "суд", "банк",
		"совет", "комиссия", "прокуратура", "гвардия", "управление", "инспекция", "полиция", "бюро", "палата",
		"собрание", "правительство", "кабинет", "парламент", "администрация"),
}

// bodyWordBeside returns the target's head noun of a body's name where
// source state h qualifies a body the glossary does not know, named by a
// capitalised word or an abbreviation right beside it («Минздрав РФ»,
// «СК РФ», "the UK Home Office"), and the target renders a body without
// the state ("the Health Ministry"); "" otherwise.
func bodyWordBeside(p *Pair, h TermHit) string {
	toks := p.SourceTokens()
	i := sort.Search(len(toks), func(i int) bool { return toks[i].Start >= h.Start })
	j := sort.Search(len(toks), func(i int) bool { return toks[i].Start >= h.End })
	var next lang.Token
	switch {
	case p.Source.Lang == lang.RU && i > 0:
		next = toks[i-1] // «Минздрав РФ»: the body comes first
		if strings.TrimSpace(p.Source.Text[next.End:h.Start]) != "" {
			return ""
		}
	case p.Source.Lang == lang.EN && j < len(toks):
		next = toks[j] // "the UK Home Office": the state comes first
		if strings.TrimSpace(p.Source.Text[h.End:next.Start]) != "" {
			return ""
		}
	default:
		return ""
	}
	if next.Kind != lang.Word || !startsUpper(next.Text) {
		return ""
	}
	return targetWordOf(p, h.Unit, bodyWords[p.Target.Lang])
}
