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
// США» as "the Treasury Department" in an American one. A reader knows
// whose office it is; an editor may want the state back (info). "" when
// the rest of no expected term is in the unit's target, or the target
// never names the state.
func stateDropped(p *Pair, h TermHit, expected []string) string {
	if p.checker == nil || h.Concept.Domain == statesDomain {
		return ""
	}
	states := p.checker.statesIn(h.Concept)
	if len(states) == 0 || !p.namesStates(states) {
		return ""
	}
	ts, ok := p.Units[h.Unit].TargetSpan()
	if !ok {
		return ""
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
				capital = capital || len(rest) == 1 && strings.ToUpper(t.Text[:1]) == t.Text[:1]
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
			last := toks[i+len(rest)-1]
			return p.Target.Raw[toks[i].Start:last.End]
		}
	}
	return ""
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
