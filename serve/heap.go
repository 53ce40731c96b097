package serve

import (
	"runtime"
	"runtime/debug"
	"runtime/metrics"
)

// Memory a server's first requests allocate.
//
// A server returns the garbage of loading its index to the system at
// once (debug.FreeOSMemory), so that it is ready at the size of what it
// keeps. The requests after that allocate in pages the system has yet
// to map, each mapped at its first touch, by a page fault; and nothing
// allocated is collected until the heap has grown by its live size
// again (some 150 MB at 50,000 concepts), so until then every request's
// garbage is new pages. A page fault costs 23–29 µs on the virtual
// machines tolmach was measured on, against some 0.1 ms for a whole
// lookup answered from the cache.
//
// So the server keeps a small part of what it returned: it touches
// heapReserve's worth of pages and frees them again, and the runtime,
// which hands out the lowest free pages first, serves the next
// requests' allocations from them. A first lookup leaves about 4 KB on
// the heap (its answer, which the lookup cache keeps, and the request's
// own objects): the reserve holds thousands of them, a translator's day
// of lookups or more; after that, pages are mapped as before until the
// first collection, whose freed pages the heap then reuses.

// maxHeapReserve bounds the reserve; heapReserve scales it down for a
// small heap, whose garbage is collected soon anyway.
const maxHeapReserve = 16 << 20

// heapReserve returns the reserve for a heap of live bytes: an eighth of
// it, at most maxHeapReserve.
func heapReserve(live uint64) int { return int(min(live/8, maxHeapReserve)) }

// reserveBlock is the size of the blocks the reserve is touched in: one
// runtime page each, so that each lies in a span of its own, and the
// spans, freed, are whole free pages for any size of object.
const reserveBlock = 8 << 10

// returnGarbage returns the heap's free memory to the system but a
// reserve for the requests to come, which it maps now (see above). It
// collects the heap twice.
func returnGarbage() {
	debug.FreeOSMemory()
	live := liveHeap()
	blocks := make([][]byte, heapReserve(live)/reserveBlock)
	for i := range blocks {
		b := make([]byte, reserveBlock)
		// A fresh block is not cleared (the system's pages are zero):
		// touch each of its pages.
		for j := 0; j < len(b); j += 4 << 10 {
			b[j] = 1
		}
		blocks[i] = b
	}
	runtime.KeepAlive(blocks)
	blocks = nil
	runtime.GC()
}

// liveHeap returns the heap's live bytes after the last collection.
func liveHeap() uint64 { return heapMetric("/gc/heap/live:bytes") }

// heapMetric reads a runtime/metrics value in bytes (0 when the runtime
// lacks it).
func heapMetric(name string) uint64 {
	s := []metrics.Sample{{Name: name}}
	metrics.Read(s)
	if s[0].Value.Kind() != metrics.KindUint64 {
		return 0
	}
	return s[0].Value.Uint64()
}
