package index

import (
	"context"
	"fmt"
	"math"
	"math/bits"
	"slices"
	"sort"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/document"
	"github.com/blevesearch/bleve/v2/search/query"

	"tolmach/internal/lang"
)

// resident is a glossary index's lookup data held in memory: every
// concept's stored form and match data, and per language the postings
// of each folded word and stem, with the words themselves for typos and
// completion. A lookup on it never searches bleve. It ranks every
// concept a query word reaches (not bleve's 50 best by tf-idf), and
// stops early only when the words left could not lift any concept
// above the results it holds (see resident.search).
//
// It costs memory (some 60 MB at 50,000 concepts; the README's
// Performance table has the figures) and a pass over the stored
// concepts when opened, so it is built for resident processes only
// ([Index.Preload]), and by [Build] for an index in memory.
//
// A lookup's time is mostly memory waits: a server's caches go cold
// between requests, and each concept scored is read from memory anew.
// So what one concept's scoring reads lies together: its terms side by
// side in one array, their words' string headers side by side in
// another, the words' letters in one string per batch of concepts, and
// what the bound reads of it (the least importance of its terms) in a
// dense array beside the concepts, so that bounding a concept and
// skipping it reads none of the concept's memory; one word's four
// postings sit in one entry of one map, all postings in one array.
type resident struct {
	concepts []residentConcept
	bounds   []conceptBound // by concept number
	langs    map[string]*residentLang
	scratch  sync.Pool // of *searchScratch

	// Filled while concepts are added (see add and flush).
	pending      []pendingConcept
	pendingBytes int
	terms        []residentTerm // the current chunk of terms, cut into concepts' windows
	words        []string       // the current chunk of term words (string headers), likewise
}

// pendingConcept is a concept added but not yet decoded (see flush).
type pendingConcept struct{ id, data, match string }

// residentConcept is one concept: its ID, stored form and indexed terms.
type residentConcept struct {
	id    string
	data  string
	terms []residentTerm // a window of a chunk shared with other concepts
}

// conceptBound is what the bound of one concept reads, kept apart from
// the concept (in resident.bounds, by concept number) so that bounding
// the many concepts a lookup meets and skips reads no concept's memory;
// 32 bytes, so that one seldom straddles two cache lines.
type conceptBound struct {
	// minImp is, per indexed language, the least importance of the
	// concept's terms matchTokens can read (+Inf when none): the bound
	// needs it for every concept met, before any term is scored.
	minImp [2]float64
	// minRank is, per indexed language, the least status severity and
	// then length of those terms: a concept scoring only as high as the
	// k-th best candidate ranks before it by them (see mayPrecede).
	minRank [2][2]int16
	_       [8]byte // to 32 bytes
}

// residentTerm is one indexed form of a term (see appendMatchRecord).
type residentTerm struct {
	prepared preparedTerm
	index    int32
	severity int16
	length   int16
	lang     uint8 // index in indexedLangs
}

// residentLang holds one language's postings: concept numbers in
// ascending order, each once.
type residentLang struct {
	// words holds each word's entry, whichever postings it has.
	words       map[string]*residentWord
	norms, keys vocabulary
}

// residentWord is the postings of one word as a folded word and as a
// key, of whole tokens (a compound's key written solid too) and of the
// parts of compounds, which matchTokens matches one by one: "secretary"
// meets Secretary-General.
type residentWord struct {
	norm, key, partNorm, partKey []int32
	// solid is set when the word is the key of a compound written
	// solid (lang.SolidKeyOf), which matchTokens may split a query word
	// to meet: a word with such a key is never skipped by the bound
	// (see search).
	solid bool
	// content is set when some term word (or part) with this word as
	// its key is no function word: a query's function word meets only
	// function words of a term otherwise (see searchWith's caps).
	content bool
}

// word returns w's postings, or nil when no term has it.
func (rl *residentLang) word(w string) *residentWord { return rl.words[w] }

// entry returns w's postings, made when missing (while building).
func (rl *residentLang) entry(w string) *residentWord {
	e := rl.words[w]
	if e == nil {
		e = &residentWord{}
		rl.words[w] = e
	}
	return e
}

// newResident returns an empty resident index.
func newResident() *resident {
	r := &resident{langs: map[string]*residentLang{}}
	for _, l := range indexedLangs {
		r.langs[l] = &residentLang{words: map[string]*residentWord{}}
	}
	return r
}

// pendingLimit is the bytes of match data decoded at once (see flush).
const pendingLimit = 1 << 20

// add adds a concept from its stored fields. Concepts are decoded in
// batches (see flush): an error may name a concept added before.
func (r *resident) add(id, data, match string) error {
	r.pending = append(r.pending, pendingConcept{id, data, match})
	r.pendingBytes += len(match)
	if r.pendingBytes >= pendingLimit {
		return r.flush()
	}
	return nil
}

// flush decodes the pending concepts from one copy of their match data,
// so that the words of a concept, and of the next, lie together.
func (r *resident) flush() error {
	var b strings.Builder
	b.Grow(r.pendingBytes)
	for _, p := range r.pending {
		b.WriteString(p.match)
	}
	all := b.String()
	for _, p := range r.pending {
		match := all[:len(p.match)]
		all = all[len(p.match):]
		if err := r.decode(p.id, p.data, match); err != nil {
			return err
		}
	}
	r.pending, r.pendingBytes = r.pending[:0], 0
	return nil
}

// termChunk and wordChunk are the lengths of the arrays concepts' terms
// and term words are cut from.
const (
	termChunk = 4096
	wordChunk = 16384
)

// decode adds a concept from its stored fields.
func (r *resident) decode(id, data, match string) error {
	terms, err := decodeMatch(match)
	if err != nil {
		return fmt.Errorf("concept %s: %w", id, err)
	}
	n := int32(len(r.concepts))
	if cap(r.terms)-len(r.terms) < len(terms) {
		r.terms = make([]residentTerm, 0, max(termChunk, len(terms)))
	}
	first := len(r.terms)
	c := residentConcept{id: id, data: data}
	cb := conceptBound{minImp: [2]float64{math.Inf(1), math.Inf(1)}}
	cb.minRank = [2][2]int16{{math.MaxInt16, math.MaxInt16}, {math.MaxInt16, math.MaxInt16}}
	for _, t := range terms {
		rl := r.langs[t.lang]
		if rl == nil {
			continue
		}
		li := uint8(slices.Index(indexedLangs, t.lang))
		pt := prepareTerm(t.norms, t.keys)
		// A term without compounds has its form as its parts: one copy.
		same := len(pt.form) > 0 && len(pt.form) == len(pt.norms) && &pt.form[0] == &pt.norms[0]
		pt.norms, pt.keys = r.keep(pt.norms), r.keep(pt.keys)
		if same {
			pt.form = pt.norms
		} else {
			pt.form = r.keep(pt.form)
		}
		if pt.ok {
			cb.minImp[li] = min(cb.minImp[li], pt.imp)
			if rank := [2]int16{int16(t.severity), int16(len(t.norms))}; rank[0] < cb.minRank[li][0] || rank[0] == cb.minRank[li][0] && rank[1] < cb.minRank[li][1] {
				cb.minRank[li] = rank
			}
		}
		r.terms = append(r.terms, residentTerm{index: int32(t.index), severity: int16(t.severity), length: int16(len(t.norms)), lang: li, prepared: pt})
		for i, norm := range t.norms {
			post(&rl.entry(norm).norm, n)
			e := rl.entry(t.keys[i])
			post(&e.key, n)
			e.content = e.content || importance(norm) == 1
			// A compound is found by its parts, which matchTokens
			// matches one by one, and by its key written solid, as the
			// key analyzer indexes it.
			if parts, keys := compoundParts(norm, t.keys[i]); parts != nil {
				for j := range parts {
					post(&rl.entry(parts[j]).partNorm, n)
					e := rl.entry(keys[j])
					post(&e.partKey, n)
					e.content = e.content || importance(parts[j]) == 1
				}
				if solid := lang.SolidKeyOf(parts, keys[len(keys)-1]); solid != "" {
					e := rl.entry(solid)
					post(&e.key, n)
					e.solid, e.content = true, true
				}
			}
		}
	}
	c.terms = r.terms[first:len(r.terms):len(r.terms)]
	r.concepts = append(r.concepts, c)
	r.bounds = append(r.bounds, cb)
	return nil
}

// keep copies a term's words into the current chunk of words.
func (r *resident) keep(words []string) []string {
	if len(words) == 0 {
		return words
	}
	if cap(r.words)-len(r.words) < len(words) {
		r.words = make([]string, 0, max(wordChunk, len(words)))
	}
	first := len(r.words)
	r.words = append(r.words, words...)
	return r.words[first:len(r.words):len(r.words)]
}

func post(list *[]int32, n int32) {
	if p := *list; len(p) > 0 && p[len(p)-1] == n {
		return
	}
	*list = append(*list, n)
}

// finish decodes the concepts still pending and makes the
// vocabularies once every concept is added. It moves every posting
// list into one array, a word's four side by side.
func (r *resident) finish() error {
	if err := r.flush(); err != nil {
		return err
	}
	r.pending, r.terms, r.words = nil, nil, nil
	for _, rl := range r.langs {
		total := 0
		for _, e := range rl.words {
			total += len(e.norm) + len(e.key) + len(e.partNorm) + len(e.partKey)
		}
		all := make([]int32, 0, total)
		move := func(list []int32) []int32 {
			if len(list) == 0 {
				return nil
			}
			first := len(all)
			all = append(all, list...)
			return all[first:len(all):len(all)]
		}
		// In the words' order, so that a word's postings and those of
		// the words near it (its typos, its completions) lie together.
		byWord := make([]string, 0, len(rl.words))
		for w := range rl.words {
			byWord = append(byWord, w)
		}
		slices.Sort(byWord)
		for _, w := range byWord {
			e := rl.words[w]
			e.norm, e.key, e.partNorm, e.partKey = move(e.norm), move(e.key), move(e.partNorm), move(e.partKey)
		}
		rl.norms = newVocabulary(byWord, func(e *residentWord) bool { return len(e.norm) > 0 || len(e.partNorm) > 0 }, rl.words)
		rl.keys = newVocabulary(byWord, func(e *residentWord) bool { return len(e.key) > 0 || len(e.partKey) > 0 }, rl.words)
	}
	n := len(r.concepts)
	r.scratch.New = func() any { return &searchScratch{conceptMarks: conceptMarks{bits: make([]uint64, (n+63)/64)}} }
	return nil
}

// storedFields returns the stored concept and match data of a prepared
// document.
func storedFields(d *document.Document) (data, match string) {
	for _, f := range d.Fields {
		switch f.Name() {
		case fieldData:
			data = string(f.Value())
		case fieldMatch:
			match = string(f.Value())
		}
	}
	return data, match
}

// loadResident reads every concept of bi into a resident index.
func loadResident(ctx context.Context, bi bleve.Index) (*resident, error) {
	n, err := bi.DocCount()
	if err != nil {
		return nil, err
	}
	req := bleve.NewSearchRequestOptions(query.NewMatchAllQuery(), int(n), 0, false)
	req.Fields = []string{fieldMatch, fieldData}
	sr, err := bi.SearchInContext(ctx, req)
	if err != nil {
		return nil, err
	}
	// Concepts in ID order: the numbers are then the same whatever
	// order bleve returns them in.
	sort.Slice(sr.Hits, func(i, j int) bool { return sr.Hits[i].ID < sr.Hits[j].ID })
	r := newResident()
	r.concepts = make([]residentConcept, 0, len(sr.Hits))
	r.bounds = make([]conceptBound, 0, len(sr.Hits))
	for _, h := range sr.Hits {
		m, _ := h.Fields[fieldMatch].(string)
		data, _ := h.Fields[fieldData].(string)
		if err := r.add(h.ID, data, m); err != nil {
			return nil, err
		}
	}
	if err := r.finish(); err != nil {
		return nil, err
	}
	return r, nil
}

// searchScratch is what a lookup's searches reuse: the marks of the
// concepts met and the lists of the candidates kept, which a lookup
// would otherwise allocate anew (some 7 KB) each time.
type searchScratch struct {
	conceptMarks
	list  []candidate
	best  []rankKey
	met   []metConcept // one group's concepts met first there
	order []int32      // their numbers, in the order scored
}

// getScratch returns a scratch for searchWith; the caller puts it back
// with putScratch once done with the candidates found.
func (r *resident) getScratch() *searchScratch { return r.scratch.Get().(*searchScratch) }

func (r *resident) putScratch(s *searchScratch) {
	clear(s.list) // no pointers kept into the last lookup's concepts
	s.list = s.list[:0]
	r.scratch.Put(s)
}

// conceptMarks is a set of concept numbers, one bit each.
type conceptMarks struct {
	bits []uint64
	sink int // what warm read, kept so that its reads are not compiled away
}

// unmark empties the set, which holds only concepts of groups: word by
// word when they are few, not the whole set (a lookup meets some tens of
// 50,000 concepts).
func (m *conceptMarks) unmark(groups []wordGroup) {
	size := 0
	for _, g := range groups {
		size += g.size
	}
	if size >= len(m.bits) {
		clear(m.bits)
		return
	}
	for _, g := range groups {
		for _, list := range g.lists {
			for _, n := range list {
				m.bits[n/64] = 0
			}
		}
	}
}

// mark adds n and reports whether it was new.
func (m *conceptMarks) mark(n int32) bool {
	w, b := n/64, uint64(1)<<(uint(n)%64)
	if m.bits[w]&b != 0 {
		return false
	}
	m.bits[w] |= b
	return true
}

// wordGroup is the postings that can find one query word (or a pair of
// adjacent words written as a compound), and the most that word can add
// to a concept's score.
type wordGroup struct {
	words   uint32 // the query words (bits of queryToken.orig)
	lists   [][]int32
	size    int
	bound   float64 // Σ importance of the words' parts
	unbound bool    // a word matchTokens may split (see residentLang.solid): never skipped
}

// search finds the concepts matching q in langs and keeps the
// candidatesFor(limit) best by [candidate.before], with the query words
// they show are no typos (see matchedWords). It takes the postings of each query word, most important
// first, scores the concepts in them (see matchTokens) that could rank
// among the limit best (see scoreByBound), and stops when the words left
// are worth less than the limit-th concept found: any concept only they
// reach would score below it.
func (r *resident) search(ctx context.Context, q []queryToken, langs []string, limit int, opt rankOptions) ([]candidate, []bool, error) {
	s := r.getScratch()
	cands, seen, err := r.searchWith(ctx, s, q, langs, limit, opt)
	// The candidates are the caller's: the scratch keeps none of them.
	s.list = nil
	r.putScratch(s)
	return cands, seen, err
}

// searchWith is search with the scratch s, which holds the candidates
// it returns until s is used again or put back.
func (r *resident) searchWith(ctx context.Context, s *searchScratch, q []queryToken, langs []string, limit int, opt rankOptions) ([]candidate, []bool, error) {
	rq := splitCompounds(q)
	var qImp float64
	wordImp := make([]float64, len(q))
	for _, t := range rq {
		qImp += t.imp
		wordImp[t.orig] += t.imp
	}
	var groups []wordGroup
	for _, l := range langs {
		if rl := r.langs[l]; rl != nil {
			groups = append(groups, rl.groups(q, rq, wordImp, opt)...)
		}
	}
	// A concept that matches only short words (в, to) scores nothing
	// when the query has a longer one (see matchTokens): their postings,
	// the longest of all, are skipped. A concept found by other words
	// may still match them: the bound counts them.
	var short uint32
	var shortGroups []wordGroup
	if slices.ContainsFunc(rq, significant) {
		groups = slices.DeleteFunc(groups, func(g wordGroup) bool {
			if slices.ContainsFunc(rq, func(t queryToken) bool { return g.words&(1<<uint(t.orig)) != 0 && significant(t) }) {
				return false
			}
			short |= g.words
			shortGroups = append(shortGroups, g)
			return true
		})
	}
	// Most important first; among equals, the shortest postings, which
	// fill the results soonest with the concepts that share the most.
	sort.SliceStable(groups, func(i, j int) bool {
		if groups[i].bound != groups[j].bound {
			return groups[i].bound > groups[j].bound
		}
		return groups[i].size < groups[j].size
	})
	// left[i] is the words of groups i and after.
	left := make([]uint32, len(groups)+1)
	left[len(groups)] = short
	unbound := make([]bool, len(groups)+1)
	for i := len(groups) - 1; i >= 0; i-- {
		left[i] = left[i+1] | groups[i].words
		unbound[i] = unbound[i+1] || groups[i].unbound
	}
	var langMask uint8
	for _, l := range langs {
		if i := slices.Index(indexedLangs, l); i >= 0 {
			langMask |= 1 << uint(i)
		}
	}
	marks := &s.conceptMarks
	defer marks.unmark(groups)
	// A term's words the query lacks cost at most what the shortest
	// term of the concept lacks; a query compound may meet a term word
	// written solid, which changes the term's words (see alignSolid).
	lengthBound := !slices.ContainsFunc(rq, func(t queryToken) bool { return t.norm != q[t.orig].norm })
	b := boundInput{rq: rq, wordImp: wordImp, qImp: qImp, langMask: langMask, lengthBound: lengthBound, short: shortGroups, caps: r.caps(rq, langs, opt)}
	newTop := func(k int) topCandidates {
		clear(s.list)
		return topCandidates{limit: candidatesFor(limit), k: k, list: s.list[:0], best: s.best[:0]}
	}
	var top topCandidates
	defer func() { s.list, s.best = top.list, top.best }()
	// The first search's candidates also tell which words are typos
	// (see matchedWords), from all it keeps, not only the best limit:
	// those below depend on the order concepts are scored in. When the
	// best limit already show every word, so do all kept in any order;
	// else the search scores in postings order, as it always did, so
	// that the same words are searched again with edits.
	inOrder := !byBound || !opt.fuzzy && !opt.exact && unreached(groups, shortGroups, len(q))
	if !inOrder {
		top = newTop(limit)
		err := r.scoreByBound(ctx, s, groups, left, unbound, &b, &top, opt)
		if err != nil {
			return nil, nil, err
		}
		if opt.fuzzy || opt.exact || top.bestShowAll(len(q)) {
			r.readStored(s, top.list)
			return top.list, matchedWords(top.list, len(q)), nil
		}
		marks.unmark(groups)
	}
	top = newTop(limit)
	if err := r.scoreInOrder(ctx, s, groups, left, unbound, &b, &top, opt); err != nil {
		return nil, nil, err
	}
	r.readStored(s, top.list)
	return top.list, matchedWords(top.list, len(q)), nil
}

// unreached reports whether some of the n query words is in no group's
// postings (short ones included): no candidate can show it is no typo
// (see matchedWords).
func unreached(groups, short []wordGroup, n int) bool {
	var words uint32
	for _, list := range [2][]wordGroup{groups, short} {
		for _, g := range list {
			if g.size > 0 {
				words |= g.words
			}
		}
	}
	return words != 1<<uint(n)-1
}

// bestShowAll reports whether the k best candidates kept show that
// none of the n query words is a typo (see matchedWords).
func (t *topCandidates) bestShowAll(n int) bool {
	slices.SortFunc(t.list, func(a, b candidate) int {
		if a.before(&b) {
			return -1
		}
		if b.before(&a) {
			return 1
		}
		return 0
	})
	var words uint32
	for i := range t.list[:min(t.k, len(t.list))] {
		words |= t.list[i].best.seenWords()
	}
	return words == 1<<uint(n)-1
}

// scoreInOrder scores the concepts of groups into top in the order of
// the postings, and skips a concept, or the groups left, when the query
// words left could not lift it above top's k-th best.
func (r *resident) scoreInOrder(ctx context.Context, s *searchScratch, groups []wordGroup, left []uint32, unbound []bool, b *boundInput, top *topCandidates, opt rankOptions) error {
	marks := &s.conceptMarks
	for gi, g := range groups {
		if prune && top.kthFull() && !unbound[gi] && top.kth() > r.bound(-1, left[gi], b, false, false) {
			break
		}
		if err := ctx.Err(); err != nil {
			return err
		}
		for _, list := range g.lists {
			for i, n := range list {
				if i%warmAhead == 0 {
					marks.sink += r.warm(list[i:min(i+warmAhead, len(list))], b.langMask)
				}
				if !marks.mark(n) {
					continue
				}
				// Its words are among those left: a concept whose
				// shortest term is long cannot make the results.
				if prune && top.kthFull() && !unbound[gi] && b.lengthBound && top.kth() > r.bound(n, left[gi], b, true, false) {
					continue
				}
				c := r.score(n, b.rq, b.langMask, opt)
				if c.term < 0 {
					continue
				}
				top.add(c)
			}
		}
	}
	return nil
}

// boundInput is what bound reads of a search, the same for every
// concept.
type boundInput struct {
	rq          []queryToken
	wordImp     []float64
	qImp        float64
	langMask    uint8
	lengthBound bool
	short       []wordGroup // the short words' postings, not searched (see search)
	caps        []float64   // per token of rq, the most importance of a term word it can meet (see caps)
}

// caps returns, for each query token of rq, the most importance a term
// word it meets can have: its own for a function word that meets only
// itself or a word of the same key, when no word with that key is a
// content word and no edit or completion is allowed; else 1.
func (r *resident) caps(rq []queryToken, langs []string, opt rankOptions) []float64 {
	caps := make([]float64, len(rq))
	for i, t := range rq {
		caps[i] = 1
		if t.imp >= 1 || !opt.exact && !t.noEdits && (opt.fuzzy && t.fuzz > 0 || opt.prefix && t.runes >= minPrefixRunes) {
			continue
		}
		content := false
		for _, l := range langs {
			if rl := r.langs[l]; rl != nil && !opt.exact {
				if e := rl.word(t.key); e != nil && e.content {
					content = true
				}
			}
		}
		if !content {
			caps[i] = t.imp
		}
	}
	return caps
}

// scoreByBound scores the concepts of groups into top, most promising
// first, and skips those that cannot rank among its k best (see
// search). Each group's concepts met for the first time are scored in
// the order of their bounds, which count only the query words whose
// postings hold them (this group's, the later groups' they are found
// in, and the short words): a concept the query's other words do not
// reach cannot score as high as one they do, and most of a long
// posting list ranks below the concepts of every word.
func (r *resident) scoreByBound(ctx context.Context, s *searchScratch, groups []wordGroup, left []uint32, unbound []bool, b *boundInput, top *topCandidates, opt rankOptions) error {
	marks := &s.conceptMarks
	for gi, g := range groups {
		if prune && top.kthFull() && !unbound[gi] && top.kth() > r.bound(-1, left[gi], b, false, true) {
			return nil
		}
		if err := ctx.Err(); err != nil {
			return err
		}
		met := s.met[:0]
		for _, list := range g.lists {
			for _, n := range list {
				if marks.mark(n) {
					met = append(met, metConcept{n: n})
				}
			}
		}
		if prune && !unbound[gi] {
			kept := met[:0]
			for _, m := range met {
				words := g.words
				for _, later := range groups[gi+1:] {
					if words&later.words != later.words && later.holds(m.n) {
						words |= later.words
					}
				}
				for _, sg := range b.short {
					if words&sg.words != sg.words && sg.holds(m.n) {
						words |= sg.words
					}
				}
				// Most fall below the k-th best by their words alone,
				// before their own memory is read for the length bound.
				if top.kthFull() && top.kth() > r.bound(m.n, words, b, false, true) {
					continue
				}
				m.bound = r.bound(m.n, words, b, b.lengthBound, true)
				kept = append(kept, m)
			}
			met = kept
			// Best bound first; among equals, in concept order, as
			// the postings list them.
			slices.SortStableFunc(met, func(x, y metConcept) int {
				switch {
				case x.bound > y.bound:
					return -1
				case x.bound < y.bound:
					return 1
				}
				return 0
			})
		}
		order := s.order[:0]
		for _, m := range met {
			order = append(order, m.n)
		}
		for i, m := range met {
			if prune && !unbound[gi] && top.kthFull() {
				if top.kth() > m.bound {
					break // the rest are bound lower still
				}
				if top.kth() == m.bound && !r.mayPrecede(m.n, b.langMask, top.kthKey()) {
					continue
				}
			}
			if i%warmAhead == 0 {
				marks.sink += r.warm(order[i:min(i+warmAhead, len(order))], b.langMask)
			}
			if c := r.score(m.n, b.rq, b.langMask, opt); c.term >= 0 {
				top.add(c)
			}
		}
		s.met, s.order = met, order
	}
	return nil
}

// mayPrecede reports whether concept n, scoring as high as the
// candidate k ranks, could rank before it: by the least severity and
// length of its terms in langMask, then by ID (see candidate.before).
func (r *resident) mayPrecede(n int32, langMask uint8, k *rankKey) bool {
	sev, length := int16(math.MaxInt16), int16(math.MaxInt16)
	for l, rank := range r.bounds[n].minRank {
		if langMask&(1<<uint(l)) != 0 && (rank[0] < sev || rank[0] == sev && rank[1] < length) {
			sev, length = rank[0], rank[1]
		}
	}
	if int(sev) != k.severity {
		return int(sev) < k.severity
	}
	if int(length) != k.length {
		return int(length) < k.length
	}
	return r.concepts[n].id < k.id
}

// metConcept is a concept met in a group's postings, with the most it
// can score.
type metConcept struct {
	bound float64
	n     int32
}

// holds reports whether concept n is in the group's postings.
func (g *wordGroup) holds(n int32) bool {
	for _, list := range g.lists {
		if _, ok := slices.BinarySearch(list, n); ok {
			return true
		}
	}
	return false
}

// readStored reads the stored forms of the candidates together: the
// caller decodes the best of them, which would otherwise wait for each
// in turn.
func (r *resident) readStored(s *searchScratch, list []candidate) {
	for i := range list {
		if d := list[i].data; d != "" {
			s.sink += int(d[0]) + int(d[len(d)-1])
		}
	}
}

// warmAhead is the number of concepts of a posting list warm reads
// before they are scored.
const warmAhead = 16

// warm reads what scoring the concepts of list reads, before they are
// scored, one step of the chain at a time for all of them: the
// concepts, their terms, the terms' word headers and the words. A
// server's caches are cold between requests, and scoring one concept
// after another waits for each step of each chain in turn (some
// 100 ns a step); here the reads of one step are independent, and
// the processor waits for them together. It returns a sum of what it
// read, which the caller keeps.
func (r *resident) warm(list []int32, langMask uint8) int {
	s := 0
	for _, n := range list {
		s += len(r.concepts[n].terms)
	}
	for _, n := range list {
		for i := range r.concepts[n].terms {
			t := &r.concepts[n].terms[i]
			s += int(t.lang) + len(t.prepared.norms)
		}
	}
	for _, n := range list {
		for i := range r.concepts[n].terms {
			if t := &r.concepts[n].terms[i]; langMask&(1<<t.lang) != 0 && len(t.prepared.norms) > 0 {
				s += len(t.prepared.norms[0]) + len(t.prepared.keys[len(t.prepared.keys)-1])
			}
		}
	}
	for _, n := range list {
		for i := range r.concepts[n].terms {
			if t := &r.concepts[n].terms[i]; langMask&(1<<t.lang) != 0 && len(t.prepared.norms) > 0 && len(t.prepared.norms[0]) > 0 {
				s += int(t.prepared.norms[0][0])
			}
		}
	}
	return s
}

// bound is the most concept n (-1: any concept) can score matching
// only the query words in words (b.langMask: bit i for indexedLangs[i]
// searched): their share of the query's importance, times the most the
// term's own extra words leave of it (the concept's shortest term in
// langs has minImp importance, and at most one term word meets each
// query word), plus the phrase bonus and rounding. With tight set, a
// query token meets a term word of at most its cap's importance (see
// caps), the phrase bonus is counted only when words holds every query
// word, as matchTokens gives it, and the bound is rounded as a score
// is, not raised by 0.1 (scoreInOrder keeps the looser bound it always
// used: which concepts it skips decides which words are typos).
func (r *resident) bound(n int32, words uint32, b *boundInput, lengthBound, tight bool) float64 {
	var s float64
	for i, imp := range b.wordImp {
		if words&(1<<uint(i)) != 0 {
			s += imp
		}
	}
	f := 1.0
	if lengthBound && n >= 0 {
		// At most one term word meets each query token, and no more
		// important than its cap (tight) or 1.
		tokens := 0.0
		for j, t := range b.rq {
			if words&(1<<uint(t.orig)) != 0 {
				if tight {
					tokens += b.caps[j]
				} else {
					tokens++
				}
			}
		}
		minImp := math.Inf(1)
		for l, imp := range r.bounds[n].minImp {
			if b.langMask&(1<<uint(l)) != 0 {
				minImp = min(minImp, imp)
			}
		}
		if minImp > 0 && !math.IsInf(minImp, 1) {
			f = 0.5 + 0.5*min(1, tokens/minImp)
		}
	}
	if !tight {
		return 100*(s/b.qImp*f+phraseBonus) + 0.1
	}
	bonus := phraseBonus
	if all := uint32(1)<<uint(len(b.wordImp)) - 1; words&all != all {
		bonus = 0
	}
	// Rounded as matchTokens rounds a score (up, by a margin far above
	// the floating-point error of computing it another way).
	return math.Round((s/b.qImp*f+bonus)*1000+1e-6) / 10
}

// prune is unset by tests, which compare search with every group
// scored.
var prune = true

// byBound is unset by tests, which compare search with the concepts
// scored in postings order (scoreInOrder) only.
var byBound = true

// significant reports whether a query word can make a match on its own
// (see matchTokens): three letters or more, a number, or capitals.
func significant(t queryToken) bool { return t.runes >= minPrefixRunes || t.number || t.upper }

// score scores concept n by its best term in langs.
func (r *resident) score(n int32, rq []queryToken, langMask uint8, opt rankOptions) candidate {
	rc := &r.concepts[n]
	c := candidate{id: rc.id, data: rc.data, term: -1}
	for i := range rc.terms {
		t := &rc.terms[i]
		if langMask&(1<<t.lang) == 0 {
			continue
		}
		c.consider(matchPrepared(rq, &t.prepared, opt, false), int(t.index), int(t.severity), int(t.length), &t.prepared)
	}
	return c
}

// groups returns the postings of one language for each query word (and
// each pair of adjacent words, which a term may write as one compound):
// the same words the bleve query asks for (see exactQuery and
// fuzzyQuery), so that every concept matchTokens can score above zero
// is in some group.
func (rl *residentLang) groups(q, rq []queryToken, wordImp []float64, opt rankOptions) []wordGroup {
	groups := make([]wordGroup, 0, 2*len(q))
	for i, t := range q {
		g := wordGroup{words: 1 << uint(i), bound: wordImp[i]}
		norm := func(w string) {
			if e := rl.word(w); e != nil {
				g.add(e.norm)
				g.add(e.partNorm)
			}
		}
		key := func(w string) {
			if e := rl.word(w); e != nil {
				g.add(e.key)
				g.add(e.partKey)
			}
		}
		norm(t.norm)
		if !opt.exact {
			key(t.key)
			if t.solid != "" {
				key(t.solid)
			}
		}
		last := rq[len(rq)-1].orig == i
		for j, p := range rq {
			if p.orig != i {
				continue
			}
			if p.norm != t.norm {
				norm(p.norm)
				if !opt.exact {
					key(p.key)
				}
			}
			if !opt.exact {
				if e := rl.word(p.key); e != nil && e.solid {
					g.unbound = true
				}
			}
			if p.noEdits || opt.exact {
				continue
			}
			if opt.fuzzy && p.fuzz > 0 {
				for _, w := range rl.norms.near(p.norm, p.fuzz) {
					norm(w)
				}
				if p.keyFuzz > 0 {
					for _, w := range rl.keys.near(p.key, p.keyFuzz) {
						key(w)
					}
				}
			}
			if opt.prefix && last && j == len(rq)-1 && p.runes >= minPrefixRunes {
				for _, w := range rl.norms.withPrefix(p.norm) {
					norm(w)
				}
			}
		}
		groups = append(groups, g)
	}
	// Compounds written apart in the query: "non proliferation" finds
	// non-proliferation.
	for i := 0; i+1 < len(q); i++ {
		if q[i].number || q[i+1].number {
			continue
		}
		g := wordGroup{words: 1<<uint(i) | 1<<uint(i+1), bound: wordImp[i] + wordImp[i+1]}
		if e := rl.word(q[i].norm + "-" + q[i+1].norm); e != nil {
			g.add(e.norm)
		}
		if e := rl.word(q[i].key + "-" + q[i+1].key); !opt.exact && e != nil {
			g.add(e.key)
		}
		if g.size > 0 {
			groups = append(groups, g)
		}
	}
	return groups
}

// add adds a posting list to the group.
func (g *wordGroup) add(list []int32) {
	if len(list) > 0 {
		g.lists = append(g.lists, list)
		g.size += len(list)
	}
}

// topCandidates keeps the limit best candidates seen, and the scores
// of the k best.
type topCandidates struct {
	limit, k int
	list     []candidate
	worstAt  int
	best     []rankKey // the k best candidates' ranks, best first
}

// kthFull reports whether k candidates were kept; kth is then the k-th
// best score.
func (t *topCandidates) kthFull() bool { return len(t.best) >= t.k }

func (t *topCandidates) kth() float64 { return t.best[len(t.best)-1].score }

// kthKey is the rank of the k-th best candidate.
func (t *topCandidates) kthKey() *rankKey { return &t.best[len(t.best)-1] }

func (t *topCandidates) full() bool { return len(t.list) >= t.limit }

func (t *topCandidates) worst() *candidate { return &t.list[t.worstAt] }

func (t *topCandidates) add(c candidate) {
	key := c.key()
	if i := sort.Search(len(t.best), func(i int) bool { return key.before(&t.best[i]) }); i < t.k {
		t.best = slices.Insert(t.best, i, key)
		if len(t.best) > t.k {
			t.best = t.best[:t.k]
		}
	}
	if !t.full() {
		t.list = append(t.list, c)
		if len(t.list) == 1 || t.list[t.worstAt].before(&c) {
			t.worstAt = len(t.list) - 1
		}
		return
	}
	if !c.before(t.worst()) {
		return
	}
	t.list[t.worstAt] = c
	t.worstAt = 0
	for i := range t.list {
		if t.list[t.worstAt].before(&t.list[i]) {
			t.worstAt = i
		}
	}
}

// vocabulary is the words of one field, for typos and completion: in
// byte order for prefixes, and by length in letters with signatures
// that rule most words out before an edit distance is computed.
type vocabulary struct {
	words []string           // in byte order
	byLen [][]vocabularyWord // by length in letters (maxVocabLen and more together)
}

// vocabularyWord is a word with its signature, kept together so that a
// scan reads memory in order.
type vocabularyWord struct {
	sig  wordSig
	word string
}

// wordSig is a word's letters and letter pairs, each hashed to one bit
// of 64. One edit changes at most two bits of the first and four of the
// second, so words within d edits differ in at most 2d and 4d bits.
type wordSig struct{ letters, pairs uint64 }

const maxVocabLen = 64

func signature(w string) wordSig {
	var s wordSig
	prev := rune(-1)
	for _, r := range w {
		s.letters |= 1 << (uint32(r) * 2654435761 >> 26)
		if prev >= 0 {
			s.pairs |= 1 << ((uint32(prev)*31 + uint32(r)) * 2654435761 >> 26)
		}
		prev = r
	}
	return s
}

// newVocabulary makes the vocabulary of the words (in byte order) whose
// entries in words have postings that in reports.
func newVocabulary(sorted []string, in func(*residentWord) bool, words map[string]*residentWord) vocabulary {
	v := vocabulary{byLen: make([][]vocabularyWord, maxVocabLen+1)}
	for _, w := range sorted {
		if in(words[w]) {
			v.words = append(v.words, w)
		}
	}
	for _, w := range v.words {
		n := min(utf8.RuneCountInString(w), maxVocabLen)
		v.byLen[n] = append(v.byLen[n], vocabularyWord{signature(w), w})
	}
	return v
}

// near returns the words within d edits (in letters) of w, w itself
// excluded.
func (v *vocabulary) near(w string, d int) []string {
	n := utf8.RuneCountInString(w)
	ws := signature(w)
	var out []string
	for l := min(max(0, n-d), maxVocabLen); l <= min(n+d, maxVocabLen); l++ {
		for i := range v.byLen[l] {
			c := &v.byLen[l][i]
			if bits.OnesCount64(c.sig.letters^ws.letters) > 2*d || bits.OnesCount64(c.sig.pairs^ws.pairs) > 4*d {
				continue
			}
			if c.word != w && lang.EditDistance(w, c.word, d) <= d {
				out = append(out, c.word)
			}
		}
	}
	return out
}

// withPrefix returns the words that start with p and are longer.
func (v *vocabulary) withPrefix(p string) []string {
	i, _ := slices.BinarySearch(v.words, p)
	var out []string
	for ; i < len(v.words) && strings.HasPrefix(v.words[i], p); i++ {
		if len(v.words[i]) > len(p) {
			out = append(out, v.words[i])
		}
	}
	return out
}
