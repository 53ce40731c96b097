package lang

import (
	"strings"
	"testing"
	"unsafe"
)

// TestKeyCachePutCopies: a word and its key put in the cache are copies,
// never slices of the text they came from (which the cache would keep
// alive), whether the key is a prefix of the word or not; and they read
// back as put.
func TestKeyCachePutCopies(t *testing.T) {
	text := "государства-члены пошли mice went сопротивление"
	at := func(s string) string { // the slice of text that is s
		i := strings.Index(text, s)
		return text[i : i+len(s)]
	}
	for _, tc := range []struct{ w, k string }{
		{at("государства"), at("государств")}, // key a prefix of the word
		{at("mice"), "mouse"}, // key not a prefix
		{at("сопротивление"), at("сопротивлен")},
		{at("went"), ""}, // an empty key
	} {
		c := newKeyCache()
		c.shard(tc.w).put(tc.w, tc.k)
		var stored, key string
		for w, k := range c.shard(tc.w).m {
			stored, key = w, k
		}
		if stored != tc.w || key != tc.k {
			t.Errorf("put(%q, %q) stored %q → %q", tc.w, tc.k, stored, key)
		}
		if k, ok := c.shard(tc.w).get(tc.w); !ok || k != tc.k {
			t.Errorf("get(%q) = %q, %v; want %q", tc.w, k, ok, tc.k)
		}
		lo, hi := uintptr(unsafe.Pointer(unsafe.StringData(text))), uintptr(unsafe.Pointer(unsafe.StringData(text)))+uintptr(len(text))
		for _, s := range []string{stored, key} {
			if p := uintptr(unsafe.Pointer(unsafe.StringData(s))); len(s) > 0 && p >= lo && p < hi {
				t.Errorf("put(%q, %q) kept %q inside the text", tc.w, tc.k, s)
			}
		}
	}
}
