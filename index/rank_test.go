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

// TestMatchTokensSolid: an English compound and the same word written
// solid rank as the same word, whichever side has which, and in any
// combination with other words; odd inputs never panic.
func TestMatchTokensSolid(t *testing.T) {
	split := func(s string) (norms, keys []string) {
		for _, tok := range lang.Analyze(s) {
			norms, keys = append(norms, tok.Norm), append(keys, tok.Key)
		}
		return norms, keys
	}
	tests := []struct {
		query, term string
		kind        Kind
	}{
		{"antiterrorist structure", "Regional Anti-Terrorist Structure", Partial},
		{"regional antiterrorist structure", "Regional Anti-Terrorist Structure", Exact},
		{"co-operation", "cooperation", Exact},
		{"economic co-operation", "economic cooperation", Exact},
		{"peace-keeping operations", "peacekeeping operation", Stemmed},
		{"nonproliferation", "non-proliferation", Exact},
		{"non-proliferation", "non-proliferation", Exact},
		{"co-co", "coco", Exact},
		{"anti-anti", "anti-anti antianti", Partial},
		{"военно-политический", "военнополитический", 0},
	}
	for _, tt := range tests {
		t.Run(tt.query+"/"+tt.term, func(t *testing.T) {
			norms, keys := split(tt.term)
			m := matchTokens(splitCompounds(newQueryTokens(lang.Analyze(tt.query))), norms, keys, rankOptions{fuzzy: true})
			if m.kind != tt.kind {
				t.Errorf("kind %v, want %v (score %v)", m.kind, tt.kind, m.score)
			}
		})
	}
}
