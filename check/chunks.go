package check

import (
	"math"
	"runtime"
	"sync"
	"unicode/utf8"

	"tolmach/tm/align"
)

// Long documents are aligned in parallel chunks. When both texts have the
// same number of paragraphs, they are cut at paragraph boundaries into as
// many chunks as there are CPUs (at most four), each aligned on its own;
// the cut is only made where the two sides' chunks have lengths in the
// document's proportion, so a paragraph merged or split by the translator
// never lands on a cut. Short documents, and any doubt, go to the aligner
// whole.

// Chunking thresholds: the number of sentences (both sides together) from
// which a document is cut, and how far a chunk's length ratio may stray
// from the document's.
const (
	chunkMinSentences = 300
	chunkRatioSlack   = 0.15
)

// alignChunked aligns src and tgt, in parallel chunks when it is safe.
func alignChunked(src, tgt []align.Sentence, opts align.Options) []align.Pair {
	k := min(runtime.GOMAXPROCS(0), 4)
	cuts := chunkCuts(src, tgt, k)
	if cuts == nil {
		return align.Align(src, tgt, opts)
	}
	parts := make([][]align.Pair, len(cuts)-1)
	var wg sync.WaitGroup
	for i := 0; i+1 < len(cuts); i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			s0, s1 := cuts[i][0], cuts[i+1][0]
			t0, t1 := cuts[i][1], cuts[i+1][1]
			ps := align.Align(src[s0:s1], tgt[t0:t1], opts)
			for j := range ps {
				for x := range ps[j].Source {
					ps[j].Source[x] += s0
				}
				for x := range ps[j].Target {
					ps[j].Target[x] += t0
				}
			}
			parts[i] = ps
		}()
	}
	wg.Wait()
	var out []align.Pair
	for _, ps := range parts {
		out = append(out, ps...)
	}
	return out
}

// chunkCuts returns the sentence indexes [source, target] where chunks
// start, with the ends appended, or nil when the document is not cut.
func chunkCuts(src, tgt []align.Sentence, k int) [][2]int {
	if k < 2 || len(src)+len(tgt) < chunkMinSentences || len(src) == 0 || len(tgt) == 0 {
		return nil
	}
	paras := src[len(src)-1].Para + 1
	if tgt[len(tgt)-1].Para+1 != paras || paras < 2*k {
		return nil
	}
	// The first sentence of each paragraph, and the running lengths.
	firstS, firstT := paraStarts(src, paras), paraStarts(tgt, paras)
	lenS, lenT := runeLens(src), runeLens(tgt)
	ratio := float64(lenT[len(lenT)-1]) / float64(lenS[len(lenS)-1])
	cuts := [][2]int{{0, 0}}
	for c := 1; c < k; c++ {
		// The paragraph boundary nearest to c/k of the source.
		want := len(src) * c / k
		best := -1
		for q := 1; q < paras; q++ {
			if firstS[q] < 0 || firstT[q] < 0 {
				return nil
			}
			if best < 0 || abs(firstS[q]-want) < abs(firstS[best]-want) {
				best = q
			}
		}
		s, t := firstS[best], firstT[best]
		if s <= cuts[len(cuts)-1][0] || t <= cuts[len(cuts)-1][1] {
			return nil
		}
		cuts = append(cuts, [2]int{s, t})
	}
	cuts = append(cuts, [2]int{len(src), len(tgt)})
	for i := 0; i+1 < len(cuts); i++ {
		ls := lenS[cuts[i+1][0]] - lenS[cuts[i][0]]
		lt := lenT[cuts[i+1][1]] - lenT[cuts[i][1]]
		if ls == 0 || math.Abs(math.Log(float64(lt)/float64(ls)/ratio)) > chunkRatioSlack {
			return nil
		}
	}
	return cuts
}

// paraStarts returns the index of the first sentence of each paragraph
// (-1 for a paragraph with none).
func paraStarts(ss []align.Sentence, paras int) []int {
	out := make([]int, paras)
	for i := range out {
		out[i] = -1
	}
	for i, s := range ss {
		if s.Para < paras && out[s.Para] < 0 {
			out[s.Para] = i
		}
	}
	return out
}

// runeLens returns the cumulative lengths in characters: out[i] is the
// length of ss[:i].
func runeLens(ss []align.Sentence) []int {
	out := make([]int, len(ss)+1)
	for i, s := range ss {
		out[i+1] = out[i] + utf8.RuneCountInString(s.Text)
	}
	return out
}
