package tm

import (
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"testing"
)

// TestAddUnmapsOldIndex: each Add opens the TM's cached index (a
// mapping of its cache file) and replaces that file; the old mapping is
// released, not kept until the process ends (a server adding units all
// day would collect thousands).
func TestAddUnmapsOldIndex(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("counts mappings in /proc/self/maps")
	}
	dir := t.TempDir()
	cache := filepath.Join(dir, "cache")
	path := filepath.Join(dir, "m.tmx")
	for i := range 6 {
		if _, err := Add(path, []Unit{pairUnit("", fmt.Sprintf("Предложение номер %d.", i), fmt.Sprintf("Sentence number %d.", i))}, Options{CacheDir: cache}); err != nil {
			t.Fatal(err)
		}
	}
	maps, err := os.ReadFile("/proc/self/maps")
	if err != nil {
		t.Skip(err)
	}
	leaked := 0
	for _, line := range strings.Split(string(maps), "\n") {
		if strings.Contains(line, cache) && strings.HasSuffix(line, "(deleted)") {
			leaked++
		}
	}
	if leaked > 0 {
		t.Errorf("%d mappings of replaced cache files left after 6 adds", leaked)
	}
}

// TestCloseDuringQueries: Close waits for the queries in flight, and
// queries after it find nothing instead of reading unmapped memory;
// Has builds its set once under concurrent callers (go test -race).
func TestCloseDuringQueries(t *testing.T) {
	dir := t.TempDir()
	cache := filepath.Join(dir, "cache")
	path := filepath.Join(dir, "m.tsv")
	var b strings.Builder
	b.WriteString("ru\ten\n")
	for i := range 200 {
		fmt.Fprintf(&b, "Стороны обсудили вопрос номер %d.\tThe parties discussed issue number %d.\n", i, i)
	}
	os.WriteFile(path, []byte(b.String()), 0o644)
	if _, err := Open(path, Options{CacheDir: cache}); err != nil { // builds and caches
		t.Fatal(err)
	}
	x, err := Open(path, Options{CacheDir: cache}) // mapped
	if err != nil {
		t.Fatal(err)
	}
	if x.unmap == nil {
		t.Fatal("the second open did not map the cache")
	}
	u := pairUnit("", "Стороны обсудили вопрос номер 7.", "The parties discussed issue number 7.")
	key := u.Key()
	var wg sync.WaitGroup
	start := make(chan struct{})
	for range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			<-start
			for range 50 {
				x.Has(key)
				if ms := x.Match("Стороны обсудили вопрос номер 7.", MatchOptions{}); len(ms) > 0 && ms[0].Score != 100 {
					t.Errorf("best match %d%%, want 100", ms[0].Score)
				}
				x.Search("обсудили", 3)
			}
		}()
	}
	close(start)
	x.Close()
	wg.Wait()
	if ms := x.Match("Стороны обсудили вопрос номер 7.", MatchOptions{}); ms != nil {
		t.Errorf("match after Close: %v", ms)
	}
}
