package lang

import (
	"hash/maphash"
	"strings"
	"sync"
)

// stemCacheShards and stemCacheShardSize bound the key cache: at most
// 64 × 4096 words (a few tens of MB at worst, a few MB for real texts,
// whose vocabulary is much smaller).
const (
	stemCacheShards    = 64
	stemCacheShardSize = 4096
)

// keyCache remembers the keys of words already stemmed. Real texts repeat
// their vocabulary, and a map lookup is several times cheaper than the
// dictionary and Snowball. Shards keep concurrent analysers from
// contending on one lock; a full shard is simply emptied, which keeps the
// memory bounded without the bookkeeping of an LRU.
type keyCache struct {
	seed   maphash.Seed
	shards [stemCacheShards]struct {
		mu sync.RWMutex
		m  map[string]string
	}
}

var stemCache = newKeyCache()

func newKeyCache() *keyCache {
	c := &keyCache{seed: maphash.MakeSeed()}
	for i := range c.shards {
		c.shards[i].m = make(map[string]string)
	}
	return c
}

func (c *keyCache) shard(w string) int {
	return int(maphash.String(c.seed, w) % stemCacheShards)
}

func (c *keyCache) get(w string) (string, bool) {
	s := &c.shards[c.shard(w)]
	s.mu.RLock()
	k, ok := s.m[w]
	s.mu.RUnlock()
	return k, ok
}

func (c *keyCache) put(w, k string) {
	s := &c.shards[c.shard(w)]
	s.mu.Lock()
	if len(s.m) >= stemCacheShardSize {
		clear(s.m)
	}
	// w (and k, often a prefix of w) may be slices of a large text: copy
	// them so that the cache does not keep the whole text alive.
	s.m[strings.Clone(w)] = strings.Clone(k)
	s.mu.Unlock()
}
