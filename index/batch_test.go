package index

import (
	"context"
	"path/filepath"
	"runtime"
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
		{"50k on two: halves of a batch", 50000, 2, 10},
		{"50k on one", 50000, 1, 5},
		{"49k on two: an even number", 49000, 2, 10},
		{"40k on two", 40000, 2, 8},
		{"40k on four: quarters", 40000, 4, 16},
		{"too small for quarters", 39999, 4, 4},
		{"one over a batch", buildBatchSize + 1, 2, 4},
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

// TestBuildMergesOnce builds the built-in glossary in more batches than
// bleve merges at a time and requires one segment at the end, made by
// merging each batch's segment once (not merged segments merged again),
// and alone on disk once the index is closed.
func TestBuildMergesOnce(t *testing.T) {
	_, g := builtin(t)
	old := buildBatchSize
	buildBatchSize = len(g.Concepts)/16 + 1
	t.Cleanup(func() { buildBatchSize = old })
	n := buildBatches(len(g.Concepts), runtime.GOMAXPROCS(0))
	if n <= 10 {
		t.Fatalf("%d batches, want more than bleve's ten segments a merge", n)
	}
	dir := filepath.Join(t.TempDir(), "idx")
	x, err := Build(context.Background(), g, dir)
	if err != nil {
		t.Fatal(err)
	}
	defer x.Close()
	stats, _ := x.bi.StatsMap()["index"].(map[string]interface{})
	for key, want := range map[string]uint64{"TotFileSegmentsAtRoot": 1, "TotFileMergeSegments": uint64(n), "TotFileMergeIntroductionsDone": 1} {
		if got, ok := stats[key].(uint64); !ok || got != want {
			t.Errorf("%s = %v, want %d", key, stats[key], want)
		}
	}
	// Closed at once, the index is on disk as one segment: the merged
	// snapshot written, the segments merged into it removed.
	if err := x.Close(); err != nil {
		t.Fatal(err)
	}
	if files, _ := filepath.Glob(filepath.Join(dir, "store", "*.zap")); len(files) != 1 {
		t.Errorf("segment files on disk: %q, want one", files)
	}
	y, err := Open(dir, openTimeout)
	if err != nil {
		t.Fatal(err)
	}
	defer y.Close()
	if got, _ := y.bi.StatsMap()["index"].(map[string]interface{})["TotFileSegmentsAtRoot"].(uint64); got != 1 {
		t.Errorf("reopened: %d segments, want 1", got)
	}
}

func TestPlanBuild(t *testing.T) {
	tests := []struct {
		name        string
		n, procs    int
		onDisk      bool
		want        buildPlan
		wantSegment int // segments at the end
	}{
		{"50k on two: a segment per processor", 50000, 2, true, buildPlan{8, 2, true}, 2},
		{"50k on four", 50000, 4, true, buildPlan{16, 4, true}, 4},
		{"100k on two: batches stay small", 100000, 2, true, buildPlan{16, 2, true}, 4},
		{"10k on two: one group of 2,500", 10000, 2, true, buildPlan{4, 2, true}, 1},
		{"5k on two: two batches, one group", 5000, 2, true, buildPlan{2, 2, true}, 1},
		{"too small for two batches", 4999, 2, true, buildPlan{1, 2, false}, 1},
		{"one processor: merged at the end", 50000, 1, true, buildPlan{5, 1, false}, 1},
		{"in memory: never merged", 50000, 2, false, buildPlan{10, 2, false}, 10},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := planBuild(tt.n, tt.procs, tt.onDisk)
			if got != tt.want {
				t.Errorf("planBuild(%d, %d, %v) = %+v, want %+v", tt.n, tt.procs, tt.onDisk, got, tt.want)
			}
			if got.groups && tt.n/got.batches > groupBatchSize {
				t.Errorf("%d concepts a batch, more than %d", tt.n/got.batches, groupBatchSize)
			}
			segments := got.batches
			if got.groups {
				segments = (got.batches + mergeGroup - 1) / mergeGroup
			} else if tt.onDisk {
				segments = 1
			}
			if segments != tt.wantSegment {
				t.Errorf("%d segments, want %d", segments, tt.wantSegment)
			}
		})
	}
}

// TestBuildByGroups builds the built-in glossary on disk in batches that
// the processors index side by side and bleve's persister merges by
// groups, and requires the index on disk to hold a segment per group
// (or one, when the persister woke before a group was complete and the
// build merged its segments once more), no other segment file, and
// every lookup of its terms as typed by translators to answer exactly
// as from the index built in one batch.
func TestBuildByGroups(t *testing.T) {
	if runtime.GOMAXPROCS(0) < 2 {
		t.Skip("one processor: no build by groups")
	}
	_, g := builtin(t)
	whole := onDisk(t, g)
	oldMin, oldSize := minParallelBatch, groupBatchSize
	minParallelBatch, groupBatchSize = 50, len(g.Concepts)/16+1
	t.Cleanup(func() { minParallelBatch, groupBatchSize = oldMin, oldSize })
	plan := planBuild(len(g.Concepts), runtime.GOMAXPROCS(0), true)
	if !plan.groups || plan.batches < 2*mergeGroup {
		t.Fatalf("plan %+v, want groups of at least two segments", plan)
	}
	want := plan.batches / mergeGroup
	dir := filepath.Join(t.TempDir(), "idx")
	x, err := Build(context.Background(), g, dir)
	if err != nil {
		t.Fatal(err)
	}
	stats, _ := x.bi.StatsMap()["index"].(map[string]interface{})
	segments, _ := stats["TotFileSegmentsAtRoot"].(uint64)
	if segments != uint64(want) && segments != 1 {
		t.Errorf("%d segments, want %d (or 1)", segments, want)
	}
	t.Logf("%d batches, %d segments", plan.batches, segments)
	if inMemory, _ := stats["TotMemorySegmentsAtRoot"].(uint64); inMemory != 0 {
		t.Errorf("%d segments left in memory", inMemory)
	}
	if err := x.Close(); err != nil {
		t.Fatal(err)
	}
	if files, _ := filepath.Glob(filepath.Join(dir, "store", "*.zap")); len(files) != int(segments) {
		t.Errorf("segment files on disk: %q, want %d", files, segments)
	}
	y, err := Open(dir, openTimeout)
	if err != nil {
		t.Fatal(err)
	}
	defer y.Close()
	if n, _ := y.bi.DocCount(); n != uint64(len(g.Concepts)) {
		t.Errorf("reopened: %d documents, want %d", n, len(g.Concepts))
	}
	ctx := context.Background()
	for _, q := range variants(g, 3) {
		want, err := whole.Lookup(ctx, Query{Text: q})
		if err != nil {
			t.Fatal(err)
		}
		got, err := y.Lookup(ctx, Query{Text: q})
		if err != nil {
			t.Fatal(err)
		}
		if describe(got) != describe(want) {
			t.Errorf("%q:\n  by groups %s\n  one       %s", q, describe(got), describe(want))
		}
	}
}
