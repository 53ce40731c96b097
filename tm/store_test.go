package tm

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
)

func TestImportAllOrNothing(t *testing.T) {
	dir := t.TempDir()
	cache := filepath.Join(dir, "cache")
	good := filepath.Join(dir, "good.tsv")
	os.WriteFile(good, []byte("ru\ten\nМир мой\tMy peace\nВойна\tWar\nМир\u00a0мой\tMy  peace\n"), 0o644)
	bad := filepath.Join(dir, "bad.tmx")
	os.WriteFile(bad, []byte("<tmx><header/><body><tu><tuv xml:lang=\"ru\"><seg>Да</seg></tuv>"), 0o644)
	for _, ext := range []string{"tmx", "tsv", "csv"} {
		t.Run(ext, func(t *testing.T) {
			path := filepath.Join(dir, "tm."+ext)
			res, err := Import(path, []string{good}, Options{CacheDir: cache})
			if err != nil {
				t.Fatal(err)
			}
			if res.Added != 2 || res.Duplicates != 1 || res.Total != 2 {
				t.Errorf("first import %+v, want 2 added, 1 duplicate", res)
			}
			before, _ := os.ReadFile(path)
			if _, err := Import(path, []string{good, bad}, Options{CacheDir: cache}); err == nil || !strings.Contains(err.Error(), "bad.tmx:1:") {
				t.Fatalf("import of a truncated TMX: err %v, want bad.tmx:1:…", err)
			}
			after, _ := os.ReadFile(path)
			if string(before) != string(after) {
				t.Error("a failed import changed the TM")
			}
			res, err = Add(path, []Unit{pairUnit("", "Договор", "Treaty"), pairUnit("", " Война", "War\u200b")}, Options{CacheDir: cache})
			if err != nil || res.Added != 1 || res.Total != 3 {
				t.Fatalf("add: %+v %v", res, err)
			}
			// The cached index and a fresh read of the file agree.
			x, err := Open(path, Options{CacheDir: cache})
			if err != nil {
				t.Fatal(err)
			}
			y, err := Open(path, Options{})
			if err != nil {
				t.Fatal(err)
			}
			if x.Len() != 3 || y.Len() != 3 {
				t.Errorf("units: cached %d, fresh %d, want 3", x.Len(), y.Len())
			}
			if m := x.Match("договора", MatchOptions{}); len(m) != 1 || m[0].Score != 99 || m[0].Target != "Treaty" {
				t.Errorf("match after add: %+v", m)
			}
			if entries, _ := filepath.Glob(filepath.Join(dir, ".tm."+ext+".tmp-*")); len(entries) != 0 {
				t.Errorf("temporary files left: %v", entries)
			}
		})
	}
}

// TestImportKeepsDistinctTranslations checks that a TM keeps every
// distinct translation: units merge only when their texts are the same
// up to Unicode normalisation and white space, never because their
// matching keys agree (a plural, an inflected form, a mnemonic "&" or
// another case is another translation). Before, "Commands"/«Команды» was
// dropped as a duplicate of "Command"/«Команда», and "tm match Commands"
// offered «Команда» at 99%.
func TestImportKeepsDistinctTranslations(t *testing.T) {
	dir := t.TempDir()
	src := filepath.Join(dir, "project.tmx")
	os.WriteFile(src, []byte(`<?xml version="1.0" encoding="UTF-8"?>
<tmx version="1.4"><header srclang="en" datatype="plaintext" segtype="sentence" adminlang="en" creationtool="t" creationtoolversion="1" o-tmf="t"/><body>
<tu><tuv xml:lang="en"><seg>&amp;Glossaries</seg></tuv><tuv xml:lang="ru"><seg>&amp;Глоссарии</seg></tuv></tu>
<tu><tuv xml:lang="en"><seg>Glossary</seg></tuv><tuv xml:lang="ru"><seg>Глоссарий</seg></tuv></tu>
<tu><tuv xml:lang="en"><seg>Command</seg></tuv><tuv xml:lang="ru"><seg>Команда</seg></tuv></tu>
<tu><tuv xml:lang="en"><seg>Commands</seg></tuv><tuv xml:lang="ru"><seg>Команды</seg></tuv></tu>
<tu><tuv xml:lang="en"><seg>command</seg></tuv><tuv xml:lang="ru"><seg>команда</seg></tuv></tu>
<tu><tuv xml:lang="en"><seg>Command </seg></tuv><tuv xml:lang="ru"><seg>Команда</seg></tuv></tu>
<tu><tuv xml:lang="en"><seg>Open the  file</seg></tuv><tuv xml:lang="ru"><seg>Откройте&#xA0;файл</seg></tuv></tu>
<tu><tuv xml:lang="en"><seg>Open the file</seg></tuv><tuv xml:lang="ru"><seg>Откройте файл</seg></tuv></tu>
<tu><tuv xml:lang="en"><seg>Short</seg></tuv><tuv xml:lang="ru"><seg>Коротки&#x438;&#x306;</seg></tuv></tu>
<tu><tuv xml:lang="en"><seg>Short</seg></tuv><tuv xml:lang="ru"><seg>Короткий</seg></tuv></tu>
</body></tmx>`), 0o644)
	for _, ext := range []string{"tmx", "tsv"} {
		t.Run(ext, func(t *testing.T) {
			path := filepath.Join(dir, "tm."+ext)
			res, err := Import(path, []string{src}, Options{CacheDir: filepath.Join(dir, "cache")})
			if err != nil {
				t.Fatal(err)
			}
			if res.Read != 10 || res.Added != 7 || res.Duplicates != 3 {
				t.Errorf("import %+v, want 10 read, 7 added, 3 duplicates (a trailing space, NBSP and double space, NFD)", res)
			}
			x, err := Open(path, Options{})
			if err != nil {
				t.Fatal(err)
			}
			if m := x.Match("Commands", MatchOptions{}); len(m) == 0 || m[0].Score != 100 || m[0].Target != "Команды" {
				t.Errorf("match Commands: %+v, want «Команды» at 100%%", m)
			}
			if m := x.Match("Glossary", MatchOptions{Min: 70}); len(m) == 0 || m[0].Score != 100 || m[0].Target != "Глоссарий" {
				t.Errorf("match Glossary: %+v, want «Глоссарий» at 100%%", m)
			}
		})
	}
}

// TestConcurrentAdds checks that concurrent writers of one TM are
// serialised by the lock: every unit lands.
func TestConcurrentAdds(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "tm.tmx")
	var wg sync.WaitGroup
	errs := make(chan error, 16)
	for i := 0; i < 16; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			_, err := Add(path, []Unit{pairUnit(fmt.Sprint(i), fmt.Sprintf("Пункт %d", i), fmt.Sprintf("Item %d", i))}, Options{CacheDir: filepath.Join(dir, "c")})
			errs <- err
		}(i)
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			t.Fatal(err)
		}
	}
	n := 0
	if err := ReadFile(path, func(*Unit) error { n++; return nil }); err != nil || n != 16 {
		t.Fatalf("%d units, err %v; want 16", n, err)
	}
	if left, _ := filepath.Glob(filepath.Join(dir, ".tm.tmx*")); len(left) != 0 {
		t.Errorf("lock or temporary files left beside the TM: %v", left)
	}
}

func TestSpliceKeepsForeignContent(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "tm.tmx")
	orig := "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!-- made by another tool -->\n<tmx version=\"1.4\"><header srclang=\"ru\" x-custom=\"1\"/><body>\n<tu tuid=\"a\" usagecount=\"3\"><tuv xml:lang=\"ru\"><seg>Мир</seg></tuv><tuv xml:lang=\"en\"><seg>Peace</seg></tuv></tu>\n</body></tmx>\n"
	os.WriteFile(path, []byte(orig), 0o644)
	if _, err := Add(path, []Unit{pairUnit("b", "Война", "War")}, Options{}); err != nil {
		t.Fatal(err)
	}
	got, _ := os.ReadFile(path)
	if !strings.HasPrefix(string(got), orig[:strings.Index(orig, "</body>")]) || !strings.Contains(string(got), `tuid="b"`) {
		t.Errorf("spliced TM:\n%s", got)
	}
}

func TestSearch(t *testing.T) {
	x := NewIndex()
	for _, p := range [][2]string{
		{"Шанхайская организация сотрудничества провела саммит.", "The Shanghai Cooperation Organisation held a summit."},
		{"Саммит Шанхайской организации сотрудничества прошёл в Астане.", "The summit of the Shanghai Cooperation Organisation took place in Astana."},
		{"Организация сотрудничества ШОС.", "SCO."},
	} {
		u := pairUnit("", p[0], p[1])
		x.Add(&u)
	}
	tests := []struct {
		q    string
		want int
	}{
		{"шанхайской организацией", 2},
		{"Shanghai Cooperation Organization", 2}, // -ization and -isation share a key
		{"cooperation organisation", 2},
		{"саммит", 2},
		{"Астана", 1},
		{"нет такого", 0},
	}
	for _, tt := range tests {
		t.Run(tt.q, func(t *testing.T) {
			hits := x.Search(tt.q, 10)
			if len(hits) != tt.want {
				t.Fatalf("%d hits, want %d: %+v", len(hits), tt.want, hits)
			}
			for _, h := range hits {
				if len(h.Spans) == 0 || h.Target == "" {
					t.Errorf("hit without spans or target: %+v", h)
				}
			}
		})
	}
}

// TestAddRewritesOtherEncodings: a TMX in UTF-16 or a declared
// single-byte encoding cannot take UTF-8 bytes spliced in; it is
// rewritten, and every unit survives.
func TestAddRewritesOtherEncodings(t *testing.T) {
	dir := t.TempDir()
	tests := []struct {
		name string
		data []byte
	}{
		{"windows-1251", append([]byte("<?xml version=\"1.0\" encoding=\"windows-1251\"?>\n<tmx version=\"1.4\"><header/><body><tu><tuv xml:lang=\"ru\"><seg>"),
			append([]byte{0xcc, 0xe8, 0xf0}, []byte("</seg></tuv><tuv xml:lang=\"en\"><seg>Peace</seg></tuv></tu></body></tmx>\n")...)...)},
		{"utf-16le", utf16le("<?xml version=\"1.0\" encoding=\"UTF-16\"?><tmx version=\"1.4\"><header/><body><tu><tuv xml:lang=\"ru\"><seg>Мир</seg></tuv><tuv xml:lang=\"en\"><seg>Peace</seg></tuv></tu></body></tmx>")},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := filepath.Join(dir, tt.name+".tmx")
			os.WriteFile(path, tt.data, 0o644)
			if _, err := Add(path, []Unit{pairUnit("", "Война", "War")}, Options{}); err != nil {
				t.Fatal(err)
			}
			var got []string
			if err := ReadFile(path, func(u *Unit) error { got = append(got, u.Segments[0].Text); return nil }); err != nil {
				t.Fatal(err)
			}
			if strings.Join(got, "|") != "Мир|Война" {
				t.Errorf("units %q, want Мир|Война", got)
			}
		})
	}
}

func utf16le(s string) []byte {
	b := []byte{0xFF, 0xFE}
	for _, r := range s {
		b = append(b, byte(r), byte(r>>8))
	}
	return b
}
