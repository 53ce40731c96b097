package index

import (
	"context"
	"reflect"
	"runtime/debug"
	"strconv"
	"sync"

	"github.com/blevesearch/bleve/v2/document"
	bindex "github.com/blevesearch/bleve_index_api"

	"tolmach/glossary"
	"tolmach/internal/lang"
)

// The glossary index gives bleve documents whose fields are analysed
// already: each form of a term is analysed once with lang, and its
// tokens make the terms of all four fields of its language (key, norm,
// whole term, case) and its match record. Through the mapping, bleve
// would run the analysis once per field, and build a field object and
// a token stream per value. The terms are exactly those the analyzers
// registered for these fields emit (both come from emitTerms, and
// TestPreparedDocumentMatchesMapping compares them), so queries, which
// the mapping still describes, find the same documents with the same
// scores.

// preparedField is an indexed field whose term frequencies tolmach
// computed itself. All the values of one field of a document (the forms
// of every term of a language) make one preparedField: their positions
// continue from one value to the next with a gap, so that no phrase
// runs from one term into another, as array positions would ensure.
type preparedField struct {
	name    string
	options bindex.FieldIndexingOptions
	length  int
	freqs   bindex.TokenFrequencies
	size    int // what freqs' terms and locations add to Size, kept as they are added
}

var _ document.Field = (*preparedField)(nil)

// Name implements document.Field.
func (f *preparedField) Name() string { return f.name }

// ArrayPositions implements document.Field: a prepared field is one
// value.
func (f *preparedField) ArrayPositions() []uint64 { return nil }

// Options implements document.Field.
func (f *preparedField) Options() bindex.FieldIndexingOptions { return f.options }

// Analyze implements document.Field: the field is analysed already.
func (f *preparedField) Analyze() {}

// Value implements document.Field. A prepared field is not stored, so
// nothing reads its value.
func (f *preparedField) Value() []byte { return nil }

// NumPlainTextBytes implements document.Field (bleve's statistics).
func (f *preparedField) NumPlainTextBytes() uint64 { return 0 }

// Size implements document.Field: an estimate of the memory held, which
// bleve adds up for its statistics of every document it indexes. It is
// the sum of the map keys and of each TokenFreq's Size, kept by add as
// terms and locations come, rather than walked over the map per call.
func (f *preparedField) Size() int { return preparedFieldSize + len(f.name) + f.size }

// The static sizes Size counts, as bleve's own Size methods do.
var (
	preparedFieldSize = int(reflect.TypeOf(preparedField{}).Size())
	tokenFreqSize     = int(reflect.TypeOf(bindex.TokenFreq{}).Size())
	tokenLocationSize = int(reflect.TypeOf(bindex.TokenLocation{}).Size())
)

// EncodedFieldType implements document.Field: a text field.
func (f *preparedField) EncodedFieldType() byte { return 't' }

// AnalyzedLength implements document.Field: the number of tokens, as
// bleve's TextField counts them (it makes the field's length norm).
func (f *preparedField) AnalyzedLength() int { return f.length }

// AnalyzedTokenFrequencies implements document.Field.
func (f *preparedField) AnalyzedTokenFrequencies() bindex.TokenFrequencies { return f.freqs }

// fieldBuilder accumulates the values of one prepared field.
type fieldBuilder struct {
	form  tokenForm
	f     preparedField
	last  int // the last position used
	alloc *docAlloc
}

func (b *fieldBuilder) init(name string, form tokenForm, termVectors bool, a *docAlloc) {
	opts := bindex.IndexField
	if termVectors {
		opts |= bindex.IncludeTermVectors
	}
	*b = fieldBuilder{form: form, f: preparedField{name: name, options: opts}, alloc: a}
}

// add indexes one value of the field, given its lang tokens.
func (b *fieldBuilder) add(toks []lang.Token) {
	if len(toks) == 0 {
		return
	}
	if b.f.freqs == nil {
		b.f.freqs = make(bindex.TokenFrequencies, 2*len(toks))
	}
	base := 0
	if b.last > 0 {
		base = b.last + 1 // a gap: no phrase spans two values
	}
	vectors := b.f.options.IncludeTermVectors()
	emitTerms(toks, b.form, base, func(term string, tok *lang.Token, pos int) {
		b.f.length++
		b.last = max(b.last, pos)
		tf := b.f.freqs[term]
		if tf == nil {
			tf = b.alloc.freq(term)
			b.f.freqs[term] = tf
			b.f.size += 2*len(term) + tokenFreqSize // the key and tf
		}
		tf.SetFrequency(tf.Frequency() + 1)
		if vectors {
			start, end := tok.Start, tok.End
			if b.form == formTerm {
				start, end = toks[0].Start, toks[len(toks)-1].End
			}
			loc := b.alloc.location(start, end, pos)
			if tf.Locations == nil {
				tf.Locations = b.alloc.locationList(loc)
			} else {
				tf.Locations = append(tf.Locations, loc)
			}
			b.f.size += tokenLocationSize
		}
	})
}

// addTo adds the field to d unless it holds no terms.
func (b *fieldBuilder) addTo(d *document.Document) {
	if b.f.length > 0 {
		d.AddField(&b.f)
	}
}

// langFields are the prepared fields of one language (see
// glossaryMapping): the key, norm and whole-term fields of every form,
// and the case-sensitive field of abbreviations and capitalised terms.
// A document's fields of both languages are one allocation.
type langFields struct {
	ready                  bool
	key, norm, term, cased fieldBuilder
}

// langFieldNames holds the names of the prepared fields of each of
// indexedLangs (key, norm, whole term, case), made once instead of
// concatenated for every document.
var langFieldNames = func() [][4]string {
	names := make([][4]string, len(indexedLangs))
	for i, l := range indexedLangs {
		names[i] = [4]string{l + SuffixKey, l + SuffixNorm, l + SuffixTerm, l + SuffixCase}
	}
	return names
}()

// init readies the fields of the li-th of indexedLangs, their small
// objects made by a.
func (lf *langFields) init(li int, a *docAlloc) {
	n := &langFieldNames[li]
	lf.key.init(n[0], formKey, true, a)
	lf.norm.init(n[1], formNorm, false, a)
	lf.term.init(n[2], formTerm, false, a)
	lf.cased.init(n[3], formText, false, a)
	lf.ready = true
}

// conceptDocument returns the bleve document of concept c under id: the
// indexed fields of its ru and en terms, the concept encoded for printing
// (see encodeConcept) and its terms' tokens for reranking (see
// appendMatchRecord). Each form of a term is analysed once, here.
func conceptDocument(c *glossary.Concept, id string) *document.Document {
	return conceptDocumentIn(c, id, new(docAlloc))
}

// conceptDocumentIn is conceptDocument with the document's small
// objects made by a.
func conceptDocumentIn(c *glossary.Concept, id string, a *docAlloc) *document.Document {
	d := document.NewDocument(id)
	// Room for every field at once (four per language, the two stored
	// ones, and the ID field bleve adds when it indexes d), instead of
	// the five growths of an empty list.
	d.Fields = make([]document.Field, 0, 4*len(indexedLangs)+3)
	fields := a.langFields()
	match := []byte{} // stored even when empty, as it always was
	for i, t := range c.Terms {
		li := indexedLangIndex(t.Lang)
		if li < 0 {
			continue
		}
		lf := &fields[li]
		if !lf.ready {
			lf.init(li, a)
		}
		// A term with optional words is indexed in each of its forms
		// («Конгресс [США]»: in full, and «Конгресс»).
		for _, form := range t.Forms() {
			toks := lang.Analyze(form)
			lf.key.add(toks)
			lf.norm.add(toks)
			lf.term.add(toks)
			// Only abbreviations and case-sensitive terms go to the
			// case-sensitive field: nothing else is looked up by its
			// case, and every field costs build time.
			if t.CaseSensitive || t.Type == glossary.Abbreviation || hasCapitalsWord(toks) {
				lf.cased.add(toks)
			}
			match = appendMatchRecord(match, c, i, t, toks)
		}
	}
	for i := range fields {
		if lf := &fields[i]; lf.ready {
			lf.key.addTo(d)
			lf.norm.addTo(d)
			lf.term.addTo(d)
			lf.cased.addTo(d)
		}
	}
	d.AddField(document.NewTextFieldWithIndexingOptions(fieldData, nil, appendConcept(make([]byte, 0, 256), c, id), bindex.StoreField))
	d.AddField(document.NewTextFieldWithIndexingOptions(fieldMatch, nil, match, bindex.StoreField))
	return d
}

// hasCapitalsWord reports whether toks hold a word in capitals (an
// abbreviation inside a longer term: «СБ ООН», INF Treaty).
func hasCapitalsWord(toks []lang.Token) bool {
	for _, t := range toks {
		if t.Kind == lang.Word && len(t.Text) > 1 && t.Upper() {
			return true
		}
	}
	return false
}

// indexedLangIndex returns the index of l in indexedLangs, or -1.
func indexedLangIndex(l string) int {
	for i, x := range indexedLangs {
		if x == l {
			return i
		}
	}
	return -1
}

// conceptIDs returns the document ID of each concept: its own, "#N" for
// a concept without one (N counting from 1), and a repeated ID made
// unique with "#N": Merge gives IDs that are unique already; a glossary
// built by hand might not, and bleve would silently keep the last.
func conceptIDs(cs []*glossary.Concept) []string {
	ids := make([]string, len(cs))
	seen := make(map[string]bool, len(cs))
	for i, c := range cs {
		id := c.ID
		if id == "" {
			id = "#" + strconv.Itoa(i+1)
		}
		if seen[id] {
			id = id + "#" + strconv.Itoa(i+1)
		}
		seen[id] = true
		ids[i] = id
	}
	return ids
}

// prepareDocuments returns the documents of cs under ids, prepared by
// up to workers goroutines (analysis is most of the work), each on its
// own run of concepts.
func prepareDocuments(ctx context.Context, cs []*glossary.Concept, ids []string, workers int) ([]*document.Document, error) {
	docs := make([]*document.Document, len(cs))
	workers = max(1, min(workers, len(cs)/256))
	per := (len(cs) + workers - 1) / workers
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		lo, hi := w*per, min((w+1)*per, len(cs))
		wg.Go(func() {
			var a docAlloc
			for i := lo; i < hi; i++ {
				if i%1024 == 0 && ctx.Err() != nil {
					return
				}
				docs[i] = conceptDocumentIn(cs[i], ids[i], &a)
			}
		})
	}
	wg.Wait()
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	return docs, nil
}

// buildGCPercent is the garbage collector's target (GOGC) while an index
// is built. Nearly everything allocated lives until its batch is
// indexed, so collecting at every doubling of the heap mostly re-marks
// the batch: at 300 instead of the default 100, a 50,000-concept build
// takes about a fifth less CPU time. buildMemoryLimit caps what that
// costs in memory: the collector runs whenever the heap nears it.
const (
	buildGCPercent   = 300
	buildMemoryLimit = 384 << 20
)

// raiseGCPercent raises the garbage collector's target to buildGCPercent
// unless it is higher already (or off), with a soft memory limit of
// buildMemoryLimit unless a lower one is set, and returns the function
// that restores both.
func raiseGCPercent() (restore func()) {
	old := debug.SetGCPercent(buildGCPercent)
	if old < 0 || old >= buildGCPercent {
		debug.SetGCPercent(old)
		return func() {}
	}
	oldLimit := debug.SetMemoryLimit(-1) // a negative limit only reads it
	if oldLimit > buildMemoryLimit {
		debug.SetMemoryLimit(buildMemoryLimit)
	}
	return func() {
		debug.SetMemoryLimit(oldLimit)
		debug.SetGCPercent(old)
	}
}
