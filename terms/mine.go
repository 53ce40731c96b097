package terms

import (
	"math"
	"runtime"
	"slices"
	"sort"
	"sync"
	"unicode"
	"unicode/utf8"

	"tolmach/glossary"
	"tolmach/internal/lang"
	"tolmach/tm/align"
)

// MineOptions tune [Mine]. The zero value is ready to use.
type MineOptions struct {
	// MinCount is the least number of segment pairs a candidate pair must
	// occur in together; 0 means 3.
	MinCount int
	// Limit keeps the best Limit candidates; 0 keeps all.
	Limit int
	// MaxWords is the longest phrase considered, in words; 0 means 5.
	MaxWords int
	// MinDice is the least Dice coefficient of a pair; 0 means 0.3.
	MinDice float64
	// Exclude holds the glossaries whose terms are known already: a pair
	// whose Russian or English side is one of their terms is left out.
	Exclude *glossary.Glossary
}

// Candidate is a mined term pair.
type Candidate struct {
	RU, EN string // in dictionary form (see DictionaryForm)
	// Count is the number of segment pairs holding both; RUCount and
	// ENCount those holding each. Segment pairs that repeat another but
	// for numbers count once. For a pair of single-word names, a segment
	// pair where one side stands as an adjective (Estonian beside
	// «Эстонии») counts as holding it (see family.go).
	Count, RUCount, ENCount int
	// Score ranks the candidates: the log-likelihood ratio (G²) of the
	// pair's co-occurrence (how far from chance it is) times its Dice
	// coefficient (how exclusively the two go together), weighed down for a
	// pair of two single common words the shorter they are (see termhood).
	// Among equal scores, pairs seen in more documents come first.
	Score float64
	// Dice is 2·Count/(RUCount+ENCount).
	Dice float64
	// Example is one segment pair holding both.
	Example Pair
}

// scored is a candidate pair of phrase ids with its statistics.
type scored struct {
	r, e            uint32
	n, fr, fe       int32 // together, and each (with families: see family.go)
	dice, llr, rank float64
}

// topPartners is how many best partners of each phrase are weighed
// before one is chosen (see nameVeto).
const topPartners = 3

// addTop inserts s into top, kept sorted by better and at most
// topPartners long.
func addTop(top []scored, s scored, better func(a, b scored) bool) []scored {
	i := len(top)
	for i > 0 && better(s, top[i-1]) {
		i--
	}
	if i >= topPartners {
		return top
	}
	if len(top) < topPartners {
		top = append(top, scored{})
	}
	copy(top[i+1:], top[i:len(top)-1])
	top[i] = s
	return top
}

// documents returns the document index of every segment pair.
func documents(c *Corpus) []int32 {
	ids := map[string]int32{}
	out := make([]int32, len(c.Pairs))
	for i, p := range c.Pairs {
		id, ok := ids[p.Document]
		if !ok {
			id = int32(len(ids))
			ids[p.Document] = id
		}
		out[i] = id
	}
	return out
}

// countDocs counts the documents each kept phrase occurs in.
func (pt *phraseTable) countDocs(docs []int32) {
	pt.docs = make([]int32, len(pt.hash))
	last := make([]int32, len(pt.hash))
	for k := range last {
		last[k] = -1
	}
	seen := map[[2]int32]bool{}
	for i, ids := range pt.per {
		d := docs[i]
		for _, id := range ids {
			if last[id] == d {
				continue
			}
			last[id] = d
			if k := [2]int32{int32(id), d}; !seen[k] {
				seen[k] = true
				pt.docs[id]++
			}
		}
	}
}

// termhood weighs a pair of single common words (not names) by the
// length of their words: general vocabulary is short (школа, school,
// всегда), terms are mostly longer (инфраструктура, infrastructure,
// цивилизация): 0.3 from 13 letters on average down to 0.015 (and at
// most 0.3, for single words are less often terms than phrases and names).
func (wa *wordAssoc) termhood(r, e uint32) float64 {
	l := 0
	for _, w := range wa.wordsR[r] {
		l += utf8.RuneCountInString(wa.surfacesR[w])
	}
	for _, w := range wa.wordsE[e] {
		l += utf8.RuneCountInString(wa.surfacesE[w])
	}
	return 0.3 * min(1, max(0.05, (float64(l)/2-5)/8))
}

// phraseTable holds the candidate phrases of one language that are
// frequent enough and not just a part of a longer one.
type phraseTable struct {
	df     map[uint64]int32  // segment frequency of every candidate hash
	id     map[uint64]uint32 // dense ids of the kept ones
	hash   []uint64
	freq   []int32
	common []bool     // a single word that is not a name (санкции, not Шойгу)
	docs   []int32    // the number of documents each phrase occurs in
	per    [][]uint32 // per segment, the ids of kept phrases in it
	// nameWord holds the word of every single-word name (Шойгу, Syria),
	// by phrase id.
	nameWord map[uint32]uint32
}

// isName reports whether phrase p is a single-word name.
func (pt *phraseTable) isName(p uint32) bool {
	_, ok := pt.nameWord[p]
	return ok
}

// Mine finds candidate term pairs in c (see the package documentation),
// best first.
func Mine(c *Corpus, opt MineOptions) []Candidate {
	if opt.MinCount <= 0 {
		opt.MinCount = 3
	}
	if opt.MaxWords <= 0 {
		opt.MaxWords = 5
	}
	if opt.MinDice <= 0 {
		opt.MinDice = 0.3
	}
	tk := tokenize(c)
	c, tk = distinct(c, tk)
	ru := buildPhrases(tk.ru, opt, true)
	en := buildPhrases(tk.en, opt, false)
	docs := documents(c)
	ru.countDocs(docs)
	en.countDocs(docs)
	co := cooccur(ru, en, opt.MinDice)
	fam := countFamilies(tk, ru, en)

	// Both directions: each Russian phrase's best English partners, and
	// each English phrase's best Russian ones; the best of them that the
	// names in both segments do not contradict (see nameVeto) is kept.
	better := func(a, b scored) bool {
		if a.dice != b.dice {
			return a.dice > b.dice
		}
		if a.llr != b.llr {
			return a.llr > b.llr
		}
		return a.r < b.r || a.r == b.r && a.e < b.e
	}
	topR := map[uint32][]scored{}
	topE := map[uint32][]scored{}
	N := float64(len(c.Pairs))
	for k, n := range co {
		r, e := uint32(k>>32), uint32(k)
		fr, fe := float64(ru.freq[r]), float64(en.freq[e])
		if x, ok := fam[k]; ok && ru.isName(r) && en.isName(e) {
			// Two names are counted with their adjectives (see
			// family.go).
			n += x.n
			fr += float64(x.r)
			fe += float64(x.e)
		}
		if int(n) < opt.MinCount {
			continue
		}
		d := 2 * float64(n) / (fr + fe)
		if d < opt.MinDice {
			continue
		}
		s := scored{r: r, e: e, n: n, fr: int32(fr), fe: int32(fe), dice: d, llr: llr(float64(n), fr, fe, N)}
		s.rank = s.llr * d
		topR[r] = addTop(topR[r], s, better)
		topE[e] = addTop(topE[e], s, better)
	}
	all := map[uint64]scored{}
	for _, ss := range topR {
		for _, s := range ss {
			all[uint64(s.r)<<32|uint64(s.e)] = s
		}
	}
	for _, ss := range topE {
		for _, s := range ss {
			all[uint64(s.r)<<32|uint64(s.e)] = s
		}
	}
	wa := newWordAssoc(tk, ru, en, pairs2list(all))
	veto := wa.nameVeto(all)
	// Each phrase's choice: its best partner not vetoed; among partners
	// of equal statistics, the one more of whose words align.
	choose := func(ss []scored) (scored, bool) {
		best, ok := scored{}, false
		for _, s := range ss {
			switch {
			case veto[uint64(s.r)<<32|uint64(s.e)]:
			case !ok:
				best, ok = s, true
			case s.dice == best.dice && s.llr == best.llr && wa.coverage(s.r, s.e) > wa.coverage(best.r, best.e):
				best = s
			}
		}
		return best, ok
	}
	pairs := map[uint64]scored{}
	chosen := map[uint64]int{} // how many of its two sides chose a pair
	for _, top := range []map[uint32][]scored{topR, topE} {
		for _, ss := range top {
			if s, ok := choose(ss); ok {
				k := uint64(s.r)<<32 | uint64(s.e)
				pairs[k] = s
				chosen[k]++
			}
		}
	}

	// Known terms are not candidates.
	var exRU, exEN map[uint64]bool
	if opt.Exclude != nil {
		exRU, exEN = glossaryHashes(opt.Exclude, tk.voc)
	}
	for k, s := range pairs {
		if exRU[ru.hash[s.r]] || exEN[en.hash[s.e]] {
			delete(pairs, k)
		}
	}

	// The word-alignment check: most content words of each side must have
	// a partner on the other.
	// A pair that only one of its sides chose (the other chose another
	// partner) must align word by word: «ограничительные меры» =
	// "tightened", where «меры» has no partner, goes, and "Britain" beside
	// «Великобритания» = "UK" stays.
	for k, s := range pairs {
		r, e := uint32(k>>32), uint32(k)
		if !wa.aligned(r, e) || !wa.cyrillic(r) || chosen[k] < 2 && wa.coverage(r, e) < 1 {
			delete(pairs, k)
			continue
		}
		if ru.common[r] && en.common[e] {
			// Two single common words are most often general vocabulary
			// (страна, country): they rank below phrases and names.
			s.rank *= wa.termhood(r, e)
			pairs[k] = s
		}
	}
	// A pair whose side is part of the other side of a longer pair of the
	// same phrase ("Health" beside "World Health Organization") goes.
	byR, byE := map[uint32][]uint32{}, map[uint32][]uint32{}
	for k := range pairs {
		byR[uint32(k>>32)] = append(byR[uint32(k>>32)], uint32(k))
		byE[uint32(k)] = append(byE[uint32(k)], uint32(k>>32))
	}
	// Of a pair and a longer one sharing a side, the less associated goes,
	// the shorter if they are equal ("World Health Organization", not
	// "Health"; «Бразилия» = "Brazil", not «Бразилия обязали» = "Brazil").
	drop := map[uint64]bool{}
	for k, s := range pairs {
		r, e := uint32(k>>32), uint32(k)
		for _, e2 := range byR[r] {
			if e2 != e && contains(wa.seqE[e2], wa.seqE[e]) {
				if l := uint64(r)<<32 | uint64(e2); pairs[l].dice >= s.dice {
					drop[k] = true
				} else {
					drop[l] = true
				}
			}
		}
		for _, r2 := range byE[e] {
			if r2 != r && contains(wa.seqR[r2], wa.seqR[r]) {
				if l := uint64(r2)<<32 | uint64(e); pairs[l].dice >= s.dice {
					drop[k] = true
				} else {
					drop[l] = true
				}
			}
		}
	}
	for k := range drop {
		delete(pairs, k)
	}

	// Forms and an example, in one pass over the corpus.
	list := make([]scored, 0, len(pairs))
	for _, s := range pairs {
		list = append(list, s)
	}
	sort.Slice(list, func(i, j int) bool {
		if list[i].rank != list[j].rank {
			return list[i].rank > list[j].rank
		}
		// Among equals, the pair seen in more documents: a term recurs
		// across texts, a story's character does not.
		if di, dj := min(ru.docs[list[i].r], en.docs[list[i].e]), min(ru.docs[list[j].r], en.docs[list[j].e]); di != dj {
			return di > dj
		}
		return list[i].r < list[j].r || list[i].r == list[j].r && list[i].e < list[j].e
	})
	if opt.Limit > 0 && len(list) > opt.Limit {
		list = list[:opt.Limit]
	}
	needR, needE := map[uint32]*Forms{}, map[uint32]*Forms{}
	example := map[uint64]int{}
	for _, s := range list {
		needR[s.r] = &Forms{}
		needE[s.e] = &Forms{}
		example[uint64(s.r)<<32|uint64(s.e)] = -1
	}
	collectForms(tk.ru, ru, needR, opt.MaxWords, true)
	collectForms(tk.en, en, needE, opt.MaxWords, false)
	for i := range c.Pairs {
		for _, r := range ru.per[i] {
			if needR[r] == nil {
				continue
			}
			for _, e := range en.per[i] {
				k := uint64(r)<<32 | uint64(e)
				if x, ok := example[k]; ok && x < 0 {
					example[k] = i
				}
			}
		}
	}
	out := make([]Candidate, 0, len(list))
	for _, s := range list {
		cand := Candidate{
			RU: DictionaryForm(needR[s.r], "ru"), EN: DictionaryForm(needE[s.e], "en"),
			Count: int(s.n), RUCount: int(s.fr), ENCount: int(s.fe),
			Score: math.Round(s.rank*10) / 10, Dice: math.Round(s.dice*1000) / 1000,
		}
		if x := example[uint64(s.r)<<32|uint64(s.e)]; x >= 0 {
			cand.Example = c.Pairs[x]
		}
		out = append(out, cand)
	}
	return out
}

func pairs2list[T any](m map[uint64]T) []uint64 {
	out := make([]uint64, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	return out
}

// buildPhrases counts the candidate phrases of one language, keeps those
// in at least MinCount segments that are not mostly part of one longer
// candidate («Шанхайской организации» inside «Шанхайской организации
// сотрудничества»), and lists the kept ones of each segment.
func buildPhrases(segs []side, opt MineOptions, ru bool) *phraseTable {
	pt := &phraseTable{df: map[uint64]int32{}, id: map[uint64]uint32{}}
	var hs []uint64
	// Per single word, occurrences written as a name (capitalised inside a
	// sentence, or in capitals) less those written in lower case.
	nameness := map[uint64]int32{}
	single := map[uint64]uint32{} // the word of each single-word phrase
	for _, s := range segs {
		hs = hs[:0]
		spans(s.words, opt.MaxWords, ru, func(i, j int) {
			h := hashSpan(s.words, i, j)
			hs = append(hs, h)
			if j-i == 1 {
				single[h] = s.words[i].id
				switch f := s.words[i].flags; {
				case f&fUpper != 0 || f&fCap != 0 && f&fInitial == 0:
					nameness[h]++
				case f&fCap == 0:
					nameness[h]--
				}
			}
		})
		for _, h := range uniq(hs) {
			pt.df[h]++
		}
	}
	// super holds, per phrase, the highest frequency of a longer frequent
	// candidate containing it.
	super := map[uint64]int32{}
	min := int32(opt.MinCount)
	for _, s := range segs {
		spans(s.words, opt.MaxWords, ru, func(i, j int) {
			if j-i < 2 {
				return
			}
			f := pt.df[hashSpan(s.words, i, j)]
			if f < min {
				return
			}
			spans(s.words[i:j], j-i-1, ru, func(a, b int) {
				h := hashSpan(s.words[i:j], a, b)
				if f > super[h] {
					super[h] = f
				}
			})
		})
	}
	for h, f := range pt.df {
		if f < min || float64(super[h]) >= 0.9*float64(f) {
			continue
		}
		pt.hash = append(pt.hash, h)
	}
	// Ids in hash order, so that results do not depend on map order.
	sort.Slice(pt.hash, func(a, b int) bool { return pt.hash[a] < pt.hash[b] })
	pt.freq = make([]int32, len(pt.hash))
	pt.common = make([]bool, len(pt.hash))
	pt.nameWord = map[uint32]uint32{}
	for k, h := range pt.hash {
		pt.id[h] = uint32(k)
		pt.freq[k] = pt.df[h]
		n, one := nameness[h]
		pt.common[k] = one && n <= 0
		if one && n > 0 {
			pt.nameWord[uint32(k)] = single[h]
		}
	}
	pt.per = make([][]uint32, len(segs))
	var ids []uint32
	for k, s := range segs {
		ids = ids[:0]
		spans(s.words, opt.MaxWords, ru, func(i, j int) {
			if id, ok := pt.id[hashSpan(s.words, i, j)]; ok {
				ids = append(ids, id)
			}
		})
		if len(ids) > 0 {
			pt.per[k] = append([]uint32(nil), uniq32(ids)...)
		}
	}
	return pt
}

// cooccur counts, for every Russian and English phrase in one segment
// pair, the pairs they share, skipping pairs whose frequencies are too
// far apart ever to reach minDice. It runs on all CPUs.
func cooccur(ru, en *phraseTable, minDice float64) map[uint64]int32 {
	ratio := minDice / (2 - minDice)
	workers := runtime.GOMAXPROCS(0)
	n := len(ru.per)
	parts := make([]map[uint64]int32, workers)
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func(w int) {
			defer wg.Done()
			m := map[uint64]int32{}
			for i := w; i < n; i += workers {
				for _, r := range ru.per[i] {
					fr := float64(ru.freq[r])
					for _, e := range en.per[i] {
						fe := float64(en.freq[e])
						if fr < fe*ratio || fe < fr*ratio {
							continue
						}
						m[uint64(r)<<32|uint64(e)]++
					}
				}
			}
			parts[w] = m
		}(w)
	}
	wg.Wait()
	all := parts[0]
	for _, m := range parts[1:] {
		for k, v := range m {
			all[k] += v
		}
	}
	return all
}

// llr is Dunning's log-likelihood ratio G² of a 2×2 table: n segments
// with both, fr and fe with each, N in all.
func llr(n, fr, fe, N float64) float64 {
	cells := [4]float64{n, fr - n, fe - n, N - fr - fe + n}
	rows := [2]float64{fr, N - fr}
	cols := [2]float64{fe, N - fe}
	g := 0.0
	for k, o := range cells {
		if o <= 0 {
			continue
		}
		e := rows[k/2] * cols[k%2] / N
		g += o * math.Log(o/e)
	}
	if n*N < fr*fe {
		return 0 // less often together than by chance
	}
	return 2 * g
}

// glossaryHashes returns the phrase hashes of a glossary's Russian and
// English terms, as far as their words occur in the corpus at all.
func glossaryHashes(g *glossary.Glossary, voc *vocab) (ru, en map[uint64]bool) {
	ru, en = map[uint64]bool{}, map[uint64]bool{}
	for _, c := range g.Concepts {
		for _, t := range c.Terms {
			var m map[uint64]bool
			switch t.Lang {
			case "ru":
				m = ru
			case "en":
				m = en
			default:
				continue
			}
			// Every written form: «Конгресс [США]» is known as «Конгресс»
			// too.
			for _, form := range t.Forms() {
				if h, ok := phraseHash(form, voc); ok {
					m[h] = true
				}
			}
		}
	}
	return ru, en
}

// phraseHash returns the phrase hash of a text, if all its words occur
// in the corpus.
func phraseHash(text string, voc *vocab) (uint64, bool) {
	toks := lang.Analyze(text)
	ids := make([]uint32, 0, len(toks))
	for _, tok := range toks {
		id, found := voc.lookup(tok.Key)
		if !found {
			return 0, false
		}
		ids = append(ids, id)
	}
	if len(ids) == 0 {
		return 0, false
	}
	return hashIDs(ids), true
}

// collectForms records the written forms of the needed phrases.
func collectForms(segs []side, pt *phraseTable, need map[uint32]*Forms, maxWords int, ru bool) {
	for _, s := range segs {
		spans(s.words, maxWords, ru, func(i, j int) {
			id, ok := pt.id[hashSpan(s.words, i, j)]
			if !ok || need[id] == nil {
				return
			}
			need[id].add(s.text[s.words[i].start:s.words[j-1].end], s.words[i].flags&fInitial != 0)
		})
	}
}

// wordAssoc holds word-level co-occurrence for the words of candidate
// pairs: enough to check that a pair's words translate each other.
type wordAssoc struct {
	tk        *tokenized
	ru, en    *phraseTable
	dfR, dfE  []int32 // segment frequency of the counted words, by word id
	hasR      []bool  // the words dfR counts
	hasE      []bool
	co        map[uint64]int32
	counted   map[uint64]bool     // the word pairs co holds (perhaps 0)
	same      map[uint64]bool     // SameName of a Russian and an English word
	wordsR    map[uint32][]uint32 // content words of each Russian phrase id
	wordsE    map[uint32][]uint32
	surfacesR map[uint32]string // a written form of each Russian word (for names)
	surfacesE map[uint32]string
	seqR      map[uint32][]uint32 // all words of each Russian phrase id
	seqE      map[uint32][]uint32
}

func newWordAssoc(tk *tokenized, ru, en *phraseTable, pairs []uint64) *wordAssoc {
	wa := &wordAssoc{tk: tk, ru: ru, en: en, co: map[uint64]int32{}, counted: map[uint64]bool{}, same: map[uint64]bool{},
		wordsR: map[uint32][]uint32{}, wordsE: map[uint32][]uint32{}, surfacesR: map[uint32]string{}, surfacesE: map[uint32]string{},
		seqR: map[uint32][]uint32{}, seqE: map[uint32][]uint32{}}
	for _, k := range pairs {
		wa.wordsR[uint32(k>>32)] = nil
		wa.wordsE[uint32(k)] = nil
	}
	// The words of each phrase, from its first occurrence.
	fill := func(segs []side, pt *phraseTable, words, seqs map[uint32][]uint32, surf map[uint32]string, ru bool) {
		left := len(words)
		for _, s := range segs {
			if left == 0 {
				break
			}
			spans(s.words, 5, ru, func(i, j int) {
				id, ok := pt.id[hashSpan(s.words, i, j)]
				if !ok {
					return
				}
				if ws, want := words[id]; !want || ws != nil {
					return
				}
				var ws []uint32
				for k := i; k < j; k++ {
					seqs[id] = append(seqs[id], s.words[k].id)
					if s.words[k].flags&fStop == 0 {
						ws = append(ws, s.words[k].id)
						if _, ok := surf[s.words[k].id]; !ok {
							surf[s.words[k].id] = s.text[s.words[k].start:s.words[k].end]
						}
					}
				}
				words[id] = ws
				left--
			})
		}
	}
	fill(tk.ru, ru, wa.wordsR, wa.seqR, wa.surfacesR, true)
	fill(tk.en, en, wa.wordsE, wa.seqE, wa.surfacesE, false)
	want := map[uint64]bool{}
	for _, k := range pairs {
		for _, r := range wa.wordsR[uint32(k>>32)] {
			for _, e := range wa.wordsE[uint32(k)] {
				want[uint64(r)<<32|uint64(e)] = true
			}
		}
	}
	wa.count(want)
	return wa
}

// count adds to the word counts the segment frequency of every word of
// want's pairs not counted yet, and the co-occurrence of want's pairs
// (Russian word id << 32 | English word id) not counted yet, in one pass
// over the corpus.
func (wa *wordAssoc) count(want map[uint64]bool) {
	nv := len(wa.tk.voc.keys)
	if wa.dfR == nil {
		wa.dfR, wa.dfE = make([]int32, nv), make([]int32, nv)
		wa.hasR, wa.hasE = make([]bool, nv), make([]bool, nv)
	}
	newR, newE := make([]bool, nv), make([]bool, nv)
	partners := map[uint32][]uint32{} // English words of each Russian word's fresh pairs
	for k := range want {
		if wa.counted[k] {
			continue
		}
		wa.counted[k] = true
		r, e := uint32(k>>32), uint32(k)
		partners[r] = append(partners[r], e)
		if !wa.hasR[r] {
			wa.hasR[r], newR[r] = true, true
		}
		if !wa.hasE[e] {
			wa.hasE[e], newE[e] = true, true
		}
	}
	if len(partners) == 0 {
		return
	}
	for r, es := range partners {
		slices.Sort(es)
		partners[r] = es
	}
	var rs, es []uint32
	for i := range wa.tk.ru {
		rs, es = rs[:0], es[:0]
		for _, w := range wa.tk.ru[i].words {
			if wa.hasR[w.id] {
				rs = append(rs, w.id)
			}
		}
		for _, w := range wa.tk.en[i].words {
			if wa.hasE[w.id] {
				es = append(es, w.id)
			}
		}
		rs, es = uniq32(rs), uniq32(es)
		for _, r := range rs {
			if newR[r] {
				wa.dfR[r]++
			}
		}
		for _, e := range es {
			if newE[e] {
				wa.dfE[e]++
			}
		}
		for _, r := range rs {
			ps := partners[r]
			// Both lists are sorted: walk them together.
			for a, b := 0, 0; a < len(ps) && b < len(es); {
				switch {
				case ps[a] < es[b]:
					a++
				case ps[a] > es[b]:
					b++
				default:
					wa.co[uint64(r)<<32|uint64(es[b])]++
					a++
					b++
				}
			}
		}
	}
}

// wordsAlign reports whether a Russian and an English word translate each
// other in this corpus (Dice of their segments ≥ 0.1), or are one name
// transliterated.
func (wa *wordAssoc) wordsAlign(r, e uint32) bool {
	n := wa.co[uint64(r)<<32|uint64(e)]
	if n > 0 && 2*float64(n)/float64(wa.dfR[r]+wa.dfE[e]) >= 0.1 {
		return true
	}
	return wa.sameName(r, e, wa.surfacesR[r], wa.surfacesE[e])
}

// sameName reports whether a Russian and an English word are one name
// (align.SameName of the written forms rs and es; the same Latin word on
// both sides), cached by word ids.
func (wa *wordAssoc) sameName(r, e uint32, rs, es string) bool {
	if r == e {
		return true
	}
	k := uint64(r)<<32 | uint64(e)
	v, ok := wa.same[k]
	if !ok {
		v = align.SameName(rs, es)
		wa.same[k] = v
	}
	return v
}

// aligned is the check on a pair of phrases: at least half of the content
// words of each side align with a word of the other.
func (wa *wordAssoc) aligned(r, e uint32) bool {
	rw, ew := wa.wordsR[r], wa.wordsE[e]
	if len(rw) == 0 || len(ew) == 0 {
		return false
	}
	okR := 0
	for _, a := range rw {
		for _, b := range ew {
			if wa.wordsAlign(a, b) {
				okR++
				break
			}
		}
	}
	okE := 0
	for _, b := range ew {
		for _, a := range rw {
			if wa.wordsAlign(a, b) {
				okE++
				break
			}
		}
	}
	return 2*okR >= len(rw) && 2*okE >= len(ew)
}

// coverage is the share of the content words of a pair of phrases, both
// sides together, that align with a word of the other side.
func (wa *wordAssoc) coverage(r, e uint32) float64 {
	rw, ew := wa.wordsR[r], wa.wordsE[e]
	if len(rw)+len(ew) == 0 {
		return 0
	}
	ok := 0
	for _, a := range rw {
		if slices.ContainsFunc(ew, func(b uint32) bool { return wa.wordsAlign(a, b) }) {
			ok++
		}
	}
	for _, b := range ew {
		if slices.ContainsFunc(rw, func(a uint32) bool { return wa.wordsAlign(a, b) }) {
			ok++
		}
	}
	return float64(ok) / float64(len(rw)+len(ew))
}

// contains reports whether b occurs in a as a contiguous run shorter than a.
func contains(a, b []uint32) bool {
	if len(b) == 0 || len(b) >= len(a) {
		return false
	}
	for i := 0; i+len(b) <= len(a); i++ {
		k := 0
		for k < len(b) && a[i+k] == b[k] {
			k++
		}
		if k == len(b) {
			return true
		}
	}
	return false
}

// cyrillic reports whether a Russian phrase has a word in Cyrillic: a
// Latin name left as it is in Russian text (Google, COVID-19) needs no
// glossary entry.
func (wa *wordAssoc) cyrillic(r uint32) bool {
	for _, w := range wa.wordsR[r] {
		if lang.ScriptOf(wa.surfacesR[w]) == lang.Cyrillic {
			return true
		}
	}
	return false
}

// distinct leaves out the segment pairs that repeat an earlier one but
// for numbers and punctuation: a TM's boilerplate ("The meeting was held
// on 5 May.") would otherwise count as evidence once per date, and make
// every phrase of it frequent.
func distinct(c *Corpus, tk *tokenized) (*Corpus, *tokenized) {
	seen := make(map[uint64]bool, len(c.Pairs))
	out := &Corpus{Pairs: make([]Pair, 0, len(c.Pairs))}
	otk := &tokenized{voc: tk.voc, ru: make([]side, 0, len(tk.ru)), en: make([]side, 0, len(tk.en))}
	var ids []uint32
	for i := range c.Pairs {
		ids = ids[:0]
		for _, w := range tk.ru[i].words {
			if w.flags&fNumber == 0 {
				ids = append(ids, w.id)
			}
		}
		ids = append(ids, ^uint32(0))
		for _, w := range tk.en[i].words {
			if w.flags&fNumber == 0 {
				ids = append(ids, w.id)
			}
		}
		h := hashIDs(ids)
		if seen[h] {
			continue
		}
		seen[h] = true
		out.Pairs = append(out.Pairs, c.Pairs[i])
		otk.ru = append(otk.ru, tk.ru[i])
		otk.en = append(otk.en, tk.en[i])
	}
	return out, otk
}

// nameVeto returns the pairs that the names of their own segments
// contradict: in most of the segment pairs holding both phrases (the
// first three are read), a capitalised word of one phrase is spelt like a
// name of the other segment (a transliteration, or the same Latin word)
// that stands outside the other phrase, like none inside it, and shares
// at least as many segments with that name over the corpus as with any
// word inside — «Хэмилтон» paired with "Verstappen" while "Hamilton"
// stands beside it, «министр финансов Стивен Мнучин» with "Treasury".
// Co-occurrence alone cannot tell these from the right pair when all of
// them occur in the same few segments; a name spelt alike but seen with
// the word less often («Филиппины» beside "Filipino") does not count.
func (wa *wordAssoc) nameVeto(pairs map[uint64]scored) map[uint64]bool {
	needR := make([]bool, len(wa.ru.hash))
	needE := make([]bool, len(wa.en.hash))
	for k := range pairs {
		needR[k>>32] = true
		needE[uint32(k)] = true
	}
	sameName := func(r, e uint32, rs, es string) bool {
		return lang.ScriptOf(rs) == lang.Cyrillic && wa.sameName(r, e, rs, es) || r == e
	}
	type name struct {
		id   uint32
		text string
	}
	names := func(s side, out []name) []name {
		out = out[:0]
		for _, w := range s.words {
			if w.flags&fCap != 0 && w.flags&(fStop|fNumber) == 0 {
				out = append(out, name{w.id, s.text[w.start:w.end]})
			}
		}
		return out
	}
	// A suspect is a word of one phrase of a pair, in one segment pair,
	// with transliterated names outside the other phrase only.
	type suspect struct {
		pair    uint64
		seg     int32
		ru      bool     // the word is on the Russian side
		word    uint32   // the word
		outside []uint32 // its names outside the other phrase
	}
	var suspects []suspect
	want := map[uint64]bool{}
	check := func(k uint64, seg int32, words, other []uint32, surf map[uint32]string, names []name, ru bool) {
		for _, a := range words {
			if r, _ := utf8.DecodeRuneInString(surf[a]); !unicode.IsUpper(r) {
				continue // not written as a name
			}
			var outside []uint32
			inside := false
			for _, n := range names {
				var ok bool
				if ru {
					ok = sameName(a, n.id, surf[a], n.text)
				} else {
					ok = sameName(n.id, a, n.text, surf[a])
				}
				switch {
				case !ok:
				case slices.Contains(other, n.id):
					inside = true
				default:
					outside = append(outside, n.id)
				}
			}
			if inside || len(outside) == 0 {
				continue
			}
			suspects = append(suspects, suspect{k, seg, ru, a, outside})
			for _, o := range outside {
				if ru {
					want[uint64(a)<<32|uint64(o)] = true
				} else {
					want[uint64(o)<<32|uint64(a)] = true
				}
			}
		}
	}
	segs := map[uint64]int8{}
	var namesR, namesE []name
	for i := range wa.tk.ru {
		loaded := false
		for _, r := range wa.ru.per[i] {
			if !needR[r] {
				continue
			}
			for _, e := range wa.en.per[i] {
				k := uint64(r)<<32 | uint64(e)
				if !needE[e] {
					continue
				}
				if _, ok := pairs[k]; !ok || segs[k] >= 3 {
					continue
				}
				if !loaded {
					namesR, namesE = names(wa.tk.ru[i], namesR), names(wa.tk.en[i], namesE)
					loaded = true
				}
				segs[k]++
				check(k, int32(i), wa.wordsR[r], wa.wordsE[e], wa.surfacesR, namesE, true)
				check(k, int32(i), wa.wordsE[e], wa.wordsR[r], wa.surfacesE, namesR, false)
			}
		}
	}
	wa.count(want)
	// A segment pair is bad for a pair when a suspect word shares as many
	// segments with a name outside as with any word inside, or more.
	bad := map[uint64]map[int32]bool{}
	for _, sp := range suspects {
		r, e := uint32(sp.pair>>32), uint32(sp.pair)
		var in, out int32
		if sp.ru {
			for _, b := range wa.wordsE[e] {
				in = max(in, wa.co[pairKey(sp.word, b)])
			}
			for _, o := range sp.outside {
				out = max(out, wa.co[pairKey(sp.word, o)])
			}
		} else {
			for _, a := range wa.wordsR[r] {
				in = max(in, wa.co[pairKey(a, sp.word)])
			}
			for _, o := range sp.outside {
				out = max(out, wa.co[pairKey(o, sp.word)])
			}
		}
		if out >= in {
			if bad[sp.pair] == nil {
				bad[sp.pair] = map[int32]bool{}
			}
			bad[sp.pair][sp.seg] = true
		}
	}
	veto := map[uint64]bool{}
	for k, b := range bad {
		if 2*len(b) > int(segs[k]) {
			veto[k] = true
		}
	}
	return veto
}

// pairKey is the map key of a Russian and an English id.
func pairKey(r, e uint32) uint64 { return uint64(r)<<32 | uint64(e) }
