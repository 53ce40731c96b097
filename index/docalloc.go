package index

import (
	bindex "github.com/blevesearch/bleve_index_api"
)

// docAlloc hands out the small objects of prepared documents (term
// frequencies, their terms' bytes, locations and location lists, the
// fields of a document) from arrays of docAllocChunk, instead of one
// allocation each: a 50,000-concept build made some 2.8 million of
// them, a sixth of the bytes it allocated. The documents of a batch
// live and die together, so an array kept alive by one document keeps
// little alive that is not in use. Arrays are never grown in place (what
// was handed out points into them): a full one is replaced. A docAlloc
// serves one goroutine; the zero value is ready to use.
type docAlloc struct {
	freqs  []bindex.TokenFreq
	locs   []bindex.TokenLocation
	lists  []*bindex.TokenLocation
	bytes  []byte
	fields []langFields
}

// docAllocChunk is the number of items of a new array (bytes: times 16).
const docAllocChunk = 256

// freq returns a new term frequency for term, its Term a copy of term.
func (a *docAlloc) freq(term string) *bindex.TokenFreq {
	if len(a.freqs) == cap(a.freqs) {
		a.freqs = make([]bindex.TokenFreq, 0, docAllocChunk)
	}
	a.freqs = a.freqs[:len(a.freqs)+1]
	tf := &a.freqs[len(a.freqs)-1]
	tf.Term = a.copyBytes(term)
	return tf
}

// copyBytes returns a copy of s whose capacity is its length, so that
// an append to it never writes over the next copy.
func (a *docAlloc) copyBytes(s string) []byte {
	if len(s) > docAllocChunk {
		return []byte(s)
	}
	if cap(a.bytes)-len(a.bytes) < len(s) {
		a.bytes = make([]byte, 0, 16*docAllocChunk)
	}
	n := len(a.bytes)
	a.bytes = append(a.bytes, s...)
	return a.bytes[n:len(a.bytes):len(a.bytes)]
}

// location returns a new location.
func (a *docAlloc) location(start, end, pos int) *bindex.TokenLocation {
	if len(a.locs) == cap(a.locs) {
		a.locs = make([]bindex.TokenLocation, 0, docAllocChunk)
	}
	a.locs = append(a.locs, bindex.TokenLocation{Start: start, End: end, Position: pos})
	return &a.locs[len(a.locs)-1]
}

// locationList returns a list holding l, with room for l alone: a
// second location is appended as usual, into a list of its own.
func (a *docAlloc) locationList(l *bindex.TokenLocation) []*bindex.TokenLocation {
	if len(a.lists) == cap(a.lists) {
		a.lists = make([]*bindex.TokenLocation, 0, docAllocChunk)
	}
	n := len(a.lists)
	a.lists = append(a.lists, l)
	return a.lists[n : n+1 : n+1]
}

// langFields returns the zeroed fields of every indexed language of
// one document.
func (a *docAlloc) langFields() []langFields {
	n := len(indexedLangs)
	if cap(a.fields)-len(a.fields) < n {
		a.fields = make([]langFields, 0, docAllocChunk/4*n)
	}
	k := len(a.fields)
	a.fields = a.fields[:k+n]
	return a.fields[k : k+n : k+n]
}
