package index

import (
	"sync"

	"tolmach/glossary"
)

// resultArena holds the results of lookups whose caller reads them and
// lets go (Index.LookupFunc): their results, concepts, terms and term
// lists, made in arrays reused from one lookup to the next instead of
// allocated anew. Its methods allocate as usual on a nil arena.
//
// Concepts and terms are handed out by pointer, so an array is never
// grown in place: when one is full, a larger one is made and the full
// one is left to the results already pointing into it.
type resultArena struct {
	results  []Result
	concepts []glossary.Concept
	terms    []glossary.Term
	lists    []*glossary.Term
}

// arenaPool holds the arenas of lookups not running.
var arenaPool = sync.Pool{New: func() any { return new(resultArena) }}

// arenaChunk is the least number of items of a new array.
const arenaChunk = 16

// release empties a and puts it back in arenaPool. What it held is
// cleared, so that an arena at rest keeps no stored concept alive.
func (a *resultArena) release() {
	clear(a.results)
	clear(a.concepts)
	clear(a.terms)
	clear(a.lists)
	a.results, a.concepts, a.terms, a.lists = a.results[:0], a.concepts[:0], a.terms[:0], a.lists[:0]
	arenaPool.Put(a)
}

// resultList returns an empty list of results with room for n.
func (a *resultArena) resultList(n int) []Result {
	if a == nil {
		return make([]Result, 0, n)
	}
	// One lookup's results may be made twice (see Index.lookup): the
	// first list is dropped, its room reused.
	return a.results[:0]
}

// concept returns a concept to fill.
func (a *resultArena) concept() *glossary.Concept {
	if a == nil {
		return new(glossary.Concept)
	}
	if len(a.concepts) == cap(a.concepts) {
		a.concepts = make([]glossary.Concept, 0, max(arenaChunk, 2*cap(a.concepts)))
	}
	a.concepts = a.concepts[:len(a.concepts)+1]
	return &a.concepts[len(a.concepts)-1]
}

// term returns a term to fill.
func (a *resultArena) term() *glossary.Term {
	if a == nil {
		return new(glossary.Term)
	}
	if len(a.terms) == cap(a.terms) {
		a.terms = make([]glossary.Term, 0, max(4*arenaChunk, 2*cap(a.terms)))
	}
	a.terms = a.terms[:len(a.terms)+1]
	return &a.terms[len(a.terms)-1]
}

// termList returns an empty list of terms with room for n.
func (a *resultArena) termList(n int) []*glossary.Term {
	if a == nil {
		return make([]*glossary.Term, 0, n)
	}
	if cap(a.lists)-len(a.lists) < n {
		a.lists = make([]*glossary.Term, 0, max(4*arenaChunk, 2*cap(a.lists), n))
	}
	first := len(a.lists)
	a.lists = a.lists[:first+n]
	return a.lists[first : first : first+n]
}
