package glossary

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"tolmach/internal/lang"
)

// Matcher finds the terms of one language of a glossary in running text.
// It is a trie over the matching keys of the terms' words (lang.Token.Key),
// so recognition is tolerant of inflection, ё/е, case, quotes, dashes and
// punctuation exactly as lang defines them, and costs one map look-up per
// word of text plus one per word of each candidate term.
//
// Hyphenated compounds are matched part by part: «военно-политического
// союза» matches the term «военно-политический союз», and "North–South"
// matches "North South". Case-sensitive terms (the "case" attribute, and
// any term word written in capitals only, such as SCO or ШОС) match only
// text written with the same capitals. Exact terms, single-word terms
// whose key has at most two letters, and terms whose words are all at
// most two letters long (unless written in capitals) compare the folded
// word (lang.Token.Norm) instead of its stem, so that short stems cause
// no false matches.
//
// A Matcher is immutable once built and safe for concurrent use.
type Matcher struct {
	root  *trieNode
	lang  string
	terms int
}

type trieNode struct {
	byKey map[string]*trieEdge // edges by matching key
	ends  []*entry             // terms ending here
}

// trieEdge leads on from a node for one matching key: to any word with
// that key, or — for exact words — only to the word with one folded form.
// Exact edges hang under the key too (a folded form determines its key),
// so every word of text costs one map look-up per active node.
type trieEdge struct {
	any    *trieNode
	byNorm map[string]*trieNode
}

// entry is one term in the trie.
type entry struct {
	concept *Concept
	term    *Term
	order   int       // the concept's index in the glossary, then the term's
	cases   []caseReq // per unit, what the text's case must be
	norms   []string  // per unit, the folded form, for choosing among synonyms
	texts   []string  // per unit, as written
	anyCase bool      // true when no unit has a case requirement
}

// caseReq is the case a unit of a case-sensitive term demands of the
// text: none, all capitals in its first n letters (SCO → SCO, SCO's), or
// the exact pattern of capitals (MoU).
type caseReq struct {
	kind    uint8 // caseAny, caseUpper, casePattern
	n       int
	pattern string
}

const (
	caseAny uint8 = iota
	caseUpper
	casePattern
	caseInitial // a capital first letter: a one-word name
)

// unit is one matchable word: a token, or a part of a hyphenated one.
type unit struct {
	*lang.Token      // the token or part
	tok         int  // index of the lang.Token it belongs to
	solid       bool // a compound keyed as written solid (solidUnitsOf)
}

// Match is one occurrence of a glossary term in a text.
type Match struct {
	Concept *Concept
	Term    *Term
	// Start and End are byte offsets in the text given to Find (or the
	// offsets carried by the tokens given to FindTokens).
	Start, End int
	// First and Last are the indexes of the first and last lang.Token
	// matched. A match may begin or end inside a hyphenated token.
	First, Last int
}

// NewMatcher builds a Matcher for the terms of language lang (after
// NormalizeLang) of every concept of g, whatever their status: the
// caller decides what a forbidden term found in a text means.
func NewMatcher(g *Glossary, lang string) *Matcher {
	m := &Matcher{root: newNode(), lang: NormalizeLang(lang)}
	order := 0
	for _, c := range g.Concepts {
		for _, t := range c.Terms {
			order++
			if t.Lang != m.lang {
				continue
			}
			m.add(c, t, order)
		}
	}
	return m
}

func newNode() *trieNode { return &trieNode{} }

// Len returns the number of terms the Matcher recognises.
func (m *Matcher) Len() int { return m.terms }

func (m *Matcher) add(c *Concept, t *Term, order int) {
	added := false
	// Each form of a term with optional words («Конгресс [США]»: in
	// full, and «Конгресс»).
	for _, form := range t.Forms() {
		toks := lang.Analyze(form)
		units := unitsOf(toks)
		if len(units) == 0 {
			continue
		}
		m.addUnits(c, t, order, units)
		added = true
		// A term with an English compound is found written solid too
		// (Anti-Terrorist as antiterrorist); the other way round is the
		// text side's (see FindTokens).
		if solid, ok := solidUnitsOf(toks); ok {
			m.addUnits(c, t, order, solid)
		}
	}
	if added {
		m.terms++
	}
}

// addUnits adds one way of writing a term to the trie.
func (m *Matcher) addUnits(c *Concept, t *Term, order int, units []unit) {
	byNorm := t.Exact
	if !byNorm {
		short, upper := true, false
		for _, u := range units {
			if utf8.RuneCountInString(u.Norm) > 2 {
				short = false
			}
			if isUpperWord(u.Text) {
				upper = true
			}
		}
		byNorm = short && !upper ||
			len(units) == 1 && !upper && utf8.RuneCountInString(units[0].Key) <= 2
	}
	ent := &entry{concept: c, term: t, order: order, cases: make([]caseReq, len(units)), anyCase: true}
	n := m.root
	for i, u := range units {
		ent.cases[i] = caseOf(u.Text, t.CaseSensitive)
		if len(units) == 1 && ent.cases[i].kind == caseAny && titleCase(u.Text) {
			// A one-word name matches a word written with a capital only:
			// «Куба» is not «кубов» (cubic metres), «Запад» not «на запад»,
			// "Turkey" not "turkey".
			ent.cases[i] = caseReq{kind: caseInitial}
		}
		ent.anyCase = ent.anyCase && ent.cases[i].kind == caseAny
		ent.norms = append(ent.norms, u.Norm)
		ent.texts = append(ent.texts, u.Text)
		if n.byKey == nil {
			n.byKey = map[string]*trieEdge{}
		}
		e := n.byKey[u.Key]
		if e == nil {
			e = &trieEdge{}
			n.byKey[u.Key] = e
		}
		if byNorm {
			if e.byNorm == nil {
				e.byNorm = map[string]*trieNode{}
			}
			if e.byNorm[u.Norm] == nil {
				e.byNorm[u.Norm] = newNode()
			}
			n = e.byNorm[u.Norm]
		} else {
			if e.any == nil {
				e.any = newNode()
			}
			n = e.any
		}
	}
	n.ends = append(n.ends, ent)
}

// caseOf returns the case requirement of one word of a term. Words in
// capitals only (two letters or more) always require capitals; with the
// term's "case" attribute, any word with a capital requires its pattern.
func caseOf(word string, caseSensitive bool) caseReq {
	letters, uppers := 0, 0
	for _, r := range word {
		if unicode.IsLetter(r) {
			letters++
			if unicode.IsUpper(r) {
				uppers++
			}
		}
	}
	switch {
	case uppers >= 2 && uppers == letters:
		return caseReq{kind: caseUpper, n: letters}
	case caseSensitive && uppers > 0:
		return caseReq{kind: casePattern, pattern: casePatternOf(word)}
	}
	return caseReq{}
}

func isUpperWord(word string) bool { return caseOf(word, false).kind == caseUpper }

// casePatternOf returns a string of 'U' and 'l', one per letter.
func casePatternOf(word string) string {
	b := make([]byte, 0, len(word))
	for _, r := range word {
		if unicode.IsLetter(r) {
			if unicode.IsUpper(r) {
				b = append(b, 'U')
			} else {
				b = append(b, 'l')
			}
		}
	}
	return string(b)
}

// titleCase reports whether a word is written with a capital and then
// small letters only (a name: Куба, Turkey; not SCO, not МИДа, not iPhone).
func titleCase(word string) bool {
	first, lower := true, false
	for _, r := range word {
		if !unicode.IsLetter(r) {
			continue
		}
		if first {
			if !unicode.IsUpper(r) {
				return false
			}
			first = false
			continue
		}
		if unicode.IsUpper(r) {
			return false
		}
		lower = true
	}
	return lower
}

// satisfies reports whether the text word meets the requirement.
func (c caseReq) satisfies(word string) bool {
	switch c.kind {
	case caseInitial:
		for _, r := range word {
			if unicode.IsLetter(r) {
				return unicode.IsUpper(r)
			}
		}
		return false
	case caseUpper:
		// The first n letters in capitals: SCO, SCO's, ШОС, МИДа.
		n := 0
		for _, r := range word {
			if !unicode.IsLetter(r) {
				continue
			}
			if n == c.n {
				return true
			}
			if !unicode.IsUpper(r) {
				return false
			}
			n++
		}
		return n == c.n
	case casePattern:
		p := casePatternOf(word)
		return len(p) >= len(c.pattern) && p[:len(c.pattern)] == c.pattern
	}
	return true
}

// solidUnitsOf is unitsOf with each English hyphenated compound kept
// whole and keyed as if written solid (lang.Token.SolidKey), or false
// when toks has no such compound.
func solidUnitsOf(toks []lang.Token) ([]unit, bool) {
	var solid []lang.Token // the compounds' solid forms, in order
	for _, t := range toks {
		if k := t.SolidKey(); k != "" {
			norm := strings.Map(func(r rune) rune {
				if lang.IsHyphen(r) {
					return -1
				}
				return r
			}, t.Norm)
			solid = append(solid, lang.Token{Text: t.Text, Start: t.Start, End: t.End, Kind: t.Kind, Norm: norm, Key: k})
		}
	}
	if len(solid) == 0 {
		return nil, false
	}
	us := make([]unit, 0, len(toks))
	for i := range toks {
		t := &toks[i]
		switch {
		case len(solid) > 0 && solid[0].Start == t.Start && solid[0].End == t.End:
			us = append(us, unit{Token: &solid[0], tok: i, solid: true})
			solid = solid[1:]
		case len(t.Parts) > 0:
			for k := range t.Parts {
				us = append(us, unit{Token: &t.Parts[k], tok: i})
			}
		default:
			us = append(us, unit{Token: t, tok: i})
		}
	}
	return us, true
}

// unitsOf flattens tokens into matchable units: the parts of hyphenated
// compounds become units of their own.
func unitsOf(toks []lang.Token) []unit {
	us := make([]unit, 0, len(toks)+len(toks)/8)
	for i := range toks {
		t := &toks[i]
		if len(t.Parts) > 0 {
			for k := range t.Parts {
				us = append(us, unit{Token: &t.Parts[k], tok: i})
			}
			continue
		}
		us = append(us, unit{Token: t, tok: i})
	}
	return us
}

// Find returns the terms found in text, left to right, without overlaps:
// at each word the longest term starting there wins, and the search goes
// on after it. When the same words are a term of several concepts, one
// match per concept is returned, in glossary order.
func (m *Matcher) Find(text string) []Match {
	return m.FindTokens(lang.Analyze(text))
}

// FindTokens is [Matcher.Find] over tokens already made by lang.Analyze;
// offsets are the tokens'.
//
// English compounds are matched both part by part and as if written
// solid, so that co-operation finds the term cooperation (and, through
// the terms' own solid forms, antiterrorist finds Anti-Terrorist); the
// longest match at each place wins whichever way it was found.
func (m *Matcher) FindTokens(toks []lang.Token) []Match {
	if solid, ok := solidUnitsOf(toks); ok {
		return longestFirst(m.findAll(unitsOf(toks), solid))
	}
	us := unitsOf(toks)
	out := make([]Match, 0, len(us)/8)
	var w walker
	for i := 0; i < len(us); {
		best, bestEnd := m.longestAt(&w, us, i)
		if len(best) == 0 {
			i++
			continue
		}
		out = appendMatches(out, us, i, bestEnd, best)
		i = bestEnd + 1
	}
	return out
}

// FindAll returns every occurrence of every term, nested and overlapping
// ones included (ШОС inside «Совет глав государств — членов ШОС»),
// ordered by start, then by length (longest first).
func (m *Matcher) FindAll(text string) []Match {
	return m.FindAllTokens(lang.Analyze(text))
}

// FindAllTokens is [Matcher.FindAll] over tokens already made by
// lang.Analyze; offsets are the tokens'.
func (m *Matcher) FindAllTokens(toks []lang.Token) []Match {
	solid, _ := solidUnitsOf(toks)
	return m.findAll(unitsOf(toks), solid)
}

// FindBothTokens returns what FindTokens and FindAllTokens return, from
// one scan: the longest matches are picked from all of them.
func (m *Matcher) FindBothTokens(toks []lang.Token) (longest, all []Match) {
	solid, _ := solidUnitsOf(toks)
	all = m.findAll(unitsOf(toks), solid)
	return longestFirst(all), all
}

// findAll returns every match over the units us and, when solid is not
// nil, the matches over solid (the same text with English compounds
// whole) that take in such a compound, without repeats; ordered by
// start, then by length, longest first.
func (m *Matcher) findAll(us, solid []unit) []Match {
	out := m.allOver(us, nil, false)
	if solid == nil {
		return out
	}
	out = m.allOver(solid, out, true)
	sort.SliceStable(out, func(a, b int) bool {
		if out[a].Start != out[b].Start {
			return out[a].Start < out[b].Start
		}
		return out[a].End > out[b].End
	})
	kept := out[:0]
	for i, x := range out {
		dup := false
		for k := len(kept) - 1; k >= 0 && kept[k].Start == x.Start; k-- {
			if kept[k].End == x.End && kept[k].Concept == x.Concept {
				dup = true
				break
			}
		}
		if !dup {
			kept = append(kept, out[i])
		}
	}
	return kept
}

// longestFirst keeps, from matches ordered as findAll orders them, the
// longest at each place and goes on after it, as Find does.
func longestFirst(all []Match) []Match {
	out := all[:0:0]
	cursor := -1
	for k := 0; k < len(all); {
		start, end := all[k].Start, all[k].End
		if start < cursor {
			k++
			continue
		}
		for ; k < len(all) && all[k].Start == start; k++ {
			if all[k].End == end {
				out = append(out, all[k])
			}
		}
		cursor = end
	}
	return out
}

// allOver appends to out the matches over us; with onlySolid, only those
// that take in a compound keyed as written solid.
func (m *Matcher) allOver(us []unit, out []Match, onlySolid bool) []Match {
	var w walker
	for i := range us {
		var spans [][]*entry
		var ends []int
		w.start(m.root, us, i)
		for w.next() {
			if len(w.es) > 0 {
				spans = append(spans, append([]*entry(nil), w.es...))
				ends = append(ends, w.j)
			}
		}
		for k := len(spans) - 1; k >= 0; k-- {
			if onlySolid && !anySolid(us[i:ends[k]+1]) {
				continue
			}
			out = appendMatches(out, us, i, ends[k], spans[k])
		}
	}
	return out
}

func anySolid(us []unit) bool {
	for _, u := range us {
		if u.solid {
			return true
		}
	}
	return false
}

// longestAt returns the entries of the longest term match starting at
// unit i, and the index of its last unit.
func (m *Matcher) longestAt(w *walker, us []unit, i int) ([]*entry, int) {
	w.best = w.best[:0]
	bestEnd := -1
	w.start(m.root, us, i)
	for w.next() {
		if len(w.es) > 0 {
			w.best, bestEnd = append(w.best[:0], w.es...), w.j // shorter matches come first
		}
	}
	return w.best, bestEnd
}

// walker follows the trie from a start unit, one unit per step, along
// the paths by key and by folded form side by side. Its buffers are
// reused from one start to the next, so a scan allocates next to nothing.
type walker struct {
	us        []unit
	i, j      int
	cur, nxt  []*trieNode
	es        []*entry // terms ending at unit j whose case the text meets
	best      []*entry // longestAt's result, reused
	exhausted bool
}

func (w *walker) start(root *trieNode, us []unit, i int) {
	w.us, w.i, w.j = us, i, i-1
	w.cur = append(w.cur[:0], root)
	w.exhausted = false
}

// next advances one unit; it reports false when no term goes further.
func (w *walker) next() bool {
	w.j++
	if w.exhausted || w.j >= len(w.us) || len(w.cur) == 0 {
		return false
	}
	u := &w.us[w.j]
	w.nxt = w.nxt[:0]
	for _, n := range w.cur {
		e := n.byKey[u.Key]
		if e == nil {
			continue
		}
		if e.any != nil {
			w.nxt = append(w.nxt, e.any)
		}
		if e.byNorm != nil {
			if c := e.byNorm[u.Norm]; c != nil {
				w.nxt = append(w.nxt, c)
			}
		}
	}
	w.es = w.es[:0]
	for _, n := range w.nxt {
		for _, e := range n.ends {
			if e.anyCase || e.caseOK(w.us[w.i:w.j+1]) {
				w.es = append(w.es, e)
			}
		}
	}
	w.cur, w.nxt = w.nxt, w.cur
	if len(w.cur) == 0 {
		w.exhausted = true
		return false
	}
	return true
}

func (e *entry) caseOK(us []unit) bool {
	for k, c := range e.cases {
		if c.kind != caseAny && !c.satisfies(us[k].Text) {
			return false
		}
	}
	return true
}

// appendMatches adds one match per concept among es for units i..j,
// choosing within a concept the term written most like the text.
func appendMatches(out []Match, us []unit, i, j int, es []*entry) []Match {
	start := len(out)
	for _, e := range es {
		dup := -1
		for k := start; k < len(out); k++ {
			if out[k].Concept == e.concept {
				dup = k
			}
		}
		m := Match{Concept: e.concept, Term: e.term, Start: us[i].Start, End: us[j].End, First: us[i].tok, Last: us[j].tok}
		if dup < 0 {
			out = append(out, m)
			continue
		}
		if e.closeness(us[i:j+1]) > closenessOf(es, out[dup].Term, us[i:j+1]) {
			out[dup] = m
		}
	}
	// Concepts in glossary order, whatever order the trie paths gave.
	for a := start + 1; a < len(out); a++ {
		for b := a; b > start && out[b].Concept != out[b-1].Concept && conceptBefore(out[b], out[b-1], es); b-- {
			out[b], out[b-1] = out[b-1], out[b]
		}
	}
	return out
}

func conceptBefore(a, b Match, es []*entry) bool {
	oa, ob := 0, 0
	for _, e := range es {
		if e.term == a.Term {
			oa = e.order
		}
		if e.term == b.Term {
			ob = e.order
		}
	}
	return oa < ob
}

// closeness rates how closely the term is written like the matched
// words: two points per word with the same folded form, one more when
// written the same.
func (e *entry) closeness(us []unit) int {
	n := 0
	for k := 0; k < len(e.norms) && k < len(us); k++ {
		if e.norms[k] == us[k].Norm {
			n += 2
		}
		if e.texts[k] == us[k].Text {
			n++
		}
	}
	return n
}

func closenessOf(es []*entry, t *Term, us []unit) int {
	for _, e := range es {
		if e.term == t {
			return e.closeness(us)
		}
	}
	return -1
}
