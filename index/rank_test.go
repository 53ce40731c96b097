package index

import (
	"slices"
	"testing"

	"tolmach/internal/lang"
)

func TestSplitCompounds(t *testing.T) {
	tests := []struct {
		query string
		norms []string
		origs []int
	}{
		{"Non-Proliferation Treaty", []string{"non", "proliferation", "treaty"}, []int{0, 0, 1}},
		{"the non-proliferation", []string{"the", "non", "proliferation"}, []int{0, 1, 1}},
		{"военно-политический союз", []string{"военно", "политический", "союз"}, []int{0, 0, 1}},
		{"государство-член ШОС", []string{"государство", "член", "шос"}, []int{0, 0, 1}},
		{"no compound here", []string{"no", "compound", "here"}, []int{0, 1, 2}},
	}
	for _, tt := range tests {
		t.Run(tt.query, func(t *testing.T) {
			var norms []string
			var origs []int
			for _, q := range splitCompounds(newQueryTokens(lang.Analyze(tt.query))) {
				norms, origs = append(norms, q.norm), append(origs, q.orig)
			}
			if !slices.Equal(norms, tt.norms) || !slices.Equal(origs, tt.origs) {
				t.Errorf("parts %q from %v, want %q from %v", norms, origs, tt.norms, tt.origs)
			}
		})
	}
}

// TestMatchTokensOrder checks the ranking rules on one term: exact >
// stemmed > fuzzy > partial, written apart = written with a hyphen.
func TestMatchTokensOrder(t *testing.T) {
	term := "военно-политический союз"
	var norms, keys []string
	for _, tok := range lang.Analyze(term) {
		norms, keys = append(norms, tok.Norm), append(keys, tok.Key)
	}
	score := func(q string) termMatch {
		return matchTokens(splitCompounds(newQueryTokens(lang.Analyze(q))), norms, keys, rankOptions{fuzzy: true, prefix: true})
	}
	tests := []struct {
		query string
		kind  Kind
	}{
		{"военно-политический союз", Exact},
		{"военно политический союз", Exact},
		{"военно-политический союзы", Stemmed},
		{"военно-политического союза", Stemmed},
		{"военно-политичиский союз", Fuzzy},
		{"военно-политический", Partial},
		{"военно-политический со", Partial},
	}
	prev, prevKind := 101.0, Kind(0)
	for _, tt := range tests {
		t.Run(tt.query, func(t *testing.T) {
			m := score(tt.query)
			if m.kind != tt.kind {
				t.Errorf("kind %v, want %v (score %v)", m.kind, tt.kind, m.score)
			}
			if m.score > prev || m.kind != prevKind && m.score == prev {
				t.Errorf("score %v (%v) not below the previous query's %v (%v)", m.score, m.kind, prev, prevKind)
			}
			prev, prevKind = m.score, m.kind
		})
	}
}
