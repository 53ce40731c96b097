package check

import (
	"context"
	"encoding/binary"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"testing"
	"time"

	"tolmach/glossary"
)

// TestPreparedRoundTrip checks that the cache encoding gives back the
// glossary and its matchers exactly, for the built-in glossary and a
// generated one with every term field set.
func TestPreparedRoundTrip(t *testing.T) {
	g := builtinGlossary(t)
	odd := &glossary.Concept{ID: "odd", Domain: "d", Definition: "def", Note: "n", Source: "s", Origin: "x:1",
		Terms: []*glossary.Term{
			{Text: "—", Lang: "ru", Status: glossary.Forbidden, Type: glossary.Variant, CaseSensitive: true, Exact: true, Note: "tn", Origin: "x:2"},
			{Text: "ОДД", Lang: "ru", Type: glossary.Abbreviation, CaseSensitive: true},
			{Text: "odd thing", Lang: "en"},
		}}
	g.Concepts = append(g.Concepts, odd, &glossary.Concept{ID: "empty"})
	ru, en := glossary.NewMatcher(g, "ru"), glossary.NewMatcher(g, "en")
	data := encodePrepared(g, ru, en, "state")
	// The entry is the magic, the state, the lengths of the first two
	// encodings, the three encodings one after the other (each matcher
	// at a multiple of eight bytes) and the checksum of all that.
	gb, _ := g.AppendBinary(nil)
	rb, _ := ru.AppendBinary(nil)
	eb, _ := en.AppendBinary(nil)
	want := append([]byte(cacheMagic), byte(len("state")))
	want = append(want, "state"...)
	want = binary.AppendUvarint(want, uint64(len(gb)))
	want = binary.AppendUvarint(want, uint64(len(rb)))
	for i, part := range [][]byte{gb, rb, eb} {
		if i > 0 { // a matcher
			want = append(want, make([]byte, padTo(len(want)))...)
		}
		want = append(want, part...)
	}
	if want = appendChecksum(want); string(data) != string(want) {
		t.Errorf("the entry is %d bytes, unlike the %d of its parts", len(data), len(want))
	}
	g2, ru2, en2, err := decodePrepared(data, "state")
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(g, g2) {
		t.Error("the glossary read back differs from the one written")
	}
	// The matchers' encodings say all they hold (their hash tables are
	// made afresh with a seed of their own).
	for _, m := range [][2]*glossary.Matcher{{ru, ru2}, {en, en2}} {
		a, _ := m[0].AppendBinary(nil)
		b, _ := m[1].AppendBinary(nil)
		if string(a) != string(b) {
			t.Error("a matcher read back differs from the one written")
		}
	}
	if _, _, _, err := decodePrepared(data, "other state"); err == nil {
		t.Error("an entry of another state was accepted")
	}
}

// TestPreparedCorrupt feeds the decoder every truncation and a flipped
// byte at many offsets of an entry: each must be refused, none may panic.
func TestPreparedCorrupt(t *testing.T) {
	g := parseGlossary(t, "[sco]\nru: Шанхайская организация сотрудничества\nru: ШОС\nen: Shanghai Cooperation Organisation\nen: SCO\n\n[pivot]\nru: поворот на Восток\nen: pivot to the East\n")
	data := encodePrepared(g, glossary.NewMatcher(g, "ru"), glossary.NewMatcher(g, "en"), "s")
	for n := 0; n < len(data); n++ {
		if _, _, _, err := decodePrepared(data[:n], "s"); err == nil {
			t.Fatalf("an entry cut to %d of %d bytes was accepted", n, len(data))
		}
	}
	for i := 0; i < len(data); i++ {
		bad := append([]byte(nil), data...)
		bad[i] ^= 0x41
		if _, _, _, err := decodePrepared(bad, "s"); err == nil {
			t.Fatalf("an entry with byte %d changed was accepted", i)
		}
	}
}

// TestPreparedCorruptBody checks the decoder's own bounds checks, past
// the checksum: a body rewritten with a valid checksum but nonsense
// counts is refused without a panic.
func TestPreparedCorruptBody(t *testing.T) {
	g := parseGlossary(t, "[sco]\nru: ШОС\nen: SCO\n")
	data := encodePrepared(g, glossary.NewMatcher(g, "ru"), glossary.NewMatcher(g, "en"), "s")
	head := len(cacheMagic) + 2 // magic, the state's length and "s"
	for i := head; i < len(data)-4; i++ {
		for _, v := range []byte{0, 1, 0x7f, 0x80, 0xff} {
			bad := append([]byte(nil), data[:len(data)-4]...)
			bad[i] = v
			bad = appendChecksum(bad)
			func() {
				defer func() {
					if r := recover(); r != nil {
						t.Fatalf("byte %d set to %#x: panic %v", i, v, r)
					}
				}()
				decodePrepared(bad, "s")
			}()
		}
	}
}

// TestGlossaryCache checks the cache end to end: a miss, a store, a hit
// whose check gives the same findings as the uncached one, a miss once
// the glossary file changes, and a corrupt entry ignored; with entries
// read and mapped.
func TestGlossaryCache(t *testing.T) {
	for _, mapped := range []bool{false, true} {
		t.Run(fmt.Sprintf("mapped=%v", mapped), func(t *testing.T) { testGlossaryCache(t, mapped) })
	}
}

func testGlossaryCache(t *testing.T, mapped bool) {
	dir := t.TempDir()
	gpath := filepath.Join(dir, "g.glossary")
	if err := glossary.WriteFile(gpath, builtinGlossary(t), glossary.Native); err != nil {
		t.Fatal(err)
	}
	state := func() []GlossarySource {
		fi, err := os.Stat(gpath)
		if err != nil {
			t.Fatal(err)
		}
		return []GlossarySource{{Path: gpath, Size: fi.Size(), ModTime: fi.ModTime()}}
	}
	cache := GlossaryCache{Dir: filepath.Join(dir, "cache"), Mapped: mapped}
	if _, ok := cache.Load(state(), Options{}); ok {
		t.Fatal("a hit in an empty cache")
	}
	g, err := glossary.Load(gpath)
	if err != nil {
		t.Fatal(err)
	}
	c := New(Options{Glossary: g})
	if err := cache.Store(state(), c); err != nil {
		t.Fatal(err)
	}
	cached, ok := cache.Load(state(), Options{})
	if !ok {
		t.Fatal("no hit after a store")
	}
	case1 := filepath.Join("testdata", "eval", "01-sco-astana-ru-en")
	src, tgt := filepath.Join(case1, "source.ru.txt"), filepath.Join(case1, "target.en.txt")
	want, err := c.CheckFiles(context.Background(), src, tgt)
	if err != nil {
		t.Fatal(err)
	}
	got, err := cached.CheckFiles(context.Background(), src, tgt)
	if err != nil {
		t.Fatal(err)
	}
	if len(want.Findings) == 0 || want.Terms == 0 {
		t.Fatalf("%d findings and %d terms: the test pair shows nothing", len(want.Findings), want.Terms)
	}
	wj, _ := json.Marshal(want.Findings)
	gj, _ := json.Marshal(got.Findings)
	if string(wj) != string(gj) || want.Terms != got.Terms {
		t.Errorf("the cached glossary gives other findings:\n%s\nwant\n%s", gj, wj)
	}

	// A changed glossary (another modification time) misses.
	later := time.Now().Add(time.Hour)
	if err := os.Chtimes(gpath, later, later); err != nil {
		t.Fatal(err)
	}
	if _, ok := cache.Load(state(), Options{}); ok {
		t.Error("a hit for a glossary changed since the entry was written")
	}
	// A damaged entry misses.
	if err := cache.Store(state(), c); err != nil {
		t.Fatal(err)
	}
	entries, _ := filepath.Glob(filepath.Join(cache.Dir, "*.bin"))
	if len(entries) != 1 {
		t.Fatalf("%d cache entries for one glossary, want 1 (rewritten in place)", len(entries))
	}
	data, err := os.ReadFile(entries[0])
	if err != nil {
		t.Fatal(err)
	}
	data[len(data)/2] ^= 1
	// Replaced by renaming, as the cache replaces entries: the mapped
	// one read above must not change under the checker using it.
	if err := os.WriteFile(entries[0]+".new", data, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Rename(entries[0]+".new", entries[0]); err != nil {
		t.Fatal(err)
	}
	if _, ok := cache.Load(state(), Options{}); ok {
		t.Error("a hit on a damaged entry")
	}
	if tmps, _ := filepath.Glob(filepath.Join(cache.Dir, ".tmp*")); len(tmps) > 0 {
		t.Errorf("temporary files left: %v", tmps)
	}
}
