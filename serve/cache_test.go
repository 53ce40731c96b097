package serve

import (
	"fmt"
	"testing"
)

// TestLookupCache: answers come back as kept, the least recently used
// goes first when the cache is full, and a used entry is kept.
func TestLookupCache(t *testing.T) {
	c := newLookupCache()
	for i := range lookupCacheSize {
		c.put(fmt.Sprint(i), []byte(fmt.Sprint("answer ", i)))
	}
	if b, ok := c.get("0"); !ok || string(b) != "answer 0" { // 0 is now the most recent
		t.Fatalf("get 0: %q %v", b, ok)
	}
	c.put("new", []byte("x"))
	if _, ok := c.get("1"); ok {
		t.Error("the least recently used entry was kept over the limit")
	}
	if _, ok := c.get("0"); !ok {
		t.Error("a recently used entry was dropped")
	}
	if len(c.items) != lookupCacheSize || c.order.Len() != lookupCacheSize {
		t.Errorf("%d items, %d in order; want %d", len(c.items), c.order.Len(), lookupCacheSize)
	}
}

// TestLookupCacheKey: requests differing in any parameter that changes
// the answer have different keys, and equal requests equal ones.
func TestLookupCacheKey(t *testing.T) {
	reqs := []LookupRequest{
		{Query: "treaty", Limit: 10},
		{Query: "treaty", Limit: 1},
		{Query: "treaty", Limit: 10, Exact: true},
		{Query: "treaty", Lang: "en", Limit: 10},
		{Query: "treaty", Lang: "ru", Limit: 10},
		{Query: "treaty\x00en", Limit: 10},
		{Query: "договор", Limit: 10},
	}
	seen := map[string]LookupRequest{}
	for _, r := range reqs {
		k := r.cacheKey()
		if o, ok := seen[k]; ok {
			t.Errorf("%+v and %+v share the key %q", o, r, k)
		}
		seen[k] = r
		if again := r; again.cacheKey() != k {
			t.Errorf("%+v: key not stable", r)
		}
	}
}
