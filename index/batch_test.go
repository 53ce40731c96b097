package index

import (
	"context"
	"testing"
)

func TestBuildBatches(t *testing.T) {
	tests := []struct {
		name       string
		n, workers int
		want       int
	}{
		{"empty", 0, 2, 1},
		{"small: one batch, no merge", 2*minParallelBatch - 1, 2, 1},
		{"enough for two processors", 2 * minParallelBatch, 2, 2},
		{"one processor", 10000, 1, 1},
		{"10k on two", 10000, 2, 2},
		{"50k on two: six, not five", 50000, 2, 6},
		{"50k on one", 50000, 1, 5},
		{"40k on two", 40000, 2, 4},
		{"40k on four", 40000, 4, 4},
		{"one over a batch", buildBatchSize + 1, 2, 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := buildBatches(tt.n, tt.workers); got != tt.want {
				t.Errorf("buildBatches(%d, %d) = %d, want %d", tt.n, tt.workers, got, tt.want)
			}
		})
	}
}

// TestBatchedBuildAnswersAlike builds the built-in glossary in many
// batches, which the processors index side by side into segments that
// are then merged, and requires every lookup of its terms as typed by
// translators to answer exactly as from the index built in one batch:
// from bleve on disk, and from memory.
func TestBatchedBuildAnswersAlike(t *testing.T) {
	mem, g := builtin(t)
	whole := onDisk(t, g)
	old := buildBatchSize
	buildBatchSize = len(g.Concepts)/5 + 1
	t.Cleanup(func() { buildBatchSize = old })
	if n := buildBatches(len(g.Concepts), 2); n < 5 {
		t.Fatalf("%d batches, want at least 5", n)
	}
	batched := onDisk(t, g)
	batchedMem, err := Build(context.Background(), g, "")
	if err != nil {
		t.Fatal(err)
	}
	defer batchedMem.Close()
	ctx := context.Background()
	for _, q := range variants(g, 3) {
		for _, pair := range []struct {
			name      string
			want, got *Index
		}{{"disk", whole, batched}, {"memory", mem, batchedMem}} {
			want, err := pair.want.Lookup(ctx, Query{Text: q})
			if err != nil {
				t.Fatal(err)
			}
			got, err := pair.got.Lookup(ctx, Query{Text: q})
			if err != nil {
				t.Fatal(err)
			}
			if describe(got) != describe(want) {
				t.Errorf("%s %q:\n  batched %s\n  one     %s", pair.name, q, describe(got), describe(want))
			}
		}
	}
}
