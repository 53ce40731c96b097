package tm

import (
	"fmt"
	"math/rand"
	"strings"
	"testing"

	"tolmach/internal/lang"
)

// perturb changes one word of s the way a revised source sentence
// differs from the one in the TM: a word deleted, replaced by another
// word of the corpus, re-inflected (another ending on the same stem) or
// typed with a typo, or moved past the next word (Russian word order is
// free). It returns "" when s is too short to perturb.
func perturb(r *rand.Rand, s string, kind int, vocab []string) string {
	toks := lang.Analyze(s)
	var words []lang.Token
	for _, t := range toks {
		if t.Kind == lang.Word && len([]rune(t.Text)) >= 4 {
			words = append(words, t)
		}
	}
	if len(toks) < 6 || len(words) == 0 {
		return ""
	}
	w := words[r.Intn(len(words))]
	var repl string
	switch kind {
	case 0: // delete
		repl = ""
	case 1: // replace
		repl = vocab[r.Intn(len(vocab))]
	case 2: // re-inflect: change the ending
		rs := []rune(w.Text)
		endings := []string{"ами", "ов", "ой", "ых", "ing", "ed", "s", "ая"}
		repl = string(rs[:len(rs)-1]) + endings[r.Intn(len(endings))]
	case 3: // typo: swap two inner letters
		rs := []rune(w.Text)
		i := 1 + r.Intn(len(rs)-2)
		rs[i], rs[i+1] = rs[i+1], rs[i]
		repl = string(rs)
	case 4: // transpose: the word and the next word change places
		for k, t := range toks {
			if t.Start == w.Start && k+1 < len(toks) && toks[k+1].Kind == lang.Word && toks[k+1].Key != w.Key &&
				strings.TrimSpace(s[w.End:toks[k+1].Start]) == "" {
				n := toks[k+1]
				return s[:w.Start] + s[n.Start:n.End] + s[w.End:n.Start] + s[w.Start:w.End] + s[n.End:]
			}
		}
		return ""
	}
	out := s[:w.Start] + repl + s[w.End:]
	if repl == "" {
		out = strings.Join(strings.Fields(out), " ")
	}
	return out
}

// TestQualityTopMatch is the headline quality test: a TM of the real
// FLORES-200, TICO-19 and UD PUD pairs, queried with sentences perturbed
// by one deleted, replaced or re-inflected word, a typo or two adjacent
// words swapped, must return
// the original unit as the top match for at least 98% of queries.
func TestQualityTopMatch(t *testing.T) {
	if testing.Short() {
		t.Skip("a quality figure, single-threaded: run in the full test, not the -short race pass")
	}
	pairs := realPairs(t)
	x := NewIndex()
	for i, p := range pairs {
		u := pairUnit(fmt.Sprint(i), p[0], p[1])
		x.Add(&u)
	}
	var vocab []string
	for _, p := range pairs[:200] {
		vocab = append(vocab, strings.Fields(p[0])...)
		vocab = append(vocab, strings.Fields(p[1])...)
	}
	r := rand.New(rand.NewSource(1))
	kinds := []string{"delete", "replace", "re-inflect", "typo", "transpose"}
	for k, kind := range kinds {
		t.Run(kind, func(t *testing.T) {
			total, top := 0, 0
			for i := 0; i < len(pairs); i += 3 {
				side := r.Intn(2)
				orig := pairs[i][side]
				q := perturb(r, orig, k, vocab)
				if q == "" || q == orig {
					continue
				}
				total++
				m := x.Match(q, MatchOptions{Limit: 1})
				if len(m) > 0 && m[0].Source == orig {
					top++
				} else if len(m) > 0 && Score(q, m[0].Source) >= Score(q, orig) && lang.MatchKey(m[0].Source) == lang.MatchKey(orig) {
					top++ // an equally good duplicate of the original
				} else if testing.Verbose() && total-top <= 5 {
					got := "(none)"
					if len(m) > 0 {
						got = fmt.Sprintf("%d %q", m[0].Score, m[0].Source)
					}
					t.Logf("miss: query %q\n  want %q\n  got %s", q, orig, got)
				}
			}
			rate := float64(top) / float64(total)
			t.Logf("%s: original unit top-1 for %d of %d queries (%.2f%%)", kind, top, total, 100*rate)
			if rate < 0.98 {
				t.Errorf("%s: top-1 rate %.2f%%, want ≥ 98%%", kind, 100*rate)
			}
		})
	}
}
