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
	shards [stemCacheShards]keyShard
}

// keyShard is one shard of a keyCache.
type keyShard struct {
	mu sync.RWMutex
	m  map[string]string
}

var stemCache = newKeyCache()

func newKeyCache() *keyCache {
	c := &keyCache{seed: maphash.MakeSeed()}
	for i := range c.shards {
		c.shards[i].m = make(map[string]string)
	}
	return c
}

// shard returns the shard of w: a word missing from it is stemmed and
// put in the same shard, hashed once.
func (c *keyCache) shard(w string) *keyShard {
	return &c.shards[maphash.String(c.seed, w)%stemCacheShards]
}

func (s *keyShard) get(w string) (string, bool) {
	s.mu.RLock()
	k, ok := s.m[w]
	s.mu.RUnlock()
	return k, ok
}

func (s *keyShard) put(w, k string) {
	// w (and k, often a prefix of w) may be slices of a large text: they
	// are copied so that the cache does not keep the whole text alive,
	// both in one allocation (a general dictionary's terms put 80,000
	// words at once).
	if strings.HasPrefix(w, k) {
		w = strings.Clone(w)
		k = w[:len(k)]
	} else {
		wk := w + k
		w, k = wk[:len(w)], wk[len(w):]
	}
	s.mu.Lock()
	if len(s.m) >= stemCacheShardSize {
		clear(s.m)
	}
	s.m[w] = k
	s.mu.Unlock()
}
