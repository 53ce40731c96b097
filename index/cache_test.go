package index

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"tolmach/glossary"
)

const smallGlossary = `[sco]
domain: international organizations
ru: Шанхайская организация сотрудничества | preferred fullForm
ru: ШОС | abbreviation case
en: Shanghai Cooperation Organisation | preferred fullForm
en: SCO | abbreviation case

[csto]
ru: Организация Договора о коллективной безопасности | preferred
ru: ОДКБ | abbreviation case
en: Collective Security Treaty Organization | preferred
en: CSTO | abbreviation case
`

// cacheFixture is a cache in a temporary directory and a glossary file
// whose loads are counted.
type cacheFixture struct {
	cache   *Cache
	path    string
	loads   atomic.Int32
	notices []string
}

func newCacheFixture(t *testing.T, content string) *cacheFixture {
	t.Helper()
	dir := t.TempDir()
	f := &cacheFixture{path: filepath.Join(dir, "terms.glossary")}
	f.cache = &Cache{Dir: filepath.Join(dir, "cache"), Notify: func(m string) { f.notices = append(f.notices, m) }}
	if err := os.WriteFile(f.path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	return f
}

func (f *cacheFixture) load() (*glossary.Glossary, error) {
	f.loads.Add(1)
	return glossary.Load(f.path)
}

func (f *cacheFixture) open(t *testing.T) *Index {
	t.Helper()
	x, err := f.cache.Open(context.Background(), []Source{{Path: f.path}}, f.load)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { x.Close() })
	return x
}

func firstID(t *testing.T, x *Index, q string) string {
	t.Helper()
	res, err := x.Lookup(context.Background(), Query{Text: q, Limit: 1})
	if err != nil {
		t.Fatal(err)
	}
	if len(res) == 0 {
		return ""
	}
	return res[0].Concept.ID
}

func TestCacheBuildsOnceAndReuses(t *testing.T) {
	f := newCacheFixture(t, smallGlossary)
	x := f.open(t)
	if x.Dir() == "" || !strings.HasPrefix(x.Dir(), f.cache.Dir) {
		t.Fatalf("index in %q, want under %s", x.Dir(), f.cache.Dir)
	}
	if got := firstID(t, x, "одкб"); got != "csto" {
		t.Errorf("lookup одкб = %q", got)
	}
	f.open(t)
	if n := f.loads.Load(); n != 1 {
		t.Errorf("glossary loaded %d times, want 1 (the second open must use the cache)", n)
	}
	if len(f.notices) > 0 {
		t.Errorf("notices: %q", f.notices)
	}
	st, err := f.cache.Status([]Source{{Path: f.path}})
	if err != nil || !st.Exists || !st.Fresh || st.Concepts != 2 || st.Bytes == 0 {
		t.Errorf("Status = %+v, %v", st, err)
	}
}

func TestCacheFreshness(t *testing.T) {
	tests := []struct {
		name      string
		change    func(t *testing.T, path string)
		wantLoads int32
		wantID    string // of the lookup "ОДКБ" after the change
	}{
		{"unchanged", func(*testing.T, string) {}, 1, "csto"},
		{"touched, same content", func(t *testing.T, p string) {
			later := time.Now().Add(time.Hour)
			if err := os.Chtimes(p, later, later); err != nil {
				t.Fatal(err)
			}
		}, 1, "csto"},
		{"content changed", func(t *testing.T, p string) {
			changed := strings.Replace(smallGlossary, "[csto]", "[odkb]", 1)
			if err := os.WriteFile(p, []byte(changed), 0o644); err != nil {
				t.Fatal(err)
			}
			later := time.Now().Add(time.Hour)
			os.Chtimes(p, later, later)
		}, 2, "odkb"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := newCacheFixture(t, smallGlossary)
			f.open(t).Close()
			tt.change(t, f.path)
			x := f.open(t)
			if n := f.loads.Load(); n != tt.wantLoads {
				t.Errorf("glossary loaded %d times, want %d", n, tt.wantLoads)
			}
			if got := firstID(t, x, "ОДКБ"); got != tt.wantID {
				t.Errorf("lookup ОДКБ = %q, want %q", got, tt.wantID)
			}
		})
	}
}

func TestCacheDataSourceKeyedByContent(t *testing.T) {
	f := newCacheFixture(t, smallGlossary)
	loads := 0
	load := func() (*glossary.Glossary, error) { loads++; return glossary.Load(f.path) }
	for i, data := range []string{"one", "one", "two"} {
		x, err := f.cache.Open(context.Background(), []Source{{Name: "builtin", Data: []byte(data)}}, load)
		if err != nil {
			t.Fatal(err)
		}
		x.Close()
		if want := []int{1, 1, 2}[i]; loads != want {
			t.Errorf("open %d: %d loads, want %d", i, loads, want)
		}
	}
	if n, _ := f.cache.Entries(); n != 2 {
		t.Errorf("%d cache entries, want 2", n)
	}
}

func TestCacheCorruptIsRebuilt(t *testing.T) {
	corruptions := []struct {
		name    string
		corrupt func(t *testing.T, dir string)
	}{
		{"manifest garbage", func(t *testing.T, dir string) {
			os.WriteFile(filepath.Join(dir, manifestName), []byte("{not json"), 0o644)
		}},
		{"bleve meta missing", func(t *testing.T, dir string) {
			os.Remove(filepath.Join(dir, bleveName, "index_meta.json"))
		}},
		{"root.bolt garbage", func(t *testing.T, dir string) {
			os.WriteFile(filepath.Join(dir, bleveName, "store", "root.bolt"), []byte("garbage"), 0o644)
		}},
	}
	for _, c := range corruptions {
		t.Run(c.name, func(t *testing.T) {
			f := newCacheFixture(t, smallGlossary)
			x := f.open(t)
			dir := filepath.Dir(x.Dir())
			x.Close()
			c.corrupt(t, dir)
			x = f.open(t)
			if got := firstID(t, x, "SCO"); got != "sco" {
				t.Errorf("lookup after rebuild = %q", got)
			}
			if f.loads.Load() != 2 {
				t.Errorf("%d loads, want 2 (a rebuild)", f.loads.Load())
			}
			if len(f.notices) != 1 || !strings.Contains(f.notices[0], "corrupt") {
				t.Errorf("notices %q, want one about a corrupt cache", f.notices)
			}
		})
	}
}

func TestCacheUnwritableFallsBackToMemory(t *testing.T) {
	if runtime.GOOS == "windows" || os.Geteuid() == 0 {
		t.Skip("needs a directory the user cannot write (not root)")
	}
	f := newCacheFixture(t, smallGlossary)
	if err := os.MkdirAll(f.cache.Dir, 0o500); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.Chmod(f.cache.Dir, 0o700) })
	x := f.open(t)
	if x.Dir() != "" {
		t.Errorf("index in %q, want memory", x.Dir())
	}
	if len(f.notices) != 1 || !strings.Contains(f.notices[0], "memory") {
		t.Errorf("notices %q", f.notices)
	}
}

func TestCacheUnwritableFileInTheWay(t *testing.T) {
	// A file where the cache directory should be: the same fallback,
	// and this one works as root too.
	f := newCacheFixture(t, smallGlossary)
	if err := os.WriteFile(f.cache.Dir, []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	x := f.open(t)
	if x.Dir() != "" {
		t.Errorf("index in %q, want memory", x.Dir())
	}
	if got := firstID(t, x, "шос"); got != "sco" {
		t.Errorf("lookup = %q", got)
	}
	if len(f.notices) != 1 || !strings.Contains(f.notices[0], "memory") {
		t.Errorf("notices %q", f.notices)
	}
}

func TestCacheRebuildAndClean(t *testing.T) {
	f := newCacheFixture(t, smallGlossary)
	f.open(t).Close()
	x, err := f.cache.Rebuild(context.Background(), []Source{{Path: f.path}}, f.load)
	if err != nil {
		t.Fatal(err)
	}
	x.Close()
	if f.loads.Load() != 2 {
		t.Errorf("%d loads, want 2", f.loads.Load())
	}
	n, bytes, err := f.cache.Clean()
	if err != nil || n != 1 || bytes == 0 {
		t.Errorf("Clean = %d, %d, %v", n, bytes, err)
	}
	if _, err := os.Stat(f.cache.root()); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("cache root still there: %v", err)
	}
	if n, _, err := f.cache.Clean(); n != 0 || err != nil {
		t.Errorf("second Clean = %d, %v", n, err)
	}
}

func TestCacheMissingGlossary(t *testing.T) {
	f := newCacheFixture(t, smallGlossary)
	os.Remove(f.path)
	_, err := f.cache.Open(context.Background(), []Source{{Path: f.path}}, f.load)
	if err == nil || !strings.Contains(err.Error(), f.path) {
		t.Errorf("error %v does not name %s", err, f.path)
	}
}

// TestCacheRemovesStaleTemporaries: a build killed midway leaves its
// temporary directory; the next build of the same key removes it.
func TestCacheRemovesStaleTemporaries(t *testing.T) {
	f := newCacheFixture(t, smallGlossary)
	srcs := []Source{{Path: f.path}}
	k, _, err := key(srcs)
	if err != nil {
		t.Fatal(err)
	}
	stale := filepath.Join(f.cache.root(), ".tmp-"+k+"-12345")
	if err := os.MkdirAll(filepath.Join(stale, bleveName), 0o755); err != nil {
		t.Fatal(err)
	}
	f.open(t)
	if _, err := os.Stat(stale); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("stale temporary directory still there: %v", err)
	}
}

// TestCacheTouchRecordsNewStat: after a touch that left the content
// alone, the manifest takes the new modification time, so that the next
// lookup decides on a stat again instead of hashing the file.
func TestCacheTouchRecordsNewStat(t *testing.T) {
	f := newCacheFixture(t, smallGlossary)
	x := f.open(t)
	dir := filepath.Dir(x.Dir())
	x.Close()
	later := time.Now().Add(time.Hour).Truncate(time.Second)
	if err := os.Chtimes(f.path, later, later); err != nil {
		t.Fatal(err)
	}
	f.open(t)
	m, err := readManifest(dir)
	if err != nil {
		t.Fatal(err)
	}
	if got := time.Unix(0, m.Sources[0].ModTime); !got.Equal(later) {
		t.Errorf("manifest mtime %v, want %v", got, later)
	}
	if f.loads.Load() != 1 {
		t.Errorf("%d loads, want 1", f.loads.Load())
	}
}
