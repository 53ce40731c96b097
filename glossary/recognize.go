package glossary

import (
	"hash/maphash"
	"runtime"
	"slices"
	"sort"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
	"unsafe"

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
// A Matcher is immutable once built and safe for concurrent use. Its
// trie is held in flat arrays without pointers (nodes are numbers, edges
// one hash table, strings ranges of one string), so that a Matcher of a
// general dictionary — a hundred thousand terms — is a handful of
// allocations the garbage collector need not scan, cheap to encode
// ([Matcher.AppendBinary]) and to decode ([DecodeMatcher]). It refers to
// its glossary's concepts and terms by number: the glossary must not
// change while the Matcher is in use.
type Matcher struct {
	lang     string
	terms    int
	concepts []*Concept // the glossary's, as the Matcher was built
	blob     string     // the strings of the arrays below, see strRef

	edges []trieEdge // the edges by key, in the order they were made
	slots []int32    // open-addressing table of edges by (from, key): edge+1, 0 for none
	seed  maphash.Seed
	norms []normEdge // edges for exact words, lists hanging from trieEdge.norm

	// The terms ending at node n are ends[endAt[n]:endAt[n+1]] (indexes
	// of entries), in the order they were added.
	endAt   []int32
	ends    []int32
	entries []entry
	units   []unitReq // the entries' units, see entry.unit
}

// root is the trie's first node.
const root = 0

// strRef is a string of a Matcher: blob[off : off+n].
type strRef struct{ off, n uint32 }

func (m *Matcher) str(r strRef) string { return m.blob[r.off : r.off+r.n] }

// trieEdge leads on from node from for one matching key: to any word with
// that key (any, -1 for none), or — for exact words — only to the word
// with one folded form (the list of normEdges from norm, -1 for none).
// Exact edges hang under the key too (a folded form determines its key),
// so every word of text costs one look-up per active node.
type trieEdge struct {
	key  strRef
	from int32
	any  int32
	norm int32
}

// normEdge leads to node to for the folded form norm; next is the next
// normEdge of the same trieEdge, or -1.
type normEdge struct {
	norm     strRef
	to, next int32
}

// entry is one way of writing a term in the trie: the term is
// concepts[concept].Terms[term], the order-th of the glossary; its units
// are units[unit : unit+n].
type entry struct {
	concept, term int32
	order         int32
	unit          int32
	n             int32
	anyCase       bool // true when no unit has a case requirement
}

// unitReq is what one unit of an entry asks of a word of text: its case,
// and — for choosing among synonyms — its folded form and its text.
type unitReq struct {
	caseReq
	norm, text strRef
}

func (m *Matcher) concept(e *entry) *Concept { return m.concepts[e.concept] }
func (m *Matcher) term(e *entry) *Term       { return m.concepts[e.concept].Terms[e.term] }

// caseReq is the case a unit of a case-sensitive term demands of the
// text: none, all capitals in its first n letters (SCO → SCO, SCO's), or
// the exact pattern of capitals (MoU).
type caseReq struct {
	kind    uint8 // caseAny, caseUpper, casePattern, caseInitial
	n       int32
	pattern strRef
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
	m := &Matcher{lang: NormalizeLang(lang), seed: maphash.MakeSeed(), concepts: append([]*Concept(nil), g.Concepts...)}
	n := 0
	for _, c := range g.Concepts {
		for _, t := range c.Terms {
			if t.Lang == m.lang {
				n++
			}
		}
	}
	ts := make([]termAt, 0, n)
	order := 0
	for ci, c := range g.Concepts {
		for ti, t := range c.Terms {
			order++
			if t.Lang == m.lang {
				ts = append(ts, termAt{int32(ci), int32(ti), int32(order), t})
			}
		}
	}
	// Analysing the terms is most of the cost, and each term's analysis
	// is its own: a large glossary's is shared out among the CPUs, then
	// the terms go into the trie in glossary order. A term written like
	// an earlier one is analysed once: a general dictionary gives the
	// same rendering to many headwords (86k Russian terms of Müller's
	// dictionary are 50k texts).
	first, firsts := firstAlike(ts)
	uniq := make([]int32, 0, firsts) // the terms analysed: first of their writing
	for i, f := range first {
		if int(f) == i {
			uniq = append(uniq, int32(i))
		}
	}
	ws := make([][]writing, len(ts))
	analyze := func(part []int32) {
		var a analyser
		for _, i := range part {
			ws[i] = a.writingsOf(ts[i].Term)
		}
	}
	if workers := min(runtime.GOMAXPROCS(0), len(uniq)/parallelTerms); workers > 1 {
		var wg sync.WaitGroup
		for w := range workers {
			wg.Go(func() { analyze(uniq[w*len(uniq)/workers : (w+1)*len(uniq)/workers]) })
		}
		wg.Wait()
	} else {
		analyze(uniq)
	}
	for i, f := range first {
		if int(f) != i {
			ws[i] = ws[f] // only read from now on
		}
	}
	// The trie's arrays are made once at the size they can reach (a
	// unit of a writing adds at most one edge, exact edge and node, and
	// its key, folded form, text and case pattern to the blob): grown by
	// doubling, they cost a large glossary tens of megabytes of copies.
	writings, units, normUnits, blob := 0, 0, 0, 0
	for _, w := range ws {
		writings += len(w)
		for _, wr := range w {
			units += len(wr.units)
			if wr.byNorm {
				normUnits += len(wr.units)
			}
			for _, u := range wr.units {
				blob += len(u.key) + len(u.norm) + len(u.text) + len(u.pattern)
			}
		}
	}
	b := builder{m: m, nodes: 1, blob: make([]byte, 0, blob), patterns: map[string]strRef{}}
	m.entries = make([]entry, 0, writings)
	b.endNode = make([]int32, 0, writings)
	m.units = make([]unitReq, 0, units)
	m.edges = make([]trieEdge, 0, units)
	m.norms = make([]normEdge, 0, normUnits)
	for i, t := range ts {
		for _, w := range ws[i] {
			b.add(t, w)
		}
		if len(ws[i]) > 0 {
			m.terms++
		}
		ws[i] = nil
	}
	b.freeze()
	return m
}

// firstAlike returns, for each term of ts, the index of the first term
// written alike (same text and flags, so the same writings; see
// analyser.writingsOf): its own index for the first of its writing. It
// also returns how many terms are firsts. The terms seen are found by an
// open-addressing table of indexes (a quarter of the memory of a map of
// the texts, which a general dictionary's 100k terms make megabytes).
func firstAlike(ts []termAt) (first []int32, firsts int) {
	first = make([]int32, len(ts))
	size := 1
	for size < 2*len(ts) {
		size <<= 1
	}
	slots := make([]int32, size) // term index+1, 0 for none
	mask := uint64(size - 1)
	seed := maphash.MakeSeed()
	for i, t := range ts {
		h := maphash.String(seed, t.Text) & mask
		for {
			j := slots[h] - 1
			if j < 0 {
				slots[h] = int32(i) + 1
				first[i] = int32(i)
				firsts++
				break
			}
			if o := ts[j].Term; o.Text == t.Text && o.Exact == t.Exact && o.CaseSensitive == t.CaseSensitive {
				first[i] = j
				break
			}
			h = (h + 1) & mask
		}
	}
	return first, firsts
}

// parallelTerms is the fewest terms per CPU worth a goroutine.
const parallelTerms = 2048

// termAt is term number term of concept number concept, the order-th
// term of the glossary (1 for the first concept's first term).
type termAt struct {
	concept, term, order int32
	*Term
}

// writing is one way of writing a term, analysed into what the trie
// needs of it: its units' keys, folded forms, texts and cases, and
// whether it goes by folded forms (see Matcher).
type writing struct {
	byNorm bool
	units  []writtenUnit
}

type writtenUnit struct {
	key, norm, text string
	wordCase
}

// analyser analyses terms into writings (see writingsOf) with scratch
// reused from term to term and the writings carved from slabs: a general
// dictionary's 100k terms were each several allocations of tokens,
// units and writings, most of them garbage at once.
type analyser struct {
	toks  []lang.Token
	units []unit
	out   []writing
	one   [1]string // the forms of a term without optional words
	// Slabs the writings and their units are carved from.
	wslab []writing
	uslab []writtenUnit
}

// writingsOf returns the ways of writing t: each form of a term with
// optional words («Конгресс [США]»: in full, and «Конгресс») and, for a
// term with an English compound, the form written solid too
// (Anti-Terrorist as antiterrorist; the other way round is the text
// side's, see FindTokens).
func (a *analyser) writingsOf(t *Term) []writing {
	a.out = a.out[:0]
	// Most terms have one form, their text: no slice made for it.
	forms := a.one[:]
	if strings.ContainsAny(t.Text, "[]") {
		forms = t.Forms()
	} else {
		a.one[0] = t.Text
	}
	for _, form := range forms {
		a.toks = lang.AppendTokens(a.toks[:0], form)
		a.units = appendUnits(a.units[:0], a.toks)
		if len(a.units) == 0 {
			continue
		}
		a.out = append(a.out, a.writingOf(t, a.units))
		if solid, ok := solidUnitsOf(a.toks); ok {
			a.out = append(a.out, a.writingOf(t, solid))
		}
	}
	if len(a.out) == 0 {
		return nil
	}
	if len(a.wslab) < len(a.out) {
		a.wslab = make([]writing, max(len(a.out), slabSize))
	}
	out := a.wslab[:len(a.out):len(a.out)]
	a.wslab = a.wslab[len(a.out):]
	copy(out, a.out)
	return out
}

// slabSize is how many writings or units a slab holds.
const slabSize = 1024

// writingOf returns the writing of t of these units, carved from a's
// slab.
func (a *analyser) writingOf(t *Term, units []unit) writing {
	if len(a.uslab) < len(units) {
		a.uslab = make([]writtenUnit, max(len(units), slabSize))
	}
	wu := a.uslab[:len(units):len(units)]
	a.uslab = a.uslab[len(units):]
	return fillWriting(t, units, wu)
}

// fillWriting returns the writing of t of these units, filling wu (one
// per unit) with them.
func fillWriting(t *Term, units []unit, wu []writtenUnit) writing {
	// Each unit's case is worked out once: it tells both whether the
	// word is in capitals (which keeps a short term matching by stem)
	// and what the unit requires of the text.
	short, upper := true, false
	for i, u := range units {
		c := caseOf(u.Text, t.CaseSensitive)
		if c.kind == caseUpper {
			upper = true
		}
		if utf8.RuneCountInString(u.Norm) > 2 {
			short = false
		}
		wu[i] = writtenUnit{key: u.Key, norm: u.Norm, text: u.Text, wordCase: c}
	}
	byNorm := t.Exact || short && !upper ||
		len(units) == 1 && !upper && utf8.RuneCountInString(units[0].Key) <= 2
	if len(units) == 1 && wu[0].kind == caseAny && titleCase(units[0].Text) {
		// A one-word name matches a word written with a capital only:
		// «Куба» is not «кубов» (cubic metres), «Запад» not «на запад»,
		// "Turkey" not "turkey".
		wu[0].kind = caseInitial
	}
	return writing{byNorm: byNorm, units: wu}
}

// Len returns the number of terms the Matcher recognises.
func (m *Matcher) Len() int { return m.terms }

// builder adds terms to a Matcher's trie; freeze makes the result the
// Matcher's.
type builder struct {
	m        *Matcher
	nodes    int32   // the nodes made so far
	endNode  []int32 // by entry, the node it ends at
	blob     []byte  // becomes m.blob
	patterns map[string]strRef
}

// str adds s to the blob and returns its reference. Strings are not
// shared: looking each up would cost the building more than the bytes
// cost the cache.
func (b *builder) str(s string) strRef {
	r := strRef{uint32(len(b.blob)), uint32(len(s))}
	b.blob = append(b.blob, s...)
	return r
}

// pattern returns the reference of a case pattern, shared (they are
// few, and mostly "").
func (b *builder) pattern(s string) strRef {
	if s == "" {
		return strRef{}
	}
	r, ok := b.patterns[s]
	if !ok {
		r = b.str(s)
		b.patterns[s] = r
	}
	return r
}

// newNode adds a node and returns its number.
func (b *builder) newNode() int32 {
	b.nodes++
	return b.nodes - 1
}

// add adds one way of writing a term to the trie.
func (b *builder) add(t termAt, w writing) {
	m := b.m
	ent := entry{concept: t.concept, term: t.term, order: t.order, unit: int32(len(m.units)), n: int32(len(w.units)), anyCase: true}
	n := int32(root)
	for _, u := range w.units {
		ent.anyCase = ent.anyCase && u.kind == caseAny
		norm := b.str(u.norm)
		text := norm
		if u.text != u.norm {
			text = b.str(u.text)
		}
		m.units = append(m.units, unitReq{caseReq: caseReq{kind: u.kind, n: u.n, pattern: b.pattern(u.pattern)}, norm: norm, text: text})
		e := b.edge(n, u.key)
		if w.byNorm {
			n = b.normChild(e, u.norm)
		} else {
			if m.edges[e].any < 0 {
				m.edges[e].any = b.newNode()
			}
			n = m.edges[e].any
		}
	}
	m.entries = append(m.entries, ent)
	b.endNode = append(b.endNode, n)
}

// edge returns the edge from node from for key, made if need be.
func (b *builder) edge(from int32, key string) int32 {
	m := b.m
	m.blob = unsafe.String(unsafe.SliceData(b.blob), len(b.blob)) // for look-ups while building
	hk := maphash.String(m.seed, key)
	if e := m.edge(from, key, hk); e >= 0 {
		return e
	}
	m.edges = append(m.edges, trieEdge{key: b.str(key), from: from, any: -1, norm: -1})
	m.blob = unsafe.String(unsafe.SliceData(b.blob), len(b.blob))
	if 2*len(m.edges) > len(m.slots) {
		m.rehash(max(1024, 4*len(m.edges)))
	} else {
		m.place(int32(len(m.edges)-1), hk)
	}
	return int32(len(m.edges) - 1)
}

// normChild returns the node edge e leads to for the folded form norm,
// made if need be.
func (b *builder) normChild(e int32, norm string) int32 {
	m := b.m
	for k := m.edges[e].norm; k >= 0; k = m.norms[k].next {
		if string(b.blob[m.norms[k].norm.off:m.norms[k].norm.off+m.norms[k].norm.n]) == norm {
			return m.norms[k].to
		}
	}
	m.norms = append(m.norms, normEdge{norm: b.str(norm), to: b.newNode(), next: m.edges[e].norm})
	m.edges[e].norm = int32(len(m.norms) - 1)
	return m.norms[len(m.norms)-1].to
}

// freeze lays the terms ending at each node out in one array and makes
// the blob the Matcher's.
func (b *builder) freeze() {
	m := b.m
	m.blob = unsafe.String(unsafe.SliceData(b.blob), len(b.blob)) // b.blob is not written again
	// A counting sort of the entries by the node they end at, stable so
	// that each node's stay in the order they were added.
	m.endAt = make([]int32, b.nodes+1)
	for _, n := range b.endNode {
		m.endAt[n+1]++
	}
	for n := range b.nodes {
		m.endAt[n+1] += m.endAt[n]
	}
	m.ends = make([]int32, len(m.entries))
	next := append([]int32(nil), m.endAt[:b.nodes]...) // by node, its next free place
	for e, n := range b.endNode {
		m.ends[next[n]] = int32(e)
		next[n]++
	}
}

// rehash makes the edge table size slots (a power of two) and places
// every edge in it.
func (m *Matcher) rehash(size int) {
	n := 1
	for n < size {
		n <<= 1
	}
	m.slots = make([]int32, n)
	for e := range m.edges {
		m.place(int32(e), maphash.String(m.seed, m.str(m.edges[e].key)))
	}
}

// place puts edge e, whose key's hash is hk, in the first free slot of
// its probe sequence.
func (m *Matcher) place(e int32, hk uint64) {
	mask := uint64(len(m.slots) - 1)
	for h := slotHash(hk, m.edges[e].from) & mask; ; h = (h + 1) & mask {
		if m.slots[h] == 0 {
			m.slots[h] = e + 1
			return
		}
	}
}

// slotHash combines a key's hash with the node the edge leaves from.
func slotHash(hk uint64, from int32) uint64 {
	h := hk ^ (uint64(from)+1)*0x9e3779b97f4a7c15
	return h ^ h>>29
}

// edge returns the edge from node from for key (whose hash is hk), or -1.
func (m *Matcher) edge(from int32, key string, hk uint64) int32 {
	if len(m.slots) == 0 {
		return -1
	}
	mask := uint64(len(m.slots) - 1)
	for h := slotHash(hk, from) & mask; ; h = (h + 1) & mask {
		s := m.slots[h]
		if s == 0 {
			return -1
		}
		if e := &m.edges[s-1]; e.from == from && m.str(e.key) == key {
			return s - 1
		}
	}
}

// caseOf returns the case requirement of one word of a term. Words in
// capitals only (two letters or more) always require capitals; with the
// term's "case" attribute, any word with a capital requires its pattern.
func caseOf(word string, caseSensitive bool) wordCase {
	letters, uppers, _ := letterCounts(word)
	switch {
	case uppers >= 2 && uppers == letters:
		return wordCase{kind: caseUpper, n: int32(letters)}
	case caseSensitive && uppers > 0:
		return wordCase{kind: casePattern, pattern: casePatternOf(word)}
	}
	return wordCase{}
}

// letterCounts counts the letters of word and the capitals among them,
// and tells whether its first letter is a capital.
func letterCounts(word string) (letters, uppers int, firstUpper bool) {
	for _, r := range word {
		if letter, upper := letterCase(r); letter {
			if upper {
				if letters == 0 {
					firstUpper = true
				}
				uppers++
			}
			letters++
		}
	}
	return letters, uppers, firstUpper
}

// letterCase reports whether r is a letter and whether a capital one,
// as unicode.IsLetter and unicode.IsUpper do, without their table
// searches for the Latin and Russian letters terms are written in
// (a general dictionary's terms are a hundred thousand words).
func letterCase(r rune) (letter, upper bool) {
	switch {
	case r < utf8.RuneSelf:
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z', 'A' <= r && r <= 'Z'
	case 'А' <= r && r <= 'Я' || r == 'Ё':
		return true, true
	case 'а' <= r && r <= 'я' || r == 'ё':
		return true, false
	}
	return unicode.IsLetter(r), unicode.IsUpper(r)
}

// wordCase is a caseReq with its pattern as a string.
type wordCase struct {
	kind    uint8
	n       int32
	pattern string
}

// casePatternOf returns a string of 'U' and 'l', one per letter.
func casePatternOf(word string) string {
	b := make([]byte, 0, len(word))
	for _, r := range word {
		if letter, upper := letterCase(r); letter {
			if upper {
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
	letters, uppers, firstUpper := letterCounts(word)
	return firstUpper && uppers == 1 && letters >= 2
}

// satisfies reports whether the text word meets the requirement.
func (m *Matcher) satisfies(c *caseReq, word string) bool {
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
		n := int32(0)
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
		p, want := casePatternOf(word), m.str(c.pattern)
		return len(p) >= len(want) && p[:len(want)] == want
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
	return appendUnits(make([]unit, 0, len(toks)+len(toks)/8), toks)
}

// appendUnits appends the units of toks (see unitsOf) to us.
func appendUnits(us []unit, toks []lang.Token) []unit {
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
		out = m.appendMatches(out, us, i, bestEnd, best)
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
	// Two passes, the first counting, so that the result is one
	// allocation of its size: against a general dictionary it holds tens
	// of thousands of matches.
	pick := func(keep func(k int)) {
		cursor := -1
		for k := 0; k < len(all); {
			start, end := all[k].Start, all[k].End
			if start < cursor {
				k++
				continue
			}
			for ; k < len(all) && all[k].Start == start; k++ {
				if all[k].End == end {
					keep(k)
				}
			}
			cursor = end
		}
	}
	n := 0
	pick(func(int) { n++ })
	if n == 0 {
		return all[:0:0]
	}
	out := make([]Match, 0, n)
	pick(func(k int) { out = append(out, all[k]) })
	return out
}

// allOver appends to out the matches over us; with onlySolid, only those
// that take in a compound keyed as written solid.
func (m *Matcher) allOver(us []unit, out []Match, onlySolid bool) []Match {
	var w walker
	var spans []int32 // the entries of every match from unit i, ends[k] ends span k
	var at, ends []int
	for i := range us {
		spans, at, ends = spans[:0], at[:0], ends[:0]
		w.start(m, us, i)
		for w.next() {
			if len(w.es) > 0 {
				at = append(at, len(spans))
				spans = append(spans, w.es...)
				ends = append(ends, w.j)
			}
		}
		for k := len(ends) - 1; k >= 0; k-- {
			if onlySolid && !anySolid(us[i:ends[k]+1]) {
				continue
			}
			hi := len(spans)
			if k+1 < len(at) {
				hi = at[k+1]
			}
			out = m.appendMatches(out, us, i, ends[k], spans[at[k]:hi])
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
func (m *Matcher) longestAt(w *walker, us []unit, i int) ([]int32, int) {
	w.best = w.best[:0]
	bestEnd := -1
	w.start(m, us, i)
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
	m         *Matcher
	us        []unit
	i, j      int
	cur, nxt  []int32 // the nodes reached
	es        []int32 // entries ending at unit j whose case the text meets
	best      []int32 // longestAt's result, reused
	exhausted bool
}

func (w *walker) start(m *Matcher, us []unit, i int) {
	w.m, w.us, w.i, w.j = m, us, i, i-1
	w.cur = append(w.cur[:0], root)
	w.exhausted = false
}

// next advances one unit; it reports false when no term goes further.
func (w *walker) next() bool {
	w.j++
	if w.exhausted || w.j >= len(w.us) || len(w.cur) == 0 {
		return false
	}
	m := w.m
	u := &w.us[w.j]
	hk := maphash.String(m.seed, u.Key)
	w.nxt = w.nxt[:0]
	for _, n := range w.cur {
		k := m.edge(n, u.Key, hk)
		if k < 0 {
			continue
		}
		e := &m.edges[k]
		if e.any >= 0 {
			w.nxt = append(w.nxt, e.any)
		}
		for k := e.norm; k >= 0; k = m.norms[k].next {
			if m.str(m.norms[k].norm) == u.Norm {
				w.nxt = append(w.nxt, m.norms[k].to)
				break
			}
		}
	}
	w.es = w.es[:0]
	for _, n := range w.nxt {
		for _, k := range m.ends[m.endAt[n]:m.endAt[n+1]] {
			if e := &m.entries[k]; e.anyCase || m.caseOK(e, w.us[w.i:w.j+1]) {
				w.es = append(w.es, k)
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

func (m *Matcher) caseOK(e *entry, us []unit) bool {
	for k, c := range m.units[e.unit : e.unit+e.n] {
		if c.kind != caseAny && !m.satisfies(&c.caseReq, us[k].Text) {
			return false
		}
	}
	return true
}

// appendMatches adds one match per concept among the entries es for
// units i..j, choosing within a concept the term written most like the
// text.
func (m *Matcher) appendMatches(out []Match, us []unit, i, j int, es []int32) []Match {
	if cap(out)-len(out) < len(es) {
		// Grown to what the rate of matches so far foretells for the
		// rest of the text, and by half at least, not by the quarter
		// append adds to a long slice: against a general dictionary a
		// text has several matches a word, and growing by quarters
		// allocated (and copied) five times the final slice, every byte
		// a fresh page for a short process.
		rest := len(out) / (i + 1) * (len(us) - i)
		out = slices.Grow(out, max(len(es), cap(out)/2, len(us)/8, rest+rest/8))
	}
	start := len(out)
	var buf [16]int32
	order := buf[:0] // of each match's term, for out[start:]
	for _, k := range es {
		e := &m.entries[k]
		c := m.concept(e)
		dup := -1
		for k := start; k < len(out); k++ {
			if out[k].Concept == c {
				dup = k
			}
		}
		match := Match{Concept: c, Term: m.term(e), Start: us[i].Start, End: us[j].End, First: us[i].tok, Last: us[j].tok}
		if dup < 0 {
			out = append(out, match)
			order = append(order, e.order)
			continue
		}
		if m.closeness(e, us[i:j+1]) > m.closenessOf(es, out[dup].Term, us[i:j+1]) {
			out[dup] = match
			order[dup-start] = e.order
		}
	}
	// Concepts in glossary order, whatever order the trie paths gave.
	ms := out[start:]
	for a := 1; a < len(ms); a++ {
		for b := a; b > 0 && order[b] < order[b-1]; b-- {
			ms[b], ms[b-1] = ms[b-1], ms[b]
			order[b], order[b-1] = order[b-1], order[b]
		}
	}
	return out
}

// closeness rates how closely the term is written like the matched
// words: two points per word with the same folded form, one more when
// written the same.
func (m *Matcher) closeness(e *entry, us []unit) int {
	n := 0
	for k, u := range m.units[e.unit : e.unit+e.n] {
		if k >= len(us) {
			break
		}
		if m.str(u.norm) == us[k].Norm {
			n += 2
		}
		if m.str(u.text) == us[k].Text {
			n++
		}
	}
	return n
}

func (m *Matcher) closenessOf(es []int32, t *Term, us []unit) int {
	for _, k := range es {
		if e := &m.entries[k]; m.term(e) == t {
			return m.closeness(e, us)
		}
	}
	return -1
}
