package index

import (
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"math"
	"os"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/document"
	"github.com/blevesearch/bleve/v2/index/scorch"
	"github.com/blevesearch/bleve/v2/index/scorch/mergeplan"
	"github.com/blevesearch/bleve/v2/mapping"

	"tolmach/glossary"
	"tolmach/internal/lang"
)

// The languages the glossary index searches. Terms of other languages are
// stored with their concept (and printed) but not indexed.
var indexedLangs = []string{"ru", "en"}

// abbrSuffix names the document property holding a language's
// abbreviations and case-sensitive terms ("ru_abbr"), indexed as the
// case-sensitive field (ru_case).
const abbrSuffix = "_abbr"

// SuffixTerm names the field of whole terms (AnalyzerTerm) the glossary
// index adds to each language: "ru_term", "en_term".
const SuffixTerm = "_term"

// The names of the glossary index's document type and stored fields.
const (
	conceptType = "concept"
	fieldData   = "c" // the concept as JSON, for printing results
	fieldMatch  = "m" // the terms' lang tokens, for reranking (see appendMatchRecord)
)

// bleve's index and key-value store names: scorch everywhere, never the
// old upsidedown engine (whose fuzzy search counts bytes, bleve#632).
const engine = "scorch"

// buildBatchSize is the number of concepts in flight during a build on
// one processor: one batch of that many. One batch becomes one
// segment, all merged into one at the end (see Build): for 50,000
// concepts, batches of 10,000 take about the CPU time of a single batch
// (merging costs what the smaller segments save) and half its memory
// (320 MB instead of 650 MB, with prepared documents); larger batches
// cost more CPU time, not less.
var buildBatchSize = 10000

// groupBatchSize is the most concepts in one batch when the processors
// build segments side by side (see planBuild): bleve's persister merges
// the segments by groups of mergeGroup into the index's segments, the
// groups side by side, so that 50,000 concepts on two processors end as
// two segments of 25,000, one per processor. Batches of 25,000 (a
// segment each, nothing merged) took a fifth more CPU time and 760 MB
// instead of 420: a segment costs more per concept as it grows (zap's
// dictionaries outgrow the caches), and one batch per processor is in
// flight at once.
var groupBatchSize = 6250

// mergeGroup is the number of segments the persister of a build by
// groups merges into one (see buildConfig).
const mergeGroup = 4

// minParallelBatch is the fewest concepts per batch for which a build
// splits its concepts so that every processor builds segments: below
// it, the merge would cost more than the second processor saves. (A
// variable for the tests, which build small glossaries by groups.)
var minParallelBatch = 2500

// Index is an open glossary index. It is safe for concurrent lookups,
// and for a Close while lookups run: Close waits for them, and lookups
// after it fail with [ErrClosed].
type Index struct {
	mu       sync.RWMutex // held for reading by each lookup, for writing by Close and Preload
	bi       bleve.Index
	res      *resident // the lookup data in memory, when built (Build in memory, Preload)
	dir      string    // "" for an index in memory
	concepts int
}

// ErrClosed is returned by a lookup on a closed index.
var ErrClosed = errors.New("glossary index closed")

// Dir returns the directory holding the bleve index, or "" when it lives
// in memory.
func (x *Index) Dir() string { return x.dir }

// Concepts returns the number of concepts indexed, or -1 when unknown.
func (x *Index) Concepts() int { return x.concepts }

// Close releases the index's files and locks. Closing twice is harmless
// (bleve itself would panic).
func (x *Index) Close() error {
	if x == nil {
		return nil
	}
	x.mu.Lock()
	defer x.mu.Unlock()
	if x.bi == nil {
		return nil
	}
	bi := x.bi
	x.bi, x.res = nil, nil
	return bi.Close()
}

// Preload reads every concept of the index into memory, so that
// lookups never search bleve again: candidates come from postings in
// memory, typos from the words in memory, and every concept a query
// word reaches is ranked (see [Index.Lookup]). It is meant for resident
// processes (the server): at 50,000 concepts it takes a fraction of a
// second and some tens of megabytes (the README's Performance table has
// the figures), which a one-lookup process would pay for one answer.
// An index built in memory by [Build] is preloaded already.
func (x *Index) Preload(ctx context.Context) error {
	x.mu.Lock()
	defer x.mu.Unlock()
	if x.bi == nil {
		return ErrClosed
	}
	if x.res != nil {
		return nil
	}
	r, err := loadResident(ctx, x.bi)
	if err != nil {
		return fmt.Errorf("loading index %s into memory: %w", displayDir(x.dir), err)
	}
	x.res = r
	return nil
}

// Preloaded reports whether lookups are answered from memory (see
// [Index.Preload]).
func (x *Index) Preloaded() bool {
	x.mu.RLock()
	defer x.mu.RUnlock()
	return x.res != nil
}

// glossaryMapping returns the mapping of the glossary index: one document
// per concept, its ru and en terms (lists of strings) analysed with
// [AddTextField], the concept and its match data stored.
func glossaryMapping() *mapping.IndexMappingImpl {
	dm := mapping.NewDocumentStaticMapping()
	for _, l := range indexedLangs {
		AddTextField(dm, l, false)
		dm.AddFieldMappingsAt(l, TextFieldMapping(l+SuffixTerm, AnalyzerTerm, false))
		// Only abbreviations and case-sensitive terms go to the
		// case-sensitive field: nothing else is looked up by its case,
		// and every field costs build time.
		dm.AddFieldMappingsAt(l+abbrSuffix, TextFieldMapping(l+SuffixCase, AnalyzerCase, false))
	}
	dm.AddFieldMappingsAt(fieldData, StoredFieldMapping(fieldData))
	dm.AddFieldMappingsAt(fieldMatch, StoredFieldMapping(fieldMatch))
	// No "_all" field: nothing searches it, and bleve would otherwise
	// build and index an (empty) composite field for every document.
	all := mapping.NewDocumentDisabledMapping()
	dm.AddSubDocumentMapping("_all", all)
	m := NewIndexMapping()
	m.AddDocumentMapping(conceptType, dm)
	m.TypeField = "_type"
	return m
}

// Build indexes the concepts of g into a new index at dir, which must not
// exist yet; with dir "" the index is kept in memory. Concepts without an
// ID are given one ("#N", N counting from 1). The index is left open.
func Build(ctx context.Context, g *glossary.Glossary, dir string) (*Index, error) {
	if dir != "" {
		if _, err := os.Stat(dir); err == nil {
			return nil, fmt.Errorf("building index: %s already exists", dir)
		}
	}
	plan := planBuild(len(g.Concepts), runtime.GOMAXPROCS(0), dir != "")
	bi, err := bleve.NewUsing(dir, glossaryMapping(), engine, engine, buildConfig(plan))
	if err != nil {
		return nil, fmt.Errorf("building index in %s: %w", displayDir(dir), err)
	}
	x := &Index{bi: bi, dir: dir}
	defer raiseGCPercent()()
	ids := conceptIDs(g.Concepts)
	var res *resident
	if dir == "" {
		// An index in memory serves a resident process or a test: its
		// lookups are answered from memory too (see Preload).
		res = newResident()
	}
	batches, err := indexConcepts(ctx, bi, g.Concepts, ids, res, plan)
	if err != nil {
		bi.Close()
		return nil, fmt.Errorf("building index in %s: %w", displayDir(dir), err)
	}
	if dir != "" {
		// Few segments open and search faster than many (one several
		// times faster than five: the per-process cost of a lookup);
		// merging costs a fraction of building.
		switch {
		case plan.groups:
			var segments int
			segments, err = persistGroups(ctx, bi, dir)
			if err == nil && segments > (batches+mergeGroup-1)/mergeGroup {
				// The persister woke early and wrote segments before
				// their group was complete: merged once more, they
				// make one segment, as an index on one processor.
				err = forceMerge(ctx, bi, segments)
			}
		case batches > 1:
			err = forceMerge(ctx, bi, batches)
		}
		if err != nil {
			bi.Close()
			return nil, fmt.Errorf("building index in %s: %w", dir, err)
		}
	}
	if res != nil {
		if err := res.finish(); err != nil {
			bi.Close()
			return nil, err
		}
		x.res = res
	}
	x.concepts = len(g.Concepts)
	return x, nil
}

// buildConfig returns the scorch configuration of an index being built
// by plan. A build merges each segment once, at the end; left to
// itself, bleve's merger would merge a build's first segments while the
// next ones are made, and its persister the segments it finds
// unpersisted at once, and the same concepts would be merged again.
//
// When the processors build batches side by side (plan.groups), the
// persister merges them once all are made (see persistGroups), by
// groups of mergeGroup, as many groups at once as there are processors:
// its in-memory merge is bleve's only one that runs on several
// processors (a forced merge runs its tasks one after another). Batches
// then return without waiting for the persister (unsafe_batch), which
// naps until woken (the merger wakes it, and persistGroups the merger);
// a nap that ended early would only leave more segments. bleve keeps
// the configuration in the index (index_meta.json), which tolmach only
// ever opens read-only afterwards: no persister runs then. Otherwise the
// persister writes each segment as made and the build merges them with
// forceMerge.
func buildConfig(plan buildPlan) map[string]interface{} {
	// No segment is small enough for the merger to take.
	cfg := map[string]interface{}{"scorchMergePlanOptions": map[string]interface{}{"MaxSegmentSize": 0}}
	if !plan.groups {
		// The persister writes each segment as made, merging none in
		// memory (it merges only below this many blocked events).
		cfg["scorchPersisterOptions"] = map[string]interface{}{"MemoryPressurePauseThreshold": 0}
		return cfg
	}
	cfg["unsafe_batch"] = true
	cfg["asyncErrorCallbackName"] = asyncErrorCallback
	cfg["scorchPersisterOptions"] = map[string]interface{}{
		"PersisterNapTimeMSec":      int(persisterNap / time.Millisecond),
		"PersisterNapUnderNumFiles": math.MaxInt32,
		"NumPersisterWorkers":       plan.workers,
		// Any size closes a group of segments once it holds
		// scorch.DefaultMinSegmentsForInMemoryMerge of them (see init).
		"MaxSizeInMemoryMergePerWorker": 1,
	}
	return cfg
}

// wakeEvery is how often persistGroups wakes a persister that naps
// between its steps.
const wakeEvery = 10 * time.Millisecond

// persisterNap is how long the persister of a build by groups waits for
// more segments before it writes those it has (see buildConfig).
const persisterNap = time.Hour

// asyncErrorCallback names the callback through which bleve reports the
// errors of its persister, which a batch that does not wait for it
// never returns (see buildConfig).
const asyncErrorCallback = "tolmach-build"

// asyncErrors holds the first error bleve's persister met in each index
// being built by groups, by the path of its store.
var asyncErrors sync.Map

func init() {
	scorch.RegistryAsyncErrorCallbacks[asyncErrorCallback] = func(err error, path string) {
		asyncErrors.LoadOrStore(path, err)
	}
	// The persister merges in memory only with this many segments,
	// and as many in a group (with MaxSizeInMemoryMergePerWorker
	// reached). Only builds by groups let it merge in memory at all
	// (the others set MemoryPressurePauseThreshold to 0), and this is
	// the only package that uses bleve.
	scorch.DefaultMinSegmentsForInMemoryMerge = mergeGroup
}

// persistGroups wakes the persister of an index built by groups and
// waits until it has merged and written every segment (the index's root
// snapshot persisted, no segment left in memory, no file of a merged
// segment left on disk), or has failed, and returns the number of
// segments. Unlike settle, it never gives up: a segment still in memory
// would be lost when the index is closed. A forced merge that plans
// nothing (no segment is small enough) wakes the merger, which wakes
// the persister; it is repeated while the persister naps between its
// steps.
func persistGroups(ctx context.Context, bi bleve.Index, dir string) (int, error) {
	adv, err := bi.Advanced()
	if err != nil {
		return 0, err
	}
	s, ok := adv.(*scorch.Scorch)
	if !ok {
		return 0, fmt.Errorf("persisting segments: index type %T, want scorch", adv)
	}
	path := dir + string(os.PathSeparator) + "store" // as bleve names it
	defer asyncErrors.Delete(path)
	wake := mergeplan.DefaultMergePlanOptions
	wake.MaxSegmentSize = 0
	var woken time.Time
	for {
		if err, ok := asyncErrors.Load(path); ok {
			return 0, fmt.Errorf("persisting segments: %w", err.(error))
		}
		m := s.StatsMap()
		if n, _ := m["TotOnErrors"].(uint64); n > 0 {
			return 0, fmt.Errorf("persisting segments: %d errors", n)
		}
		root, _ := m["CurRootEpoch"].(uint64)
		persisted, _ := m["LastPersistedEpoch"].(uint64)
		files, _ := m["CurOnDiskFiles"].(uint64)
		segments, _ := m["TotFileSegmentsAtRoot"].(uint64)
		inMemory, _ := m["TotMemorySegmentsAtRoot"].(uint64)
		if root > 0 && persisted >= root && inMemory == 0 && files <= segments+1 { // the segments and root.bolt
			return int(segments), nil
		}
		if err := ctx.Err(); err != nil {
			return 0, err
		}
		if time.Since(woken) >= wakeEvery {
			if err := s.ForceMerge(ctx, &wake); err != nil {
				return 0, err
			}
			woken = time.Now()
		}
		time.Sleep(time.Millisecond)
	}
}

// forceMerge merges the segments of a scorch index into one, in one
// pass (bleve's single-segment plan merges at most ten segments at a
// time, and would merge the concepts of a larger build twice), and
// waits until the merged index is on disk alone.
func forceMerge(ctx context.Context, bi bleve.Index, segments int) error {
	adv, err := bi.Advanced()
	if err != nil {
		return err
	}
	s, ok := adv.(*scorch.Scorch)
	if !ok {
		return nil
	}
	plan := mergeplan.SingleSegmentMergePlanOptions
	plan.SegmentsPerMergeTask = max(plan.SegmentsPerMergeTask, segments)
	if err := s.ForceMerge(ctx, &plan); err != nil {
		return err
	}
	settle(ctx, s)
	return nil
}

// settleTimeout bounds how long settle waits for bleve's persister.
const settleTimeout = 5 * time.Second

// settle waits until bleve has written s's current snapshot and removed
// the segment files that no snapshot uses. Its persister does both in
// the background after a merge, and an index closed before keeps the
// segments merged (one merged index, left as many segments) or their
// files (the index's size again, on disk for good). It gives up after
// settleTimeout: the index is complete and correct either way.
func settle(ctx context.Context, s *scorch.Scorch) {
	deadline := time.Now().Add(settleTimeout)
	for ctx.Err() == nil && time.Now().Before(deadline) {
		m := s.StatsMap()
		root, _ := m["CurRootEpoch"].(uint64)
		persisted, _ := m["LastPersistedEpoch"].(uint64)
		files, _ := m["CurOnDiskFiles"].(uint64)
		segments, _ := m["TotFileSegmentsAtRoot"].(uint64)
		if persisted >= root && files <= segments+1 { // the segments and root.bolt
			return
		}
		time.Sleep(time.Millisecond)
	}
}

// indexConcepts indexes cs under ids into bi, in plan's batches, and
// adds them to res when it is not nil. It returns the number of
// batches, hence of segments made.
//
// bleve builds a batch's segment on the goroutine that hands it the
// batch, and that is most of a build's work; so one worker per
// processor prepares a batch's documents and has bleve build its
// segment, then takes the next batch. A lone batch is prepared by all
// processors instead.
func indexConcepts(ctx context.Context, bi bleve.Index, cs []*glossary.Concept, ids []string, res *resident, plan buildPlan) (int, error) {
	procs := runtime.GOMAXPROCS(0)
	n := plan.batches
	workers := min(plan.workers, n)
	preparers := max(1, procs/workers) // the processors each worker has to itself
	// The resident index numbers concepts in the glossary's order, so
	// the workers keep each concept's stored fields by its place.
	var data, match []string
	if res != nil {
		data, match = make([]string, len(cs)), make([]string, len(cs))
	}
	var next atomic.Int64
	errs := make([]error, workers)
	var wg sync.WaitGroup
	for w := range workers {
		wg.Go(func() {
			for {
				b := int(next.Add(1) - 1)
				if b >= n {
					return
				}
				lo, hi := b*len(cs)/n, (b+1)*len(cs)/n
				docs, err := prepareDocuments(ctx, cs[lo:hi], ids[lo:hi], preparers)
				if err == nil && res != nil {
					for i, d := range docs {
						data[lo+i], match[lo+i] = storedFields(d)
					}
				}
				if err == nil {
					err = indexBatch(bi, docs)
				}
				if err != nil {
					errs[w] = err
					next.Store(int64(n)) // the other workers stop too
					return
				}
			}
		})
	}
	wg.Wait()
	if err := errors.Join(errs...); err != nil {
		return 0, err
	}
	if res != nil {
		for i := range cs {
			if err := res.add(ids[i], data[i], match[i]); err != nil {
				return 0, err
			}
		}
	}
	return n, nil
}

// buildBatches returns the number of batches n concepts are indexed in
// by workers processors side by side. Each holds at most
// buildBatchSize/workers concepts, so that the concepts in flight (and
// the memory they take) stay those of one batch of buildBatchSize, and
// their number is a multiple of workers, so that no processor is left
// idle at the end waiting for a last batch. A glossary too small for
// each batch to hold minParallelBatch concepts, or a single processor,
// takes as few batches of buildBatchSize as hold it.
func buildBatches(n, workers int) int {
	if workers > 1 && n > 0 {
		per := max(1, buildBatchSize/workers)
		even := ((n+per-1)/per + workers - 1) / workers * workers
		if n >= even*minParallelBatch {
			return even
		}
	}
	return max(1, (n+buildBatchSize-1)/buildBatchSize)
}

// buildPlan is how a build splits its concepts.
type buildPlan struct {
	batches int  // batches, hence segments made
	workers int  // batches indexed side by side
	groups  bool // the segments are merged by groups of mergeGroup (see buildConfig)
}

// planBuild returns the plan of a build of n concepts with procs
// processors, into an index on disk or in memory. With several
// processors and an index on disk, the batches are merged by groups
// (see buildConfig): their number is a multiple of mergeGroup times the
// processors, so that the index ends with a segment per processor, each
// batch holding at most groupBatchSize concepts and at least
// minParallelBatch; a glossary too small for that has as many batches
// of minParallelBatch as it holds (10,000 concepts: four, merged into
// one segment). Otherwise the batches are those of buildBatches.
func planBuild(n, procs int, onDisk bool) buildPlan {
	if procs > 1 && onDisk && n >= 2*minParallelBatch {
		per := mergeGroup * procs
		b := ((n+groupBatchSize-1)/groupBatchSize + per - 1) / per * per
		if n < b*minParallelBatch {
			b = n / minParallelBatch
		}
		return buildPlan{batches: b, workers: procs, groups: true}
	}
	return buildPlan{batches: buildBatches(n, procs), workers: procs}
}

// indexBatch indexes docs into bi as one batch (one segment).
func indexBatch(bi bleve.Index, docs []*document.Document) error {
	b := bi.NewBatch()
	for _, d := range docs {
		if err := b.IndexAdvanced(d); err != nil {
			return fmt.Errorf("indexing concept %s: %w", d.ID(), err)
		}
	}
	return bi.Batch(b)
}

// Open opens the index at dir read-only, waiting at most timeout for a
// writer's lock (bbolt's lock would otherwise block forever); read-only
// opens share the lock, so any number of processes can look up at once.
func Open(dir string, timeout string) (*Index, error) {
	if _, err := os.Stat(dir); err != nil {
		return nil, err // a *PathError names dir
	}
	bi, err := bleve.OpenUsing(dir, map[string]interface{}{"read_only": true, "bolt_timeout": timeout})
	if err != nil {
		return nil, fmt.Errorf("opening index %s: %w", dir, err)
	}
	return &Index{bi: bi, dir: dir, concepts: -1}, nil
}

func displayDir(dir string) string {
	if dir == "" {
		return "memory"
	}
	return dir
}

// conceptFormat is the first byte of an encoded concept; a change of
// the encoding changes it (and AnalysisVersion, so caches are rebuilt).
const conceptFormat = 1

// encodeConcept encodes c with every term's effective status and type
// resolved, so that printing a result needs nothing else. Strings are
// length-prefixed (uvarint): decoding costs a fraction of JSON's, and a
// lookup decodes every result.
func encodeConcept(c *glossary.Concept, id string) string {
	return string(appendConcept(make([]byte, 0, 256), c, id))
}

// appendConcept appends the encoding of c under id (see encodeConcept)
// to b.
func appendConcept(b []byte, c *glossary.Concept, id string) []byte {
	b = append(b, conceptFormat)
	for _, s := range []string{id, c.Domain, c.Definition, c.Note, c.Source, c.Origin} {
		b = appendString(b, s)
	}
	b = binary.AppendUvarint(b, uint64(len(c.Terms)))
	for _, t := range c.Terms {
		b = appendString(b, t.Text)
		b = appendString(b, t.Lang)
		b = appendString(b, string(c.EffectiveStatus(t)))
		b = appendString(b, string(t.EffectiveType()))
		var flags byte
		if t.CaseSensitive {
			flags |= 1
		}
		if t.Exact {
			flags |= 2
		}
		b = append(b, flags)
		b = appendString(b, t.Note)
	}
	return b
}

func appendString(b []byte, s string) []byte {
	b = binary.AppendUvarint(b, uint64(len(s)))
	return append(b, s...)
}

// conceptReader reads an encoded concept, remembering the first error.
type conceptReader struct {
	s   string
	err error
}

func (r *conceptReader) uvarint() uint64 {
	if r.err != nil {
		return 0
	}
	v, n := binary.Uvarint([]byte(r.s[:min(len(r.s), binary.MaxVarintLen64)]))
	if n <= 0 {
		r.err = fmt.Errorf("%w: stored concept: bad length", ErrCorrupt)
		return 0
	}
	r.s = r.s[n:]
	return v
}

func (r *conceptReader) string() string {
	n := r.uvarint()
	if r.err != nil {
		return ""
	}
	if n > uint64(len(r.s)) {
		r.err = fmt.Errorf("%w: stored concept: truncated", ErrCorrupt)
		return ""
	}
	v := r.s[:n]
	r.s = r.s[n:]
	return v
}

func (r *conceptReader) byte() byte {
	if r.err != nil {
		return 0
	}
	if len(r.s) == 0 {
		r.err = fmt.Errorf("%w: stored concept: truncated", ErrCorrupt)
		return 0
	}
	v := r.s[0]
	r.s = r.s[1:]
	return v
}

// decodeConcept turns an encoded concept back into a concept whose terms
// carry their effective status and type.
func decodeConcept(data string) (*glossary.Concept, error) { return decodeConceptIn(data, nil) }

// decodeConceptIn is decodeConcept with the concept and its terms made
// in a (nil: allocated).
func decodeConceptIn(data string, a *resultArena) (*glossary.Concept, error) {
	r := &conceptReader{s: data}
	if f := r.byte(); r.err == nil && f != conceptFormat {
		return nil, fmt.Errorf("%w: stored concept: format %d, want %d", ErrCorrupt, f, conceptFormat)
	}
	c := a.concept()
	*c = glossary.Concept{ID: r.string(), Domain: r.string(), Definition: r.string(), Note: r.string(), Source: r.string(), Origin: r.string()}
	n := r.uvarint()
	if n > uint64(len(r.s)) {
		return nil, fmt.Errorf("%w: stored concept: %d terms", ErrCorrupt, n)
	}
	c.Terms = a.termList(int(n))
	for i := uint64(0); i < n && r.err == nil; i++ {
		t := a.term()
		*t = glossary.Term{Text: r.string(), Lang: r.string(), Status: glossary.Status(r.string()), Type: glossary.Type(r.string())}
		flags := r.byte()
		t.CaseSensitive, t.Exact = flags&1 != 0, flags&2 != 0
		t.Note = r.string()
		c.Terms = append(c.Terms, t)
	}
	if r.err != nil {
		return nil, r.err
	}
	return c, nil
}

// ErrCorrupt is returned (wrapped) when an index's stored data cannot be
// read back; [Cache] discards such an index and rebuilds it.
var ErrCorrupt = errors.New("index data is corrupt")

// matchTerm is what reranking needs of one indexed term, read from the
// stored match field without running the stemmer again.
type matchTerm struct {
	index    int // position of the term in the concept's Terms
	lang     string
	severity int // glossary.Status.Severity of the effective status
	norms    []string
	keys     []string
}

// The separators of the match field: terms are separated by recordSep,
// a term's parts by unitSep, tokens by a space (lang tokens never hold
// one: numbers lose their group spaces in Norm).
const (
	recordSep = "\x1e"
	unitSep   = "\x1f"
)

// appendMatchRecord writes the match record of one form of term t, the
// i-th of c (a term with optional words has several forms, one index).
// It appends to b, and returns the extended slice.
func appendMatchRecord(b []byte, c *glossary.Concept, i int, t *glossary.Term, toks []lang.Token) []byte {
	if len(b) > 0 {
		b = append(b, recordSep...)
	}
	b = strconv.AppendInt(b, int64(i), 10)
	b = append(b, unitSep...)
	b = append(b, t.Lang...)
	b = append(b, unitSep...)
	b = strconv.AppendInt(b, int64(c.EffectiveStatus(t).Severity()), 10)
	b = append(b, unitSep...)
	for j, tok := range toks {
		if j > 0 {
			b = append(b, ' ')
		}
		b = append(b, tok.Norm...)
	}
	b = append(b, unitSep...)
	for j, tok := range toks {
		if j > 0 {
			b = append(b, ' ')
		}
		b = append(b, tok.Key...)
	}
	return b
}

// decodeMatch parses the match field; it skips records it cannot read
// (and reports them as corrupt data).
func decodeMatch(s string) ([]matchTerm, error) {
	var out []matchTerm
	for _, rec := range strings.Split(s, recordSep) {
		if rec == "" {
			continue
		}
		p := strings.Split(rec, unitSep)
		if len(p) != 5 {
			return out, fmt.Errorf("%w: match record %q", ErrCorrupt, rec)
		}
		i, err1 := strconv.Atoi(p[0])
		sev, err2 := strconv.Atoi(p[2])
		if err1 != nil || err2 != nil {
			return out, fmt.Errorf("%w: match record %q", ErrCorrupt, rec)
		}
		out = append(out, matchTerm{index: i, lang: p[1], severity: sev, norms: splitTokens(p[3]), keys: splitTokens(p[4])})
	}
	return out, nil
}

func splitTokens(s string) []string {
	if s == "" {
		return nil
	}
	return strings.Split(s, " ")
}
