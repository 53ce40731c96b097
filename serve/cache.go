package serve

import (
	"container/list"
	"sync"
)

// lookupCacheSize is how many lookup answers a version of the glossaries
// keeps: a translator's day asks the same few hundred terms again and
// again (and typing sends each prefix), and an answer is a few hundred
// bytes.
const lookupCacheSize = 4096

// lookupCache keeps the encoded answers of recent lookups, least
// recently used dropped first. Each snapshot has its own, so a reload
// starts empty and no answer outlives the glossary it came from.
type lookupCache struct {
	mu    sync.Mutex
	items map[string]*list.Element
	order list.List // front: most recently used; values are *cacheEntry
}

type cacheEntry struct {
	key  string
	body []byte
}

func newLookupCache() *lookupCache { return &lookupCache{items: map[string]*list.Element{}} }

// get returns the cached answer for key.
func (c *lookupCache) get(key string) ([]byte, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	e, ok := c.items[key]
	if !ok {
		return nil, false
	}
	c.order.MoveToFront(e)
	return e.Value.(*cacheEntry).body, true
}

// put keeps body as the answer for key.
func (c *lookupCache) put(key string, body []byte) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if e, ok := c.items[key]; ok {
		c.order.MoveToFront(e)
		return
	}
	c.items[key] = c.order.PushFront(&cacheEntry{key, body})
	for c.order.Len() > lookupCacheSize {
		old := c.order.Back()
		c.order.Remove(old)
		delete(c.items, old.Value.(*cacheEntry).key)
	}
}
