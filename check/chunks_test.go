package check

import (
	"strings"
	"testing"

	"tolmach/tm/align"
)

// sents makes n paragraphs of per sentences each, every sentence size
// characters long (scaled by stretch for paragraph stretchAt).
func sents(n, per, size int, stretchAt int, stretch float64) []align.Sentence {
	var out []align.Sentence
	for p := 0; p < n; p++ {
		for i := 0; i < per; i++ {
			l := size
			if p == stretchAt {
				l = int(float64(size) * stretch)
			}
			out = append(out, align.Sentence{Text: strings.Repeat("a", l), Para: p})
		}
	}
	return out
}

func TestChunkCuts(t *testing.T) {
	tests := []struct {
		name     string
		src, tgt []align.Sentence
		k        int
		want     int // chunks, 0 for none
	}{
		{"short document", sents(10, 3, 80, -1, 1), sents(10, 3, 90, -1, 1), 2, 0},
		{"long, same paragraphs", sents(40, 5, 80, -1, 1), sents(40, 5, 90, -1, 1), 2, 2},
		{"four CPUs", sents(40, 5, 80, -1, 1), sents(40, 5, 90, -1, 1), 4, 4},
		{"one CPU", sents(40, 5, 80, -1, 1), sents(40, 5, 90, -1, 1), 1, 0},
		{"paragraph counts differ", sents(40, 5, 80, -1, 1), sents(39, 5, 90, -1, 1), 2, 0},
		{"a chunk out of proportion", sents(40, 5, 80, -1, 1), sents(40, 5, 90, 3, 10), 2, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cuts := chunkCuts(tt.src, tt.tgt, tt.k)
			got := 0
			if cuts != nil {
				got = len(cuts) - 1
			}
			if got != tt.want {
				t.Fatalf("%d chunks, want %d (%v)", got, tt.want, cuts)
			}
			for i := 1; i < len(cuts)-1; i++ {
				if tt.src[cuts[i][0]].Para != tt.tgt[cuts[i][1]].Para || tt.src[cuts[i][0]-1].Para == tt.src[cuts[i][0]].Para {
					t.Errorf("cut %v is not at a common paragraph start", cuts[i])
				}
			}
		})
	}
}
