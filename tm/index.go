package tm

import (
	"container/heap"
	"math"
	"sort"
	"sync"

	"tolmach/internal/lang"
)

// Index is the query form of a TM: the segments of every unit, their
// token sequences as term numbers, and an inverted index from matching
// keys (per language) to the units holding them. It is built from a TM
// file once and cached on disk, memory-mapped when opened again (see
// [Open]), so a query at a million units starts without reading the TM.
// It is safe for concurrent queries, not for queries during [Index.Add].
type Index struct {
	text     column[byte]   // segment texts and unit ids, back to back
	seqs     column[uint32] // token sequences of all segments, as term numbers
	unitSegs []uint32       // unit i has segments unitSegs[i] to unitSegs[i+1]-1
	segs     []uint32       // segStride words per segment: language, text offset, length, sequence offset, length
	ids      []uint32       // two words per unit: id offset and length in text
	keys     []uint64       // each unit's deduplication key ([Unit.Key])
	langs    []string       // distinct segment languages; segment words index it
	langIdx  map[string]uint16
	terms    map[string]uint32 // base language + "\x00" + matching key (or punctuation) → term number
	// Postings: per term, the ascending numbers of the units holding it.
	// Terms below len(frozenOff)-1 have theirs in frozenData (read from
	// the cache) unless post holds a grown copy.
	frozenOff  []uint32
	frozenData []uint32
	post       [][]uint32
	dedup      map[uint64]struct{} // built from keys on first use, under dedupMu
	dedupMu    sync.Mutex
	unmap      func()
	accPool    sync.Pool
	// closeMu is held for reading by each query and for writing by
	// Close, so that Close waits for the queries in flight and a query
	// after it finds closed set instead of unmapped memory.
	closeMu sync.RWMutex
	closed  bool
}

const segStride = 5

// seg is one segment of the index.
type seg struct {
	lang           uint16
	off, n         uint32
	seqOff, seqLen uint32
}

func (x *Index) seg(i uint32) seg {
	w := x.segs[int(i)*segStride : int(i)*segStride+segStride]
	return seg{lang: uint16(w[0]), off: w[1], n: w[2], seqOff: w[3], seqLen: w[4]}
}

// unitSegRange returns the segment numbers of unit u.
func (x *Index) unitSegRange(u int) (uint32, uint32) { return x.unitSegs[u], x.unitSegs[u+1] }

// NewIndex returns an empty index.
func NewIndex() *Index {
	return &Index{
		unitSegs: []uint32{0},
		langIdx:  map[string]uint16{},
		terms:    map[string]uint32{},
		dedup:    map[uint64]struct{}{},
	}
}

// spill makes the texts and token sequences of units added from now on
// go to temporary files in dir instead of memory, for big imports; they
// are readable again once the index is saved and loaded.
func (x *Index) spill(dir string) error {
	if err := x.text.spillTo(dir); err != nil {
		return err
	}
	if err := x.seqs.spillTo(dir); err != nil {
		x.text.close()
		return err
	}
	return nil
}

func (x *Index) closeSpill() {
	x.text.close()
	x.seqs.close()
}

// Close releases the memory mapping of a cached index; the index must
// not be used afterwards. Indexes built in memory need no Close.
//
// Close waits for queries in flight; queries after it find nothing.
func (x *Index) Close() error {
	x.closeMu.Lock()
	defer x.closeMu.Unlock()
	x.closed = true
	if x.unmap != nil {
		x.unmap()
		x.unmap = nil
	}
	return nil
}

// reading takes the query lock; it reports false, lock not held, when
// the index is closed.
func (x *Index) reading() bool {
	x.closeMu.RLock()
	if x.closed {
		x.closeMu.RUnlock()
		return false
	}
	return true
}

// Len returns the number of units in the index.
func (x *Index) Len() int { return len(x.unitSegs) - 1 }

// Has reports whether a unit with this deduplication key is indexed.
// It is safe for concurrent use with other queries.
func (x *Index) Has(key uint64) bool {
	if !x.reading() {
		return false
	}
	defer x.closeMu.RUnlock()
	x.ensureDedup()
	x.dedupMu.Lock()
	_, ok := x.dedup[key]
	x.dedupMu.Unlock()
	return ok
}

// ensureDedup builds the deduplication set from the keys, once; a
// cached index is opened without it (most opens only query).
func (x *Index) ensureDedup() {
	x.dedupMu.Lock()
	defer x.dedupMu.Unlock()
	if x.dedup != nil {
		return
	}
	x.dedup = make(map[uint64]struct{}, len(x.keys))
	for _, k := range x.keys {
		x.dedup[k] = struct{}{}
	}
}

// postings returns the units holding term t.
func (x *Index) postings(t uint32) []uint32 {
	if int(t) < len(x.post) && x.post[t] != nil {
		return x.post[t]
	}
	if int(t)+1 < len(x.frozenOff) {
		return x.frozenData[x.frozenOff[t]:x.frozenOff[t+1]]
	}
	return nil
}

func (x *Index) numTerms() int { return len(x.terms) }

// analysed is a unit made ready for the index: its key and the tokens of
// its segments as language-tagged terms. Analysis is the costly part of
// indexing and runs in parallel; adding to the index does not.
type analysed struct {
	key  uint64
	segs [][]analysedToken // per segment, its tokens as terms
}

type analysedToken struct {
	term  string // base language + "\x00" + key
	punct bool
}

func analyseUnit(u *Unit) analysed {
	parts := make([]string, 0, len(u.Segments))
	segs := make([][]analysedToken, len(u.Segments))
	for i, s := range u.Segments {
		base := BaseLang(s.Lang)
		toks := scoreTokens(s.Text)
		at := make([]analysedToken, len(toks))
		for j, t := range toks {
			at[j] = analysedToken{term: base + "\x00" + t.Key, punct: t.Punct}
		}
		segs[i] = at
		parts = append(parts, base+"\x00"+lang.VisibleForm(s.Text))
	}
	return analysed{key: keyOf(parts), segs: segs}
}

// Add adds u to the index unless a unit with the same key is there, and
// reports whether it was added.
func (x *Index) Add(u *Unit) bool {
	return x.add(u, analyseUnit(u))
}

func (x *Index) add(u *Unit, a analysed) bool {
	x.ensureDedup()
	if _, dup := x.dedup[a.key]; dup {
		return false
	}
	x.dedup[a.key] = struct{}{}
	n := uint32(x.Len())
	var seqBuf [64]uint32
	for i, s := range u.Segments {
		l, ok := x.langIdx[s.Lang]
		if !ok {
			l = uint16(len(x.langs))
			x.langs = append(x.langs, s.Lang)
			x.langIdx[s.Lang] = l
		}
		seqOff := uint32(x.seqs.len())
		seq := seqBuf[:0]
		for _, t := range a.segs[i] {
			id, ok := x.terms[t.term]
			if !ok {
				id = uint32(len(x.terms))
				x.terms[t.term] = id
			}
			seq = append(seq, id)
			if !t.punct {
				x.addPosting(id, n)
			}
		}
		x.seqs.append(seq...)
		off, ln := x.appendText(s.Text)
		x.segs = append(x.segs, uint32(l), off, ln, seqOff, uint32(len(seq)))
	}
	x.unitSegs = append(x.unitSegs, uint32(len(x.segs)/segStride))
	off, ln := x.appendText(u.ID)
	x.ids = append(x.ids, off, ln)
	x.keys = append(x.keys, a.key)
	return true
}

func (x *Index) addPosting(t, u uint32) {
	for int(t) >= len(x.post) {
		x.post = append(x.post, nil)
	}
	p := x.post[t]
	if p == nil && int(t)+1 < len(x.frozenOff) {
		f := x.frozenData[x.frozenOff[t]:x.frozenOff[t+1]]
		p = append(make([]uint32, 0, len(f)+4), f...)
	}
	if len(p) == 0 || p[len(p)-1] != u {
		p = append(p, u)
	}
	x.post[t] = p
}

func (x *Index) appendText(s string) (off, n uint32) {
	off = uint32(x.text.len())
	x.text.append([]byte(s)...)
	return off, uint32(len(s))
}

func (x *Index) str(off, n uint32) string { return string(x.text.at(int(off), int(n))) }

func (x *Index) segText(s seg) string { return x.str(s.off, s.n) }

func (x *Index) id(u int) string { return x.str(x.ids[2*u], x.ids[2*u+1]) }

// Unit returns unit i (0 ≤ i < Len) as the index keeps it: id and
// segments (plain text, no markup); metadata is in the TM file only.
func (x *Index) Unit(i int) Unit {
	u := Unit{ID: x.id(i)}
	from, to := x.unitSegRange(i)
	for j := from; j < to; j++ {
		s := x.seg(j)
		u.Segments = append(u.Segments, Segment{Lang: x.langs[s.lang], Text: x.segText(s)})
	}
	return u
}

// segRefIn returns unit i's first segment in the base language base.
func (x *Index) segRefIn(i int, base string) (seg, bool) {
	from, to := x.unitSegRange(i)
	for j := from; j < to; j++ {
		if s := x.seg(j); BaseLang(x.langs[s.lang]) == base {
			return s, true
		}
	}
	return seg{}, false
}

// querySeq maps the query's tokens to term numbers; tokens the TM does
// not know get numbers no term has, distinct unless their keys are equal.
func (x *Index) querySeq(q []scoreToken, base string) []uint32 {
	seq := make([]uint32, len(q))
	unknown := map[string]uint32{}
	for i, t := range q {
		if id, ok := x.terms[base+"\x00"+t.Key]; ok {
			seq[i] = id
			continue
		}
		id, ok := unknown[t.Key]
		if !ok {
			id = math.MaxUint32 - uint32(len(unknown))
			unknown[t.Key] = id
		}
		seq[i] = id
	}
	return seq
}

// otherSegment returns unit i's translation for a query in base: the
// first segment in another language, Russian or English first.
func (x *Index) otherSegment(i int, base string) (string, string) {
	var other, otherLang string
	from, to := x.unitSegRange(i)
	for j := from; j < to; j++ {
		s := x.seg(j)
		l := x.langs[s.lang]
		b := BaseLang(l)
		if b == base {
			continue
		}
		if b == "ru" || b == "en" {
			return x.segText(s), l
		}
		if other == "" {
			other, otherLang = x.segText(s), l
		}
	}
	return other, otherLang
}

// Match is a fuzzy match of a query in the TM.
type Match struct {
	Unit       int    // the unit's number in the index
	ID         string // the unit's id
	Score      int    // the fuzzy percentage, 0–100 ([Score])
	Source     string // the unit's segment in the query's language
	Target     string // its translation (the other language)
	SourceLang string
	TargetLang string
}

// MatchOptions tune [Index.Match].
type MatchOptions struct {
	Min   int    // lowest percentage returned (0–100)
	Limit int    // most matches returned; 0 means 5
	Lang  string // the query's language; "" detects it by script
}

// candidatesPerQuery is how many units, ranked by the idf-weighted
// share of query keys they hold, are rescored with the edit distance.
const candidatesPerQuery = 64

// Match returns the units most similar to query, best first: candidates
// from the inverted index of matching keys, weighted by rarity, then
// rescored with [Score]. Ties keep TM order.
func (x *Index) Match(query string, opt MatchOptions) []Match {
	if !x.reading() {
		return nil
	}
	defer x.closeMu.RUnlock()
	if opt.Limit <= 0 {
		opt.Limit = 5
	}
	q := scoreTokens(query)
	var out []Match
	for _, base := range queryLangs(query, opt.Lang) {
		cands := x.candidates(q, base, max(candidatesPerQuery, 4*opt.Limit))
		if len(cands) == 0 {
			continue
		}
		qseq := x.querySeq(q, base)
		for _, c := range cands {
			sg, ok := x.segRefIn(int(c), base)
			if !ok {
				continue
			}
			cseq := x.seqs.at(int(sg.seqOff), int(sg.seqLen))
			m := max(len(qseq), len(cseq))
			ld := distanceIDs(qseq, cseq)
			if m > 0 && 100*(m-ld)/m < opt.Min {
				continue
			}
			src := x.segText(sg)
			s := 100
			if ld > 0 {
				s = 100 * (m - ld) / m
			} else {
				s = score(q, scoreTokens(src)) // 100 or 99: needs the written forms
			}
			tgt, tl := x.otherSegment(int(c), base)
			out = append(out, Match{Unit: int(c), ID: x.id(int(c)), Score: s, Source: src, Target: tgt,
				SourceLang: x.langs[sg.lang], TargetLang: tl})
		}
	}
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].Score != out[j].Score {
			return out[i].Score > out[j].Score
		}
		return out[i].Unit < out[j].Unit
	})
	if len(out) > opt.Limit {
		out = out[:opt.Limit]
	}
	return out
}

// queryLangs returns the base languages to look a query up in: the one
// given, else the one its script shows, else Russian and English.
func queryLangs(query, given string) []string {
	if given != "" {
		return []string{BaseLang(given)}
	}
	// Both, the script's first: a query mixing scripts (Latin names in
	// a Russian sentence) may belong to either side.
	if lang.Detect(query) == lang.EN {
		return []string{"en", "ru"}
	}
	return []string{"ru", "en"}
}

// accumulator is the per-query scratch space of candidates: a weight
// per unit and the list of units touched, reused through a pool so that
// a query at a million units allocates nothing big.
type accumulator struct {
	w       []float32
	touched []uint32
}

// candidates returns up to k units holding the query's keys in base,
// ranked by the idf-weighted sum of the keys they share with it. Keys
// held by more than a tenth of a large TM (the, и, of) are left out of
// the ranking when rarer ones exist: they would only cost time.
func (x *Index) candidates(q []scoreToken, base string, k int) []uint32 {
	n := x.Len()
	if n == 0 {
		return nil
	}
	type qterm struct {
		id uint32
		df int
		w  float32
	}
	var qt []qterm
	seen := map[uint32]bool{}
	for _, t := range q {
		if t.Punct {
			continue
		}
		id, ok := x.terms[base+"\x00"+t.Key]
		if !ok || seen[id] {
			continue
		}
		seen[id] = true
		df := len(x.postings(id))
		qt = append(qt, qterm{id: id, df: df, w: float32(math.Log(1 + float64(n)/float64(df)))})
	}
	if len(qt) == 0 {
		return nil
	}
	sort.Slice(qt, func(i, j int) bool { return qt[i].df < qt[j].df })
	if n >= 10000 {
		limit := n / 10
		keep := 0
		for keep < len(qt) && qt[keep].df <= limit {
			keep++
		}
		if keep >= 2 {
			qt = qt[:keep]
		} else {
			qt = qt[:min(len(qt), 2)]
		}
	}
	acc, _ := x.accPool.Get().(*accumulator)
	if acc == nil || len(acc.w) < n {
		acc = &accumulator{w: make([]float32, n+n/4)}
	}
	for _, t := range qt {
		for _, u := range x.postings(t.id) {
			if acc.w[u] == 0 {
				acc.touched = append(acc.touched, u)
			}
			acc.w[u] += t.w
		}
	}
	h := &candHeap{}
	for _, u := range acc.touched {
		c := cand{u: u, w: acc.w[u]}
		acc.w[u] = 0
		if h.Len() < k {
			heap.Push(h, c)
		} else if c.better((*h)[0]) {
			(*h)[0] = c
			heap.Fix(h, 0)
		}
	}
	acc.touched = acc.touched[:0]
	x.accPool.Put(acc)
	out := make([]uint32, h.Len())
	for i := len(out) - 1; i >= 0; i-- {
		out[i] = heap.Pop(h).(cand).u
	}
	return out
}

type cand struct {
	u uint32
	w float32
}

func (c cand) better(d cand) bool { return c.w > d.w || c.w == d.w && c.u < d.u }

// candHeap is a min-heap of candidates: the worst kept one on top.
type candHeap []cand

func (h candHeap) Len() int           { return len(h) }
func (h candHeap) Less(i, j int) bool { return h[j].better(h[i]) }
func (h candHeap) Swap(i, j int)      { h[i], h[j] = h[j], h[i] }
func (h *candHeap) Push(v any)        { *h = append(*h, v.(cand)) }
func (h *candHeap) Pop() any {
	old := *h
	v := old[len(old)-1]
	*h = old[:len(old)-1]
	return v
}

// Hit is a concordance result: a unit whose segment holds the phrase.
type Hit struct {
	Unit       int
	ID         string
	Source     string // the segment holding the phrase
	Target     string // its translation
	SourceLang string
	TargetLang string
	// Spans are the byte ranges of Source that matched the phrase, for
	// highlighting.
	Spans [][2]int
}

// Search returns up to limit units (0: 20) holding phrase in any
// inflected form — its matching keys, contiguous, in either language —
// in TM order.
func (x *Index) Search(phrase string, limit int) []Hit {
	if !x.reading() {
		return nil
	}
	defer x.closeMu.RUnlock()
	if limit <= 0 {
		limit = 20
	}
	qkeys := lang.Keys(phrase)
	if len(qkeys) == 0 {
		return nil
	}
	var out []Hit
	for _, base := range queryLangs(phrase, "") {
		lists := make([][]uint32, 0, len(qkeys))
		ok := true
		for _, k := range qkeys {
			id, found := x.terms[base+"\x00"+k]
			if !found {
				ok = false
				break
			}
			lists = append(lists, x.postings(id))
		}
		if !ok {
			continue
		}
		sort.Slice(lists, func(i, j int) bool { return len(lists[i]) < len(lists[j]) })
		for _, u := range lists[0] {
			if !allContain(lists[1:], u) {
				continue
			}
			from, to := x.unitSegRange(int(u))
			for j := from; j < to; j++ {
				s := x.seg(j)
				if BaseLang(x.langs[s.lang]) != base {
					continue
				}
				text := x.segText(s)
				spans := phraseSpans(text, qkeys)
				if len(spans) == 0 {
					continue
				}
				tgt, tl := x.otherSegment(int(u), base)
				out = append(out, Hit{Unit: int(u), ID: x.id(int(u)), Source: text, Target: tgt,
					SourceLang: x.langs[s.lang], TargetLang: tl, Spans: spans})
				break
			}
			if len(out) >= limit {
				return out
			}
		}
	}
	return out
}

// allContain reports whether every ascending list holds u.
func allContain(lists [][]uint32, u uint32) bool {
	for _, l := range lists {
		i := sort.Search(len(l), func(i int) bool { return l[i] >= u })
		if i == len(l) || l[i] != u {
			return false
		}
	}
	return true
}

// phraseSpans returns where in text the key sequence occurs.
func phraseSpans(text string, keys []string) [][2]int {
	toks := lang.Analyze(text)
	var spans [][2]int
	for i := 0; i+len(keys) <= len(toks); i++ {
		j := 0
		for j < len(keys) && toks[i+j].Key == keys[j] {
			j++
		}
		if j == len(keys) {
			spans = append(spans, [2]int{toks[i].Start, toks[i+j-1].End})
			i += j - 1
		}
	}
	return spans
}

// Stats describes the contents of an index.
type Stats struct {
	Units     int         `json:"units"`
	Terms     int         `json:"terms"` // distinct matching keys and punctuation, per language
	Languages []LangStats `json:"languages"`
}

// LangStats counts the segments and tokens of one language.
type LangStats struct {
	Lang     string `json:"lang"`
	Segments int    `json:"segments"`
	Tokens   int    `json:"tokens"` // words, numbers and punctuation
}

// Stats returns the counts of the index, languages in order of first use.
func (x *Index) Stats() Stats {
	per := make([]LangStats, len(x.langs))
	for i, l := range x.langs {
		per[i].Lang = l
	}
	for j := 0; j < len(x.segs)/segStride; j++ {
		s := x.seg(uint32(j))
		per[s.lang].Segments++
		per[s.lang].Tokens += int(s.seqLen)
	}
	return Stats{Units: x.Len(), Terms: len(x.terms), Languages: per}
}
