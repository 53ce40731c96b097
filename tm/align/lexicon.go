package align

import (
	"cmp"
	"math"
	"slices"
)

// Lexicon learning. Length and anchors leave some pairs uncertain; the
// pairs they are sure of say which words translate which in this very
// text pair (Moore 2002; hunalign's second pass). The words of confident
// 1-1 pairs are counted, word pairs that keep occurring together are
// linked one-to-one (competitive linking by Dice coefficient), and every
// link becomes an anchor for a second pass. No dictionary is needed, and
// nothing is learnt from the test material: only from the pair at hand.

const (
	lexMinPairs   = 20   // confident 1-1 pairs needed to learn anything
	lexMaxPairs   = 1000 // pairs counted at most (evenly spread)
	lexMinConf    = 0.6  // posterior a pair needs to be counted
	lexMinJoint   = 2    // co-occurrences a word pair needs
	lexMinDice    = 0.6  // Dice coefficient a word pair needs
	lexMaxDocFreq = 0.25 // words in more of the pairs than this are too common to help
	lexSureConf   = 0.9  // posterior above which a step needs no second pass
)

// learnLexicon learns word links from the confident 1-1 pairs of the
// first pass, adds them as anchors to the sentences and returns how many
// links it made.
func (m *model) learnLexicon(L *lattice, steps []step) int {
	if m.srcWords == nil || m.tgtWords == nil {
		return 0
	}
	m.backward(L)
	n, nt := len(m.src), len(m.tgt)
	end := L.index(n, nt)
	total := logSumCost([]float64{L.fwd[2*end], L.fwd[2*end+1]}, m.p.temp)
	var pairs [][2]int
	unsure := 0
	for _, s := range steps {
		bd := beads[s.k]
		pc, c := L.index(s.i-bd.di, s.j-bd.dj), L.index(s.i, s.j)
		bc := float64(L.costs[c*len(beads)+s.k]) + m.penalty(L, pc, s.s, s.k)
		post := math.Exp(-(L.fwd[2*pc+s.s] + bc + L.bwd[2*c+stateAfter(s.k)] - total) / m.p.temp)
		if post < lexSureConf {
			unsure++
		}
		if s.k == 0 && post >= lexMinConf {
			pairs = append(pairs, [2]int{s.i - 1, s.j - 1})
		}
	}
	if len(pairs) < lexMinPairs || unsure == 0 {
		// Too little to learn from, or nothing left to settle: the first
		// pass is the alignment (its backward pass is done).
		return 0
	}
	if len(pairs) > lexMaxPairs {
		step := float64(len(pairs)) / lexMaxPairs
		kept := pairs[:0]
		for x := 0.0; int(x) < len(pairs) && len(kept) < lexMaxPairs; x += step {
			kept = append(kept, pairs[int(x)])
		}
		pairs = kept
	}
	// Word IDs are dense (one numbering for both texts), so the counts
	// are slices, and the joint counts of each source word are gathered
	// in one dense row: the lexicon is learnt in every alignment, and a
	// map of word pairs was most of its time.
	vocab := int32(0)
	for _, ws := range [][][]int32{m.srcWords, m.tgtWords} {
		for _, w := range ws {
			if len(w) > 0 {
				vocab = max(vocab, w[len(w)-1]+1)
			}
		}
	}
	cs, ct := make([]int, vocab), make([]int, vocab)
	for _, p := range pairs {
		for _, w := range m.srcWords[p[0]] {
			cs[w]++
		}
		for _, w := range m.tgtWords[p[1]] {
			ct[w]++
		}
	}
	maxDF := int(lexMaxDocFreq*float64(len(pairs))) + 1
	useful := func(c int) bool { return c >= lexMinJoint && c <= maxDF }
	// The pairs each useful source word occurs in.
	occurs := make([][]int32, vocab)
	for k, p := range pairs {
		for _, a := range m.srcWords[p[0]] {
			if useful(cs[a]) {
				occurs[a] = append(occurs[a], int32(k))
			}
		}
	}
	type cand struct {
		a, b int32
		dice float64
		n    int
	}
	var cands []cand
	row := make([]int, vocab)
	var touched []int32
	for a := range occurs {
		for _, k := range occurs[a] {
			for _, b := range m.tgtWords[pairs[k][1]] {
				if useful(ct[b]) {
					if row[b] == 0 {
						touched = append(touched, b)
					}
					row[b]++
				}
			}
		}
		for _, b := range touched {
			c := row[b]
			row[b] = 0
			if c < lexMinJoint {
				continue
			}
			if d := 2 * float64(c) / float64(cs[a]+ct[b]); d >= lexMinDice {
				cands = append(cands, cand{int32(a), b, d, c})
			}
		}
		touched = touched[:0]
	}
	slices.SortFunc(cands, func(x, y cand) int {
		if x.dice != y.dice {
			return cmp.Compare(y.dice, x.dice)
		}
		if x.n != y.n {
			return cmp.Compare(y.n, x.n)
		}
		if x.a != y.a {
			return cmp.Compare(x.a, y.a)
		}
		return cmp.Compare(x.b, y.b)
	})
	usedS, usedT := map[int32]bool{}, map[int32]bool{}
	linkOfS, linkOfT := map[int32]int32{}, map[int32]int32{}
	links := 0
	for _, c := range cands {
		if usedS[c.a] || usedT[c.b] {
			continue
		}
		usedS[c.a], usedT[c.b] = true, true
		id := int32(len(m.weight))
		m.weight = append(m.weight, 0)
		linkOfS[c.a], linkOfT[c.b] = id, id
		links++
	}
	if links == 0 {
		return 0
	}
	dfS := make([]int, len(m.weight))
	dfT := make([]int, len(m.weight))
	addTo := func(us []unit, words [][]int32, link map[int32]int32, df []int) {
		for i := range us {
			var extra []int32
			for _, w := range words[i] {
				if id, ok := link[w]; ok {
					extra = append(extra, id)
					df[id]++
				}
			}
			if len(extra) > 0 {
				us[i].anchors = uniq(append(append([]int32(nil), us[i].anchors...), extra...))
			}
		}
	}
	addTo(m.src, m.srcWords, linkOfS, dfS)
	addTo(m.tgt, m.tgtWords, linkOfT, dfT)
	for id := range m.weight {
		if dfS[id] > 0 && dfT[id] > 0 && m.weight[id] == 0 {
			m.weight[id] = lexWeight / math.Sqrt(float64(max(dfS[id], dfT[id])))
		}
	}
	m.mergeSets()
	return links
}

// lexWeight is how much a learnt word link counts against a built-in
// anchor: less, since it was learnt from this very alignment.
const lexWeight = 1.0
